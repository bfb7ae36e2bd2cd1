package org.pchat.server.compliance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.pchat.server.domain.StoredComplianceEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one batch of events (one event-id range) as one file, or as one file per room, skipping files that an
 * interrupted run already completed.
 */
final class BatchWriter {

    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);

    private final String nodeId;
    private final String prefix;
    private final ExportFormat format;
    private final EventWriter writer;
    private final ExportFiles files;
    private final ExportListener listener;

    BatchWriter(String nodeId, String prefix, ExportFormat format, EventWriter writer, ExportFiles files,
                ExportListener listener) {
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.format = Objects.requireNonNull(format, "format");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.files = Objects.requireNonNull(files, "files");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Writes the range {@code firstId..lastId} holding {@code batch}.
     *
     * @param perRoom      one file per room, else one file
     * @param writtenRooms rooms whose file already exists (skipped)
     * @return the files written now
     */
    List<Path> write(List<StoredComplianceEvent> batch, long firstId, long lastId, boolean perRoom,
                     Set<UUID> writtenRooms) throws IOException {
        List<Path> written = new ArrayList<>();
        if (!perRoom) {
            written.add(writeFile(name(firstId, lastId, Optional.empty()), batch));
            return written;
        }
        for (Map.Entry<UUID, List<StoredComplianceEvent>> room : LyncXmlWriter.byRoom(batch).entrySet()) {
            if (writtenRooms.contains(room.getKey())) {
                LOG.info("{} - {}: {} was written before an interruption; kept as it is", nodeId, prefix,
                        name(firstId, lastId, Optional.of(room.getKey())));
                room.getValue().forEach(e -> listener.exported(prefix));
                continue;
            }
            written.add(writeFile(name(firstId, lastId, Optional.of(room.getKey())), room.getValue()));
        }
        return written;
    }

    private String name(long firstId, long lastId, Optional<UUID> room) {
        return ExportFiles.name(prefix, firstId, lastId, room, format);
    }

    private Path writeFile(String name, List<StoredComplianceEvent> events) throws IOException {
        Path file = files.write(name, out -> writer.write(events, out, () -> listener.exported(prefix)));
        LOG.debug("{} - {}: wrote {} ({} events)", nodeId, prefix, file, events.size());
        listener.fileWritten(prefix, file);
        return file;
    }
}
