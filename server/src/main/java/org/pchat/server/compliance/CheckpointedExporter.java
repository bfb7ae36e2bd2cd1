package org.pchat.server.compliance;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.pchat.server.domain.StoredComplianceEvent;
import org.pchat.server.store.ComplianceEventRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports each adapter's new events exactly once. A run takes the pool-wide export lock (another process already
 * exporting means this run does nothing) and, per adapter, repeats: take the events after the checkpoint (at most
 * one file's worth), write their file(s) atomically, then save the checkpoint.
 *
 * <p>Crash safety: a crash before a file is renamed into place leaves only a temporary file, rewritten next time.
 * A crash after the rename but before the checkpoint leaves a file for the range that starts right after the
 * checkpoint: the next run finds it, takes the same range (ids become visible in id order, see
 * {@link OutboxRelay}), writes only the files of that range still missing (one room per file) and saves the
 * checkpoint, so no event is skipped or written twice.
 */
public final class CheckpointedExporter {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointedExporter.class);

    private final String nodeId;
    private final DSLContext compliance;
    private final ComplianceArchive archive;
    private final ComplianceEventRepository checkpoints;
    private final ComplianceLocks locks;
    private final Supplier<ExportDetails> details;
    private final Clock clock;

    /**
     * @param nodeId     this node, in logs
     * @param compliance jOOQ on the compliance database
     * @param details    room and user details, a fresh (caching) instance per run
     * @param clock      checkpoint times
     */
    public CheckpointedExporter(String nodeId, DSLContext compliance, Supplier<ExportDetails> details, Clock clock) {
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.compliance = Objects.requireNonNull(compliance, "compliance");
        this.archive = new ComplianceArchive(compliance);
        this.checkpoints = new ComplianceEventRepository(compliance);
        this.locks = new ComplianceLocks(compliance);
        this.details = Objects.requireNonNull(details, "details");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Runs every adapter once, holding the export lock; an adapter that fails does not stop the others.
     *
     * @param whileLocked runs after the adapters, still under the lock (retention purge)
     * @return one result per adapter, or empty when another process holds the export lock
     */
    public Optional<List<AdapterRun>> run(List<ExportAdapter> adapters, ExportListener listener,
                                          Runnable whileLocked) {
        return compliance.transactionResult(c -> {
            if (!locks.tryLock(c.dsl(), ComplianceLocks.EXPORT)) {
                LOG.debug("{} - another process is exporting compliance events; skipping this run", nodeId);
                return Optional.<List<AdapterRun>>empty();
            }
            ExportDetails runDetails = details.get();
            List<AdapterRun> results = new ArrayList<>();
            for (ExportAdapter adapter : adapters) {
                results.add(runAdapter(adapter, runDetails, listener));
            }
            whileLocked.run();
            return Optional.of(List.copyOf(results));
        });
    }

    private AdapterRun runAdapter(ExportAdapter adapter, ExportDetails runDetails, ExportListener listener) {
        try {
            AdapterRun.Exported done = export(adapter, runDetails, listener);
            if (done.events() > 0) {
                LOG.info("{} - compliance adapter {} exported {} events in {} files to {}; checkpoint {}", nodeId,
                        done.adapter(), done.events(), done.files(), adapter.directory(), done.checkpoint());
            }
            return done;
        } catch (IOException | RuntimeException e) {
            String cause = OutboxRelay.summary(e);
            LOG.error("{} - compliance adapter {} stopped; the next run resumes after its checkpoint: {}", nodeId,
                    adapter.name(), cause, e);
            return new AdapterRun.Failed(adapter.name(), cause);
        }
    }

    private AdapterRun.Exported export(ExportAdapter adapter, ExportDetails runDetails, ExportListener listener)
            throws IOException {
        String name = adapter.name();
        ExportFiles files = new ExportFiles(nodeId, adapter.directory());
        BatchWriter writer = new BatchWriter(nodeId, name, adapter.format(),
                EventWriter.of(adapter.format(), adapter.options(), runDetails), files, listener);
        long checkpoint = checkpoints.checkpoint(name).orElse(0L);
        listener.started(name, archive.countAfter(checkpoint));
        long events = 0;
        int written = 0;
        while (true) {
            OptionalLong first = archive.firstIdAfter(checkpoint);
            if (first.isEmpty()) {
                return new AdapterRun.Exported(name, events, written, checkpoint);
            }
            Optional<ExportFiles.WrittenRange> resumed = files.written(name, first.getAsLong(), adapter.format());
            long last;
            List<Path> paths;
            List<StoredComplianceEvent> batch;
            if (resumed.isPresent() && resumed.get().combined()) {
                last = resumed.get().lastId();
                batch = archive.range(checkpoint, last);
                LOG.info("{} - compliance adapter {}: events {}..{} were written before an interruption; "
                        + "saving the checkpoint", nodeId, name, first.getAsLong(), last);
                batch.forEach(e -> listener.exported(name));
                paths = List.of();
            } else if (resumed.isPresent()) {
                last = resumed.get().lastId();
                batch = archive.range(checkpoint, last);
                paths = writer.write(batch, first.getAsLong(), last, true, resumed.get().rooms());
            } else {
                batch = archive.after(checkpoint, adapter.options().eventsPerFile());
                last = batch.get(batch.size() - 1).id();
                paths = writer.write(batch, first.getAsLong(), last, adapter.options().oneRoomPerFile(), Set.of());
            }
            checkpoints.saveCheckpoint(name, last, clock.instant());
            checkpoint = last;
            events += batch.size();
            written += paths.size();
        }
    }
}
