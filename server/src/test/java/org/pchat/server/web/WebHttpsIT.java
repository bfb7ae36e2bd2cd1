package org.pchat.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pchat.server.files.FileAudit;
import org.pchat.server.files.FileServiceConfig;

/** With a key store configured the server speaks HTTPS only, and its session cookie is Secure. */
class WebHttpsIT {

    private static final String PASSWORD = "changeit";

    @TempDir
    Path dir;

    @Test
    void serverWithKeyStoreServesHttpsAndSecureCookies() throws Exception {
        Path keyStore = generateKeyStore(dir.resolve("server.p12"));
        try (WebTestServer server = WebTestServer.start(dir, FileServiceConfig.DEFAULT_MAX_FILE_SIZE_KB,
                FileAudit.NONE, web -> web.withTls(new WebConfig.Tls(keyStore, PASSWORD)))) {
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(keyStore)).build();
            URI base = URI.create("https://localhost:" + server.base().getPort() + "/");

            HttpResponse<String> live = client.send(HttpRequest.newBuilder(base.resolve("health/live")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(base.resolve("login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("user=alice%40example.com&password="
                            + WebTestServer.PASSWORD.replace(" ", "+"))).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(server.base().getScheme()).isEqualTo("https");
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(live.body()).contains("UP");
            assertThat(login.statusCode()).isEqualTo(303);
            assertThat(login.headers().firstValue("Set-Cookie").orElseThrow())
                    .contains("pchat_session=").contains("Secure").contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        }
    }

    private static Path generateKeyStore(Path target) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        assertThat(keytool).as("the JDK's keytool is needed to make a test certificate").isExecutable();
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "pchat",
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext",
                "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                target.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(process.exitValue()).as("keytool: %s", output).isZero();
        return target;
    }

    private static SSLContext trusting(Path keyStore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
