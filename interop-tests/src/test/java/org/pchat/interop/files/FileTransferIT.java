package org.pchat.interop.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.pchat.interop.support.CategoryDef;
import org.pchat.interop.support.ChatSessions;
import org.pchat.interop.support.PchatProcess;
import org.pchat.interop.support.RandomNames;
import org.pchat.interop.support.RoomDef;
import org.pchat.interop.support.RoomUri;
import org.pchat.interop.support.XccosReply;
import org.pchat.interop.support.XccosTestClient;
import org.pchat.interop.support.XccosWriter;
import org.pchat.interop.support.XmlNode;

/**
 * A file goes up with a {@code cmd:getfutok} token and comes down with a {@code cmd:getfdtok} token (xccos.md
 * §4.11), both obtained over SIP from the chat node and redeemed at the node's HTTP file service.
 */
class FileTransferIT {

    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);
    private static PchatProcess node;
    private static String alice;
    private static String bob;
    private static String carol;
    private static final String ROOM = RandomNames.of("files");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();

    @BeforeAll
    static void provisionAndStart() {
        node = PchatProcess.builder("FileTransferIT").build();
        alice = node.userUri(RandomNames.of("alice"));
        bob = node.userUri(RandomNames.of("bob"));
        carol = node.userUri(RandomNames.of("carol"));
        node.cli().migrate();
        node.cli().addUser(alice, "secret-alice");
        node.cli().addUser(bob, "secret-bob");
        node.cli().addUser(carol, "secret-carol");
        String category = RandomNames.of("files");
        node.cli().newCategory(CategoryDef.forDomain(category, node.domain()));
        node.cli().newRoom(RoomDef.of(ROOM, category, RoomDef.Privacy.CLOSED).withMembers(alice, bob));
        node.start();
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    @DisplayName("xccos.md §4.11: upload with a getfutok token, download with a getfdtok token, same bytes")
    void uploadedBytesComeBackIdentical() throws Exception {
        byte[] content = new byte[300_000];
        new Random(42).nextBytes(content);
        try (ChatSessions sessions = new ChatSessions(node)) {
            XccosTestClient uploader = sessions.open(alice);
            RoomUri room = uploader.findRoom(ROOM);
            String uploadToken = token(uploader.command("cmd:getfutok", fileRequest(room, "report.bin")));

            HttpResponse<String> upload = HTTP.send(HttpRequest.newBuilder(
                    http("/files/" + room.value() + "?token=" + encode(uploadToken)))
                    .timeout(HTTP_TIMEOUT).header("Content-Type", "application/octet-stream")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(upload.statusCode()).as("Expected 201 to the upload (but %s: %s)", upload.statusCode(),
                    upload.body()).isEqualTo(201);
            String location = upload.headers().firstValue("Location").orElseThrow(
                    () -> new AssertionError("Expected a Location header on the upload's 201 (but none)"));

            XccosTestClient downloader = sessions.open(bob);
            String downloadToken = token(downloader.command("cmd:getfdtok", fileRequest(room, "copy.bin")));
            HttpResponse<byte[]> download = HTTP.send(HttpRequest.newBuilder(
                    withToken(http(location), downloadToken)).timeout(HTTP_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());

            assertThat(download.statusCode()).as("Expected 200 to the download (but %s)", download.statusCode())
                    .isEqualTo(200);
            assertThat(sha256(download.body())).as("Expected the downloaded bytes to be the uploaded ones")
                    .isEqualTo(sha256(content));
        }
    }

    @Test
    @DisplayName("xccos.md §4.11, ARCHITECTURE.md §5: a non-member gets no file token for a closed room")
    void nonMemberGetsNoDownloadToken() {
        try (ChatSessions sessions = new ChatSessions(node)) {
            RoomUri room = sessions.open(alice).findRoom(ROOM);
            XccosReply reply = sessions.open(carol).command("cmd:getfdtok", fileRequest(room, "x.bin"));

            assertThat(reply.code()).as("Expected a refusal of cmd:getfdtok for a non-member (but %s)",
                    reply.describe()).isNotEqualTo(200);
        }
    }

    @Test
    @DisplayName("ARCHITECTURE.md §5: a forged token is refused by the file service")
    void forgedTokenIsRefused() throws Exception {
        try (ChatSessions sessions = new ChatSessions(node)) {
            RoomUri room = sessions.open(alice).findRoom(ROOM);
            HttpResponse<String> upload = HTTP.send(HttpRequest.newBuilder(
                    http("/files/" + room.value() + "?token=" + encode("effab007-2465-45c5-b62f-04e1689cdd10")))
                    .timeout(HTTP_TIMEOUT).PUT(HttpRequest.BodyPublishers.ofString("forged")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(upload.statusCode()).as("Expected 401 or 403 to a forged token (but %s)",
                    upload.statusCode()).isIn(401, 403);
        }
    }

    /** {@code <ftdb channelUri="ma-chan://…" fileUrl="…"/>} (xccos.md §4.11). */
    private static XccosWriter.Content fileRequest(RoomUri room, String fileName) {
        return out -> {
            out.writeEmptyElement("ftdb");
            out.writeAttribute("channelUri", room.toString());
            out.writeAttribute("fileUrl", fileName);
        };
    }

    private static String token(XccosReply reply) {
        assertThat(reply.code()).as("Expected 200 to the file token request (but %s)", reply.describe())
                .isEqualTo(200);
        XmlNode token = reply.data().child("token").orElseThrow(
                () -> new AssertionError("Expected data/token in " + reply.describe()));
        assertThat(token.attribute("serveruri")).as("Expected a serveruri on the token").isPresent();
        return token.attr("token");
    }

    /** The path and query of a file-service URL (absolute or not), at the node's HTTP port on loopback. */
    private static URI http(String pathOrUrl) {
        URI given = URI.create(pathOrUrl);
        String query = given.getRawQuery() == null ? "" : "?" + given.getRawQuery();
        return URI.create("http://127.0.0.1:" + node.ports().http() + given.getRawPath() + query);
    }

    private static URI withToken(URI uri, String token) {
        String separator = uri.getRawQuery() == null ? "?" : "&";
        return URI.create(uri + separator + "token=" + encode(token));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
