package org.pchat.server.compliance;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jooq.DSLContext;
import org.pchat.server.domain.StoredComplianceEvent;

/**
 * An export on demand (the {@code compliance export} command): the events that happened in a time range, written to
 * a directory in one format. It reads only, moves no checkpoint and needs no lock; files are written atomically
 * and named {@code export-<first>-<last>[-<room>].<ext>} after their event-id range.
 */
public final class RangeExporter {

    /** The prefix of the files written. */
    public static final String PREFIX = "export";

    /**
     * What an export wrote.
     *
     * @param events how many events
     * @param files  the files, in the order written
     */
    public record Summary(long events, List<Path> files) {
        public Summary {
            files = List.copyOf(files);
        }
    }

    private final String nodeId;
    private final ComplianceArchive archive;
    private final ExportDetails details;

    /**
     * @param nodeId     this process, in logs
     * @param compliance jOOQ on the compliance database
     * @param details    room and user details
     */
    public RangeExporter(String nodeId, DSLContext compliance, ExportDetails details) {
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.archive = new ComplianceArchive(Objects.requireNonNull(compliance, "compliance"));
        this.details = Objects.requireNonNull(details, "details");
    }

    /**
     * Writes the events that happened in {@code [from, to)}.
     *
     * @throws IllegalArgumentException when {@code to} is not after {@code from}
     */
    public Summary export(Instant from, Instant to, ExportFormat format, ExportOptions options, Path directory,
                          ExportListener listener) throws IOException {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("export range end " + to + " is not after its start " + from);
        }
        BatchWriter writer = new BatchWriter(nodeId, PREFIX, format, EventWriter.of(format, options, details),
                new ExportFiles(nodeId, directory), listener);
        listener.started(PREFIX, archive.countBetween(from, to));
        List<Path> files = new ArrayList<>();
        long events = 0;
        long after = 0;
        while (true) {
            List<StoredComplianceEvent> batch = archive.between(from, to, after, options.eventsPerFile());
            if (batch.isEmpty()) {
                return new Summary(events, files);
            }
            long first = batch.get(0).id();
            long last = batch.get(batch.size() - 1).id();
            files.addAll(writer.write(batch, first, last, options.oneRoomPerFile(), Set.of()));
            events += batch.size();
            after = last;
        }
    }
}
