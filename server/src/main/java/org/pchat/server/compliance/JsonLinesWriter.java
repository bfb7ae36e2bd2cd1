package org.pchat.server.compliance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pchat.server.domain.ComplianceEvent;
import org.pchat.server.domain.StoredComplianceEvent;

/**
 * JSON Lines: one object per event and line (LF), written by Jackson's generator. Fields: {@code eventId},
 * {@code type}, {@code time} (ISO 8601 UTC), {@code since1970}, {@code user}, {@code roomUri}, {@code roomId},
 * {@code content} and {@code messageId} when set, {@code node}; with room details {@code roomName},
 * {@code roomDescription}, {@code category}, {@code logged}; with user details {@code userName}.
 */
final class JsonLinesWriter implements EventWriter {

    private final ExportOptions options;
    private final ExportDetails details;
    private final JsonFactory factory;

    JsonLinesWriter(ExportOptions options, ExportDetails details) {
        this.options = Objects.requireNonNull(options, "options");
        this.details = Objects.requireNonNull(details, "details");
        this.factory = new JsonFactoryBuilder()
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .rootValueSeparator((String) null)
                .build();
    }

    @Override
    public void write(List<StoredComplianceEvent> events, OutputStream out, Runnable perEvent) throws IOException {
        try (JsonGenerator json = factory.createGenerator(out)) {
            for (StoredComplianceEvent stored : events) {
                object(json, stored);
                json.writeRaw('\n');
                perEvent.run();
            }
        }
    }

    private void object(JsonGenerator json, StoredComplianceEvent stored) throws IOException {
        ComplianceEvent event = stored.event();
        ComplianceTime time = ComplianceTime.of(event.occurredAt());
        json.writeStartObject();
        json.writeNumberField("eventId", stored.id());
        json.writeStringField("type", event.type().name());
        json.writeStringField("time", time.string());
        json.writeNumberField("since1970", time.since1970());
        json.writeStringField("user", event.userUri());
        json.writeStringField("roomUri", event.roomUri());
        json.writeStringField("roomId", event.roomId().toString());
        if (event.content() != null) {
            json.writeStringField("content", event.content());
        }
        if (event.messageId() != null) {
            json.writeNumberField("messageId", event.messageId());
        }
        json.writeStringField("node", event.nodeId());
        if (options.roomDetails()) {
            Optional<ExportDetails.RoomInfo> room = details.room(event.roomId());
            if (room.isPresent()) {
                json.writeStringField("roomName", room.get().name());
                json.writeStringField("roomDescription", room.get().description());
                json.writeStringField("category", room.get().category());
                json.writeBooleanField("logged", room.get().logged());
            }
        }
        if (options.userDetails()) {
            Optional<String> name = details.displayName(event.userUri());
            if (name.isPresent()) {
                json.writeStringField("userName", name.get());
            }
        }
        json.writeEndObject();
    }
}
