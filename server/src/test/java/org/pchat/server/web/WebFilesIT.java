package org.pchat.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pchat.server.chat.FileAction;
import org.pchat.server.domain.Privacy;
import org.pchat.server.rooms.CategorySpec;
import org.pchat.server.rooms.RoomSpec;
import org.pchat.server.store.FileRepository;
import org.pchat.server.web.TestHttp.Reply;

/**
 * The file web service against a real server: upload and download with the tokens of xccos.md §4.11, the
 * REST routes, the SOAP service of §8.1, and the refusals (non-members, expired and forged tokens, size limit,
 * wrong types, path traversal).
 */
class WebFilesIT {

    @TempDir
    static Path dir;

    static WebTestServer server;
    static TestHttp http;
    static UUID project;
    static UUID secret;
    static UUID noUploads;

    @BeforeAll
    static void start() {
        server = WebTestServer.start(dir);
        http = new TestHttp(server);
        server.category("Eng", Set.of());
        project = server.directory().newRoom(RoomSpec.of("Project", "Eng").withPrivacy(Privacy.CLOSED)
                .withMembers(Set.of(WebTestServer.ALICE, WebTestServer.BOB))
                .withManagers(Set.of(WebTestServer.ALICE))).room().id();
        secret = server.directory().newRoom(RoomSpec.of("Hidden", "Eng").withPrivacy(Privacy.SECRET)
                .withMembers(Set.of(WebTestServer.ALICE))).room().id();
        server.directory().newCategory(CategorySpec.named("NoFiles").withFileUpload(false)
                .withAllowed(Set.of(org.pchat.server.domain.Principal.everyone())));
        noUploads = server.directory().newRoom(RoomSpec.of("Quiet", "NoFiles").withPrivacy(Privacy.OPEN)).room().id();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void uploadWithGetfutokTokenThenDownloadWithGetfdtokTokenKeepsEveryByte_xccos4_11() {
        byte[] content = randomBytes(3_000_000);
        String up = server.tokens().issue(WebTestServer.ALICE, project, FileAction.UPLOAD, "report.pdf").token();

        Reply uploaded = http.bytes("PUT", "/files/" + project + "?token=" + up, content, "application/pdf", Map.of());

        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        String name = uploaded.json().get("name").asText();
        assertThat(name).matches("[0-9a-f-]{36}\\.pdf");
        assertThat(uploaded.json().get("sha256").asText()).isEqualTo(sha256(content));
        assertThat(uploaded.json().get("link").asText())
                .isEqualTo("ma-filelink://example.com/" + project + "/" + name);
        String down = server.tokens().issue(WebTestServer.BOB, project, FileAction.DOWNLOAD, "copy.pdf").token();

        Reply downloaded = http.get("/files/" + project + "/" + name + "?token=" + down, Map.of());

        assertThat(downloaded.status()).isEqualTo(200);
        assertThat(sha256(downloaded.bytes())).isEqualTo(sha256(content));
        assertThat(downloaded.header("Content-Type")).startsWith("application/pdf");
        assertThat(downloaded.header("Content-Disposition")).startsWith("attachment;").contains("report.pdf");
        assertThat(downloaded.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void downloadByUserWhoMayNotEnterTheRoomIsRefused() {
        String name = uploadAsAlice("a.txt", "members only".getBytes(StandardCharsets.UTF_8));
        String carolToken = server.tokens().issue(WebTestServer.CAROL, project, FileAction.DOWNLOAD, "a.txt").token();

        Reply refused = http.get("/files/" + project + "/" + name + "?token=" + carolToken, Map.of());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.text()).doesNotContain("members only");
    }

    @Test
    void filesOfSecretRoomsAreNotFoundForNonMembers() {
        String up = server.tokens().issue(WebTestServer.ALICE, secret, FileAction.UPLOAD, "s.txt").token();
        Reply uploaded = http.bytes("PUT", "/files/" + secret + "?token=" + up, "secret".getBytes(StandardCharsets.UTF_8),
                "text/plain", Map.of());
        assertThat(uploaded.status()).isEqualTo(201);

        Reply listed = http.get("/api/rooms/" + secret + "/files", WebTestServer.as(WebTestServer.CAROL));

        assertThat(listed.status()).isEqualTo(404);
    }

    @Test
    void expiredTokenIsRefused() {
        String name = uploadAsAlice("b.txt", "x".getBytes(StandardCharsets.UTF_8));
        String token = server.tokens().issue(WebTestServer.BOB, project, FileAction.DOWNLOAD, "b.txt").token();
        server.clock().advance(Duration.ofMinutes(6));

        Reply refused = http.get("/files/" + project + "/" + name + "?token=" + token, Map.of());

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("detail").asText()).contains("unknown or expired");
    }

    @Test
    void forgedTokenIsRefused() {
        int before = storedFiles(project).size();

        Reply refused = http.bytes("PUT", "/files/" + project + "?token=" + UUID.randomUUID(),
                "x".getBytes(StandardCharsets.UTF_8), "text/plain", Map.of());

        assertThat(refused.status()).isEqualTo(401);
        assertThat(storedFiles(project)).hasSize(before);
    }

    @Test
    void tokenForAnotherRoomOrActionIsRefused() {
        String download = server.tokens().issue(WebTestServer.ALICE, project, FileAction.DOWNLOAD, "c.txt").token();
        String otherRoom = server.tokens().issue(WebTestServer.ALICE, secret, FileAction.UPLOAD, "c.txt").token();

        Reply wrongAction = http.bytes("PUT", "/files/" + project + "?token=" + download,
                "x".getBytes(StandardCharsets.UTF_8), "text/plain", Map.of());
        Reply wrongRoom = http.bytes("PUT", "/files/" + project + "?token=" + otherRoom,
                "x".getBytes(StandardCharsets.UTF_8), "text/plain", Map.of());

        assertThat(wrongAction.status()).isEqualTo(403);
        assertThat(wrongRoom.status()).isEqualTo(403);
    }

    @Test
    void fileOverTheLimitGets413AndLeavesNoFileAndNoMetadata(@TempDir Path small) throws Exception {
        try (WebTestServer limited = WebTestServer.start(small, 16)) {
            TestHttp client = new TestHttp(limited);
            limited.category("Eng", Set.of());
            UUID room = limited.directory().newRoom(RoomSpec.of("Tiny", "Eng").withPrivacy(Privacy.OPEN)).room().id();
            String token = limited.tokens().issue(WebTestServer.ALICE, room, FileAction.UPLOAD, "big.bin").token();
            byte[] tooBig = randomBytes(40 * 1024);

            Reply declared = client.bytes("PUT", "/files/" + room + "?token=" + token, tooBig,
                    "application/octet-stream", Map.of());
            Reply streamed = client.send(client.builder("/files/" + room + "?token=" + token, Map.of())
                    .header("Content-Type", "application/octet-stream")
                    .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooBig))));

            assertThat(declared.status()).isEqualTo(413);
            assertThat(declared.json().get("detail").asText()).contains("16384");
            assertThat(streamed.status()).isEqualTo(413);
            assertThat(regularFilesUnder(limited.files().root())).isEmpty();
            assertThat(new FileRepository(limited.databases().databases().content()).forRoom(room, 10)).isEmpty();
        }
    }

    @Test
    void uploadInCategoryWithFileUploadDisabledIsRefused() {
        String token = server.tokens().issue(WebTestServer.ALICE, noUploads, FileAction.UPLOAD, "d.txt").token();

        Reply refused = http.bytes("PUT", "/files/" + noUploads + "?token=" + token,
                "x".getBytes(StandardCharsets.UTF_8), "text/plain", Map.of());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asText()).contains("file upload is disabled");
    }

    @Test
    void formEncodedUploadIsRefusedAs415() {
        String token = server.tokens().issue(WebTestServer.ALICE, project, FileAction.UPLOAD, "e.txt").token();

        Reply refused = http.bytes("PUT", "/files/" + project + "?token=" + token,
                "--b\r\n\r\nx\r\n--b--".getBytes(StandardCharsets.UTF_8), "multipart/form-data; boundary=b", Map.of());

        assertThat(refused.status()).isEqualTo(415);
        assertThat(refused.json().get("field").asText()).isEqualTo("Content-Type");
    }

    @Test
    void pathTraversalInFileNameIsRefused() {
        String token = server.tokens().issue(WebTestServer.ALICE, project, FileAction.DOWNLOAD, "x").token();

        Reply dots = http.get("/files/" + project + "/..%2F..%2F..%2Fetc%2Fpasswd?token=" + token, Map.of());
        Reply name = http.get("/files/" + project + "/passwd?token=" + token, Map.of());

        assertThat(dots.status()).isEqualTo(400);
        assertThat(dots.text()).doesNotContain("root:");
        assertThat(name.status()).isEqualTo(400);
        assertThat(name.json().get("detail").asText()).contains("is not a stored file name");
    }

    @Test
    void signedInMemberUploadsListsAndDownloads() {
        byte[] content = "notes".getBytes(StandardCharsets.UTF_8);

        Reply uploaded = http.bytes("POST", "/api/rooms/" + project + "/files?name=notes.txt", content,
                "text/plain; charset=utf-8", WebTestServer.as(WebTestServer.BOB));
        String name = uploaded.json().get("name").asText();
        Reply listed = http.get("/api/rooms/" + project + "/files", WebTestServer.as(WebTestServer.ALICE));
        Reply downloaded = http.get("/api/rooms/" + project + "/files/" + name, WebTestServer.as(WebTestServer.ALICE));

        assertThat(uploaded.status()).isEqualTo(201);
        assertThat(uploaded.json().get("contentType").asText()).isEqualTo("text/plain");
        assertThat(listed.json().findValuesAsText("name")).contains(name);
        assertThat(downloaded.bytes()).isEqualTo(content);
    }

    @Test
    void lyncFileWebServiceUploadsInChunksAndDownloadsInChunks_xccos8_1() {
        byte[] content = randomBytes(5_000);
        String up = server.tokens().issue(WebTestServer.ALICE, project, FileAction.UPLOAD, "TestInfoRecord.txt").token();

        Reply max = soap("GetMaxFileSizeInKB", "<token>" + up + "</token>");
        Reply unique = soap("RequestUniqueFilenameWithExtension",
                "<token>" + up + "</token><channelId>" + project + "</channelId><extension>txt</extension>");
        String name = result(unique, "RequestUniqueFilenameWithExtension");
        Reply first = soap("AppendChunk", append(up, name, content, 0, 3_000));
        Reply second = soap("AppendChunk", append(up, name, content, 3_000, 2_000));
        String down = server.tokens().issue(WebTestServer.BOB, project, FileAction.DOWNLOAD, "copy.txt").token();
        Reply size = soap("GetFileSize", "<token>" + down + "</token><channelId>" + project
                + "</channelId><reposFileName>" + name + "</reposFileName>");
        Reply chunk = soap("DownloadChunk", "<token>" + down + "</token><channelId>" + project
                + "</channelId><reposFileName>" + name + "</reposFileName><offset>0</offset><bufferSize>5000</bufferSize>");

        assertThat(result(max, "GetMaxFileSizeInKB")).isEqualTo("20000");
        assertThat(name).matches("[0-9a-f-]{36}\\.txt");
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(result(size, "GetFileSize")).isEqualTo("5000");
        assertThat(Base64.getDecoder().decode(result(chunk, "DownloadChunk"))).isEqualTo(content);
    }

    @Test
    void lyncFileWebServiceRefusesDocumentTypeDeclarations() {
        String body = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>"
                + "<GetMaxFileSizeInKB xmlns=\"http://www.microsoft.com\"><token>&x;</token></GetMaxFileSizeInKB>"
                + "</s:Body></s:Envelope>";

        Reply refused = http.bytes("POST", "/PersistentChat/MGCWebService.asmx",
                body.getBytes(StandardCharsets.UTF_8), "text/xml; charset=utf-8", Map.of());

        assertThat(refused.status()).isEqualTo(500);
        assertThat(refused.text()).contains("faultcode").contains("soap:Client").doesNotContain("root:");
    }

    private static String append(String token, String name, byte[] content, int offset, int length) {
        byte[] chunk = java.util.Arrays.copyOfRange(content, offset, offset + length);
        return "<token>" + token + "</token><channelId>" + project + "</channelId><uniqueFilename>" + name
                + "</uniqueFilename><fileChunk>" + Base64.getEncoder().encodeToString(chunk) + "</fileChunk><offset>"
                + offset + "</offset><fileLength>" + content.length + "</fileLength>";
    }

    private static Reply soap(String operation, String parameters) {
        String body = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><" + operation
                + " xmlns=\"http://www.microsoft.com\">" + parameters + "</" + operation + "></s:Body></s:Envelope>";
        return http.bytes("POST", "/PersistentChat/MGCWebService.asmx", body.getBytes(StandardCharsets.UTF_8),
                "text/xml; charset=utf-8", Map.of("SOAPAction", "\"http://www.microsoft.com/" + operation + "\""));
    }

    private static String result(Reply reply, String operation) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        String text = reply.text();
        String open = "<" + operation + "Result>";
        int start = text.indexOf(open);
        assertThat(start).as(text).isPositive();
        return text.substring(start + open.length(), text.indexOf("</" + operation + "Result>"));
    }

    private static String uploadAsAlice(String name, byte[] content) {
        String token = server.tokens().issue(WebTestServer.ALICE, project, FileAction.UPLOAD, name).token();
        Reply uploaded = http.bytes("PUT", "/files/" + project + "?token=" + token, content, "text/plain", Map.of());
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        return uploaded.json().get("name").asText();
    }

    private static List<Path> storedFiles(UUID room) {
        return regularFilesUnder(server.files().root().resolve(room.toString()));
    }

    private static List<Path> regularFilesUnder(Path root) {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new Random(n).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
