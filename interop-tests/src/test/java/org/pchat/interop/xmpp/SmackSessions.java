package org.pchat.interop.xmpp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.MessageListener;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.sid.element.StanzaIdElement;
import org.jivesoftware.smackx.sid.provider.StanzaIdProvider;
import org.jxmpp.jid.impl.JidCreate;
import org.pchat.interop.support.PchatProcess;

/**
 * Smack connections to one {@link PchatProcess}'s XMPP port (read at login, so it follows a restart), without
 * TLS on loopback (the process needs {@code xmpp.allow-auth-without-tls=true}), closed together.
 */
final class SmackSessions implements AutoCloseable {

    private static final long REPLY_TIMEOUT_MS = 15_000;

    private final PchatProcess node;
    private final List<XMPPTCPConnection> open = new ArrayList<>();

    SmackSessions(PchatProcess node) {
        this.node = Objects.requireNonNull(node, "node");
        ProviderManager.addExtensionProvider(StanzaIdElement.ELEMENT, StanzaIdElement.NAMESPACE,
                StanzaIdProvider.INSTANCE);
    }

    /** A connected, authenticated (SCRAM-SHA-1) and bound connection for {@code user} of the node's domain. */
    synchronized XMPPTCPConnection login(String user, String password) throws Exception {
        XMPPTCPConnection connection = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(node.domain())
                .setHost("127.0.0.1")
                .setPort(node.ports().xmpp())
                .setSecurityMode(SecurityMode.disabled)
                .setUsernameAndPassword(user, password)
                .addEnabledSaslMechanism("SCRAM-SHA-1")
                .setResource("interop")
                .build());
        connection.setReplyTimeout(REPLY_TIMEOUT_MS);
        open.add(connection);
        connection.connect().login();
        return connection;
    }

    /** The Multi-User Chat room of the room named {@code roomName} (lower case, no characters to escape). */
    MultiUserChat room(XMPPTCPConnection connection, String roomName) throws Exception {
        return MultiUserChatManager.getInstanceFor(connection).getMultiUserChat(JidCreate.entityBareFrom(
                roomName.toLowerCase(Locale.ROOT) + "@conference." + node.domain()));
    }

    /** A room message listener keeping the messages with a body (the subject message has none). */
    static MessageListener bodies(List<Message> into) {
        return message -> {
            if (message.getBody() != null) {
                into.add(message);
            }
        };
    }

    /** The XEP-0359 stanza-id the room stamped on {@code message}, or null. */
    static String stanzaId(Message message) {
        StanzaIdElement id = StanzaIdElement.getStanzaId(message);
        return id == null ? null : id.getId();
    }

    @Override
    public synchronized void close() {
        for (XMPPTCPConnection connection : open) {
            connection.disconnect();
        }
        open.clear();
    }
}
