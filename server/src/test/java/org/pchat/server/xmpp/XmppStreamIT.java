package org.pchat.server.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and broken input over raw sockets: stream errors (RFC 6120 §4.9) that end only that connection. */
class XmppStreamIT {

    private static final String BILLION_LAUGHS = "<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'>"
            + "<!ENTITY lol2 '&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;'>"
            + "<!ENTITY lol3 '&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;'>]>"
            + "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'"
            + " to='example.com' version='1.0'>&lol3;";

    @TempDir
    Path dataDir;

    private TestXmppNode node;

    @BeforeEach
    void start() {
        node = TestXmppNode.start(dataDir, config -> config.withMaxStanzaBytes(4_096));
        node.user("alice");
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void rfc6120Section11_1BillionLaughsDoctypeIsARestrictedXmlStreamError() throws Exception {
        try (RawXmppClient raw = new RawXmppClient(node.port())) {
            String reply = raw.send(BILLION_LAUGHS).readUntilClosed();

            assertThat(reply).contains("<stream:error><restricted-xml").endsWith("</stream:stream>");
            assertThat(reply).doesNotContain("lollol");
        }
    }

    @Test
    void rfc6120Section4_9_3_12StanzaOverTheSizeLimitIsAPolicyViolation() throws Exception {
        try (RawXmppClient raw = new RawXmppClient(node.port())) {
            raw.send(RawXmppClient.HEADER).readUntil("</stream:features>");

            String reply = raw.send("<message to='x@example.com'><body>" + "a".repeat(5_000) + "</body></message>")
                    .readUntilClosed();

            assertThat(reply).contains("<stream:error><policy-violation").contains("4096")
                    .endsWith("</stream:stream>");
        }
    }

    @Test
    void rfc6120Section4_9_3_13MalformedXmlIsNotWellFormed() throws Exception {
        try (RawXmppClient raw = new RawXmppClient(node.port())) {
            raw.send(RawXmppClient.HEADER).readUntil("</stream:features>");

            String reply = raw.send("<message><body>oops</message>").readUntilClosed();

            assertThat(reply).contains("<stream:error><not-well-formed").endsWith("</stream:stream>");
        }
    }

    @Test
    void rfc6120Section4_9_3_6StreamToAnotherDomainIsHostUnknownAfterAHeader() throws Exception {
        try (RawXmppClient raw = new RawXmppClient(node.port())) {
            String reply = raw.send(RawXmppClient.HEADER.replace("to='example.com'", "to='elsewhere.org'"))
                    .readUntilClosed();

            assertThat(reply).startsWith("<?xml").contains("<stream:stream")
                    .contains("<stream:error><host-unknown").endsWith("</stream:stream>");
        }
    }

    @Test
    void rfc6120Section4_9_3_9StanzaBeforeAuthenticationIsNotAuthorized() throws Exception {
        try (RawXmppClient raw = new RawXmppClient(node.port())) {
            raw.send(RawXmppClient.HEADER).readUntil("</stream:features>");

            String reply = raw.send("<message to='bob@example.com'><body>hi</body></message>").readUntilClosed();

            assertThat(reply).contains("<stream:error><not-authorized").endsWith("</stream:stream>");
        }
    }

    @Test
    void rfc6120Section4_9AStreamErrorOnOneConnectionLeavesTheOthersWorking() throws Exception {
        try (SmackClients clients = new SmackClients(node.port());
             RawXmppClient raw = new RawXmppClient(node.port())) {
            XMPPTCPConnection alice = clients.login("alice");

            raw.send(BILLION_LAUGHS).readUntilClosed();

            assertThat(PingManager.getInstanceFor(alice).pingMyServer(false)).isTrue();
        }
    }

    @Test
    void rfc6120Section4_9_3_12TenMegabyteStanzaIsAPolicyViolationAndTheServerKeepsServing() throws Exception {
        try (SmackClients clients = new SmackClients(node.port());
             RawXmppClient raw = new RawXmppClient(node.port())) {
            XMPPTCPConnection alice = clients.login("alice");
            raw.send(RawXmppClient.HEADER).readUntil("</stream:features>");
            raw.clear();
            CompletableFuture<Long> written = CompletableFuture.supplyAsync(() -> writeTenMegabytes(raw));

            String reply = raw.readUntilClosed();

            assertThat(reply).contains("<stream:error><policy-violation").contains("4096")
                    .endsWith("</stream:stream>");
            assertThat(written.get()).as("bytes the server took before closing").isLessThan(10L * 1_048_576);
            assertThat(PingManager.getInstanceFor(alice).pingMyServer(false)).isTrue();
        }
    }

    @Test
    void rfc6120Section4_3AStreamClosedInTheMiddleOfAStanzaEndsOnlyThatConnection() throws Exception {
        try (SmackClients clients = new SmackClients(node.port());
             RawXmppClient raw = new RawXmppClient(node.port())) {
            XMPPTCPConnection alice = clients.login("alice");
            raw.send(RawXmppClient.HEADER).readUntil("</stream:features>");

            raw.send("<message to='alice@example.com'><body>never fini").shutdownOutput();
            String reply = raw.readUntilClosed();

            assertThat(reply).doesNotContain("[timeout");
            assertThat(PingManager.getInstanceFor(alice).pingMyServer(false)).isTrue();
        }
    }

    @Test
    void rfc6120Section13_12AThousandStreamsThatNeverAuthenticateDoNotStopOthers() throws Exception {
        List<Socket> idle = new ArrayList<>();
        try (SmackClients clients = new SmackClients(node.port())) {
            for (int i = 0; i < 1_000; i++) {
                Socket socket = new Socket("127.0.0.1", node.port());
                idle.add(socket);
                socket.getOutputStream().write(RawXmppClient.HEADER.getBytes(StandardCharsets.UTF_8));
            }

            XMPPTCPConnection alice = clients.login("alice");

            assertThat(PingManager.getInstanceFor(alice).pingMyServer(false)).isTrue();
            assertThat(idle).hasSize(1_000).allMatch(s -> !s.isClosed());
        } finally {
            for (Socket socket : idle) {
                socket.close();
            }
        }
    }

    private static long writeTenMegabytes(RawXmppClient raw) {
        byte[] chunk = "a".repeat(65_536).getBytes(StandardCharsets.UTF_8);
        long written = 0;
        try {
            raw.send("<message to='x@example.com'><body>");
            OutputStream out = raw.output();
            while (written < 10L * 1_048_576) {
                out.write(chunk);
                written += chunk.length;
            }
            out.write("</body></message>".getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            return written;
        }
        return written;
    }
}
