package org.pchat.server.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.pchat.server.domain.ComplianceEvent;
import org.pchat.server.domain.ComplianceEventType;
import org.pchat.server.store.ComplianceEventRepository;

/** Seeds compliance events and reads back what exports wrote. */
final class ExportedFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportedFiles() {
    }

    /** Records {@code count} CHAT events spread round-robin over {@code rooms}. */
    static void seed(ComplianceEventRepository events, List<UUID> rooms, int count) {
        Instant start = Instant.parse("2024-05-01T12:00:00Z");
        for (int i = 0; i < count; i++) {
            UUID room = rooms.get(i % rooms.size());
            events.record(new ComplianceEvent(ComplianceEventType.CHAT, "sip:user" + (i % 3) + "@example.com", room,
                    "ma-chan://example.com/" + room, start.plusSeconds(i), "message " + i, (long) i, "node-a",
                    "seed-" + UUID.randomUUID()));
        }
    }

    /** The visible files of a directory, by name; temporary files are left out. */
    static List<Path> files(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> listed = Files.list(directory)) {
            return listed.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event ids of every JSON Lines file of a directory, in file order then line order. */
    static List<Long> jsonlEventIds(Path directory) {
        List<Long> ids = new ArrayList<>();
        for (Path file : files(directory)) {
            for (JsonNode line : jsonLines(file)) {
                ids.add(line.get("eventId").asLong());
            }
        }
        return ids;
    }

    static List<JsonNode> jsonLines(Path file) {
        try {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                lines.add(JSON.readTree(line));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
