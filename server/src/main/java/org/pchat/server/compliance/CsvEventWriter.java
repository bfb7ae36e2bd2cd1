package org.pchat.server.compliance;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pchat.server.domain.ComplianceEvent;
import org.pchat.server.domain.StoredComplianceEvent;

/**
 * CSV (RFC 4180, UTF-8, CRLF) with a header line. Columns: {@code event_id, type, time_utc, since1970, user,
 * room_uri, room_id, content, message_id, node}; with room details {@code room_name, room_description, category,
 * logged}; with user details {@code user_name}. Content is written as recorded, never altered.
 */
final class CsvEventWriter implements EventWriter {

    private static final List<String> COLUMNS = List.of("event_id", "type", "time_utc", "since1970", "user",
            "room_uri", "room_id", "content", "message_id", "node");
    private static final List<String> ROOM_COLUMNS = List.of("room_name", "room_description", "category", "logged");
    private static final List<String> USER_COLUMNS = List.of("user_name");

    private final ExportOptions options;
    private final ExportDetails details;

    CsvEventWriter(ExportOptions options, ExportDetails details) {
        this.options = Objects.requireNonNull(options, "options");
        this.details = Objects.requireNonNull(details, "details");
    }

    @Override
    public void write(List<StoredComplianceEvent> events, OutputStream out, Runnable perEvent) throws IOException {
        Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CsvWriter csv = new CsvWriter(text);
        csv.record(header());
        for (StoredComplianceEvent stored : events) {
            csv.record(row(stored));
            perEvent.run();
        }
        text.flush();
    }

    private List<String> header() {
        List<String> header = new ArrayList<>(COLUMNS);
        if (options.roomDetails()) {
            header.addAll(ROOM_COLUMNS);
        }
        if (options.userDetails()) {
            header.addAll(USER_COLUMNS);
        }
        return header;
    }

    private List<String> row(StoredComplianceEvent stored) {
        ComplianceEvent event = stored.event();
        ComplianceTime time = ComplianceTime.of(event.occurredAt());
        List<String> row = new ArrayList<>(List.of(Long.toString(stored.id()), event.type().name(), time.string(),
                Long.toString(time.since1970()), event.userUri(), event.roomUri(), event.roomId().toString()));
        row.add(event.content());
        row.add(event.messageId() == null ? null : Long.toString(event.messageId()));
        row.add(event.nodeId());
        if (options.roomDetails()) {
            Optional<ExportDetails.RoomInfo> room = details.room(event.roomId());
            row.add(room.map(ExportDetails.RoomInfo::name).orElse(null));
            row.add(room.map(ExportDetails.RoomInfo::description).orElse(null));
            row.add(room.map(ExportDetails.RoomInfo::category).orElse(null));
            row.add(room.map(r -> Boolean.toString(r.logged())).orElse(null));
        }
        if (options.userDetails()) {
            row.add(details.displayName(event.userUri()).orElse(null));
        }
        return row;
    }
}
