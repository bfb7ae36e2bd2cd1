package org.pchat.server.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pchat.server.domain.ComplianceEventType;
import org.pchat.server.domain.StoredComplianceEvent;

/** JSON Lines output: one complete object per line, every field escaped by the JSON library. */
class JsonLinesWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String write(List<StoredComplianceEvent> events, ExportOptions options, ExportDetails details)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonLinesWriter(options, details).write(events, out, () -> { });
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void eachEventIsOneLineEndingWithLineFeed() throws Exception {
        String text = write(List.of(Events.chat(1, Events.ROOM, "a", 1, Events.AT),
                Events.of(2, ComplianceEventType.PART, Events.ROOM, null, Events.AT)), ExportOptions.defaults(),
                ExportDetails.NONE);

        assertThat(text).endsWith("\n").doesNotStartWith(" ");
        assertThat(text.split("\n", -1)).hasSize(3).endsWith("");
    }

    @Test
    void chatEventHasItsFields() throws Exception {
        String line = write(List.of(Events.chat(7, Events.ROOM, "hello", 41, Events.AT)), ExportOptions.defaults(),
                ExportDetails.NONE).strip();

        JsonNode event = JSON.readTree(line);
        assertThat(event.get("eventId").asLong()).isEqualTo(7);
        assertThat(event.get("type").asText()).isEqualTo("CHAT");
        assertThat(event.get("time").asText()).isEqualTo("2008-03-12T19:56:40.522264Z");
        assertThat(event.get("since1970").asLong()).isEqualTo(1205351800522L);
        assertThat(event.get("user").asText()).isEqualTo("sip:kazuto@litwareinc.com");
        assertThat(event.get("roomUri").asText()).isEqualTo("ma-chan://litwareinc.com/" + Events.ROOM);
        assertThat(event.get("content").asText()).isEqualTo("hello");
        assertThat(event.get("messageId").asLong()).isEqualTo(41);
        assertThat(event.get("node").asText()).isEqualTo("node-a");
    }

    @Test
    void contentWithQuotesLineBreaksAndControlsReadsBackUnchanged() throws Exception {
        String content = "say \"hi\"\r\nnext line\t\\ \u0001 \u2028 \uD83D\uDE00";
        String text = write(List.of(Events.chat(1, Events.ROOM, content, 1, Events.AT)), ExportOptions.defaults(),
                ExportDetails.NONE);

        assertThat(text.strip().lines()).hasSize(1);
        assertThat(JSON.readTree(text).get("content").asText()).isEqualTo(content);
    }

    @Test
    void joinHasNoContentOrMessageId() throws Exception {
        JsonNode event = JSON.readTree(write(List.of(Events.of(1, ComplianceEventType.JOIN, Events.ROOM, null,
                Events.AT)), ExportOptions.defaults(), ExportDetails.NONE));

        assertThat(event.has("content")).isFalse();
        assertThat(event.has("messageId")).isFalse();
    }

    @Test
    void detailsAddRoomAndUserFields() throws Exception {
        ExportDetails details = new ExportDetails() {
            @Override
            public Optional<RoomInfo> room(UUID roomId) {
                return Optional.of(new RoomInfo("Lobby", "", "General", false));
            }

            @Override
            public Optional<String> displayName(String userUri) {
                return Optional.of("Kazuto");
            }
        };

        JsonNode event = JSON.readTree(write(List.of(Events.chat(1, Events.ROOM, "a", 1, Events.AT)),
                new ExportOptions(false, true, true, 10), details));

        assertThat(event.get("roomName").asText()).isEqualTo("Lobby");
        assertThat(event.get("category").asText()).isEqualTo("General");
        assertThat(event.get("logged").asBoolean()).isFalse();
        assertThat(event.get("userName").asText()).isEqualTo("Kazuto");
    }
}
