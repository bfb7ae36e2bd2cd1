package org.pchat.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pchat.proxy.pool.PoolNodeAddress;
import org.pchat.proxy.support.ClientDialog;
import org.pchat.proxy.support.FakeNode;
import org.pchat.proxy.support.ProxyFixture;
import org.pchat.proxy.support.SipSocket;
import org.pchat.proxy.support.SipText;
import org.pchat.proxy.support.SipUser;
import org.pchat.sip.RequestOutcome;
import org.pchat.sip.SipTransport;
import org.pchat.sip.TlsSettings;

/**
 * TLS clients (RFC 3261 §26.2.1) with a TCP chat node behind: two Record-Routes, one per transport (RFC 5658),
 * and the node's INFO back down the client's TLS connection; and loop detection (RFC 3261 §16.3 step 4).
 */
class TlsAndLoopIT {

    private static final String PASSWORD = "changeit-" + UUID.randomUUID();
    private static final String CHAT = "sip:ocschat@example.com";

    @TempDir
    Path dir;

    private Path keyStore() throws Exception {
        Path keyStore = dir.resolve("proxy.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "sip",
                "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD))
                .redirectErrorStream(true).redirectOutput(dir.resolve("keytool.log").toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("keytool.log"))).isZero();
        return keyStore;
    }

    private static SSLSocket connect(Path trustStore, int port) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(trustStore.toFile())) {
            trusted.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
        socket.startHandshake();
        return socket;
    }

    @Test
    void tlsClientGetsTwoRecordRoutesAndTheNodesInfoOnItsOwnConnection_rfc5658_rfc3261_26_2_1() throws Exception {
        Path keyStore = keyStore();
        try (FakeNode node = new FakeNode("tls-node");
             ProxyFixture fixture = new ProxyFixture(List.of(node.address()),
                     b -> b.tlsPort(0).tls(TlsSettings.pkcs12(keyStore, PASSWORD)));
             SipUser alice = new SipUser(SipSocket.over(connect(keyStore, fixture.proxy.port(SipTransport.TLS)),
                     "tls"), "alice", ProxyFixture.PASSWORD)) {
            assertThat(alice.registerLikeLync(3600).status()).isEqualTo(200);
            String callId = "tls-" + UUID.randomUUID();
            alice.socket.send(alice.request("INVITE", CHAT, callId, alice.nextCseq(), null, CHAT, null, null,
                    "application/sdp", "v=0\r\n"));
            SipText ok = alice.socket.awaitFinal("INVITE");
            assertThat(ok.status()).isEqualTo(200);
            String routes = String.join(",", ok.headers("Record-Route"));
            assertThat(routes).as("one Record-Route per side").contains("transport=tcp").contains("transport=tls");
            ClientDialog dialog = new ClientDialog(alice, callId, CHAT, ok, false);
            alice.socket.send(dialog.ack());

            alice.socket.send(dialog.next("INFO", "text/plain", "<xccos/>"));
            assertThat(alice.socket.awaitFinal("INFO").status()).isEqualTo(200);
            SipText echo = alice.socket.awaitRequest("INFO");
            alice.socket.send(ClientDialog.ok(echo));

            await().atMost(Duration.ofSeconds(5)).until(() -> node.infoOutcomes.stream()
                    .anyMatch(RequestOutcome::isSuccess));
        }
    }

    @Test
    void requestThatComesBackToTheProxyIsAnswered482_rfc3261_16_3_step4() throws Exception {
        int ownTcpPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            ownTcpPort = probe.getLocalPort();
        }
        // the "node" is the proxy itself: whatever it forwards to the chat service comes straight back
        try (ProxyFixture fixture = new ProxyFixture(List.of(new PoolNodeAddress("127.0.0.1", ownTcpPort,
                SipTransport.TCP)), b -> b.port(ownTcpPort).trustedPeers(List.of("127.0.0.1")));
             SipUser alice = new SipUser(SipSocket.udp(fixture.udpPort()), "alice", ProxyFixture.PASSWORD)) {
            alice.socket.send(alice.request("MESSAGE", CHAT, "loop-" + UUID.randomUUID(), 1, SipUser.branch(), CHAT,
                    null, null, "text/plain", "round and round"));

            assertThat(alice.socket.awaitFinal("MESSAGE").status()).isEqualTo(482);
        }
    }
}
