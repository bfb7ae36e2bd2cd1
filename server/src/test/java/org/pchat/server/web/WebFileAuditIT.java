package org.pchat.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pchat.server.chat.FileAction;
import org.pchat.server.domain.Privacy;
import org.pchat.server.domain.StoredFile;
import org.pchat.server.files.FileAudit;
import org.pchat.server.files.FileServiceConfig;
import org.pchat.server.rooms.RoomSpec;
import org.pchat.server.store.FileRepository;
import org.pchat.server.web.TestHttp.Reply;

/** FILEUPLOAD and FILEDOWNLOAD reach the compliance hook, and an upload whose record fails leaves nothing. */
class WebFileAuditIT {

    @TempDir
    Path dir;

    @Test
    void uploadAndDownloadAreRecordedForCompliance() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        FileAudit audit = new FileAudit() {
            @Override
            public void uploaded(DSLContext tx, StoredFile file, Instant at) {
                events.add("FILEUPLOAD " + file.uploaderUri() + " " + file.storedName());
            }

            @Override
            public void downloaded(DSLContext tx, StoredFile file, String userUri, Instant at) {
                events.add("FILEDOWNLOAD " + userUri + " " + file.storedName());
            }
        };
        try (WebTestServer server = WebTestServer.start(dir, FileServiceConfig.DEFAULT_MAX_FILE_SIZE_KB, audit,
                UnaryOperator.identity())) {
            UUID room = openRoom(server);
            String name = upload(server, room).json().get("name").asText();
            String down = server.tokens().issue(WebTestServer.BOB, room, FileAction.DOWNLOAD, "x").token();

            new TestHttp(server).get("/files/" + room + "/" + name + "?token=" + down, Map.of());

            assertThat(events).containsExactly("FILEUPLOAD " + WebTestServer.ALICE + " " + name,
                    "FILEDOWNLOAD " + WebTestServer.BOB + " " + name);
        }
    }

    @Test
    void uploadWhoseComplianceRecordFailsIsRolledBackAndLeavesNothing() throws Exception {
        FileAudit failing = new FileAudit() {
            @Override
            public void uploaded(DSLContext tx, StoredFile file, Instant at) {
                throw new IllegalStateException("compliance database unavailable");
            }
        };
        try (WebTestServer server = WebTestServer.start(dir, FileServiceConfig.DEFAULT_MAX_FILE_SIZE_KB, failing,
                UnaryOperator.identity())) {
            UUID room = openRoom(server);

            Reply refused = upload(server, room);

            assertThat(refused.status()).isEqualTo(500);
            assertThat(new FileRepository(server.databases().databases().content()).forRoom(room, 10)).isEmpty();
            try (Stream<Path> files = Files.walk(server.files().root())) {
                assertThat(files.filter(Files::isRegularFile)).isEmpty();
            }
        }
    }

    private static UUID openRoom(WebTestServer server) {
        server.category("Audited", Set.of());
        return server.directory().newRoom(RoomSpec.of("Audited room", "Audited").withPrivacy(Privacy.OPEN)).room().id();
    }

    private static Reply upload(WebTestServer server, UUID room) {
        String token = server.tokens().issue(WebTestServer.ALICE, room, FileAction.UPLOAD, "minutes.txt").token();
        return new TestHttp(server).bytes("PUT", "/files/" + room + "?token=" + token,
                "minutes".getBytes(StandardCharsets.UTF_8), "text/plain", Map.of());
    }
}
