package org.pchat.server.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** STARTTLS (RFC 6120 §5) with the default policy: no authentication before TLS. */
class XmppTlsIT {

    private static final char[] STORE_PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path keys;

    @TempDir
    Path dataDir;

    private static Path keyStore;
    private TestXmppNode node;

    @BeforeAll
    static void certificate() throws Exception {
        keyStore = keys.resolve("xmpp.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "xmpp", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=example.com", "-ext", "SAN=dns:example.com", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
    }

    @BeforeEach
    void start() {
        node = TestXmppNode.start(dataDir, config -> config.withPlaintextAuth(false),
                Optional.of(XmppTls.fromPkcs12(keyStore, STORE_PASSWORD)));
        node.user("alice");
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void rfc6120Section5_3_1StartTlsIsRequiredAndNoMechanismIsOfferedBeforeIt() throws Exception {
        try (RawXmppClient raw = new RawXmppClient(node.port())) {
            String features = raw.send(RawXmppClient.HEADER).readUntil("</stream:features>");

            assertThat(features).contains("<starttls xmlns=\"urn:ietf:params:xml:ns:xmpp-tls\"><required>")
                    .doesNotContain("<mechanism>");
        }
    }

    @Test
    void rfc6120Section5_4SmackNegotiatesTlsThenAuthenticatesWithScram() throws Exception {
        XMPPTCPConnection alice = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(TestXmppNode.DOMAIN)
                .setHost("127.0.0.1")
                .setPort(node.port())
                .setSecurityMode(SecurityMode.required)
                .setCustomX509TrustManager(trustManager())
                .setUsernameAndPassword("alice", TestXmppNode.PASSWORD)
                .addEnabledSaslMechanism("SCRAM-SHA-1")
                .build());
        try {
            alice.connect().login();

            assertThat(alice.isSecureConnection()).isTrue();
            assertThat(alice.isAuthenticated()).isTrue();
        } finally {
            alice.disconnect();
        }
    }

    private static X509TrustManager trustManager() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, STORE_PASSWORD);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return (X509TrustManager) factory.getTrustManagers()[0];
    }
}
