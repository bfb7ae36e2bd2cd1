package org.pchat.server.xmpp;

import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;

/** Smack connections to a {@link TestXmppNode}, closed together. */
final class SmackClients implements AutoCloseable {

    private final int port;
    private final List<XMPPTCPConnection> open = new ArrayList<>();

    SmackClients(int port) {
        this.port = port;
    }

    /** A connection configured for the node (no TLS on loopback), not yet connected. */
    XMPPTCPConnection connection(String user, String password, String... mechanisms) throws Exception {
        XMPPTCPConnectionConfiguration.Builder config = XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(TestXmppNode.DOMAIN)
                .setHost("127.0.0.1")
                .setPort(port)
                .setSecurityMode(SecurityMode.disabled)
                .setUsernameAndPassword(user, password)
                .setResource("it")
                .setSendPresence(true);
        for (String mechanism : mechanisms) {
            config.addEnabledSaslMechanism(mechanism);
        }
        XMPPTCPConnection connection = new XMPPTCPConnection(config.build());
        connection.setReplyTimeout(10_000);
        open.add(connection);
        return connection;
    }

    /** A connected, authenticated and bound connection with SCRAM-SHA-1. */
    XMPPTCPConnection login(String user) throws Exception {
        XMPPTCPConnection connection = connection(user, TestXmppNode.PASSWORD, "SCRAM-SHA-1");
        connection.connect().login();
        return connection;
    }

    @Override
    public void close() {
        for (XMPPTCPConnection connection : open) {
            connection.disconnect();
        }
    }
}
