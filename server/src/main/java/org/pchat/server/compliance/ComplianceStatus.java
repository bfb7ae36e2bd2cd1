package org.pchat.server.compliance;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jooq.DSLContext;

/**
 * Where compliance stands: whether it is on, how many events are stored, what waits in the outbox, and how far
 * each adapter exported.
 *
 * @param enabled        whether recording is on
 * @param events         events in the compliance database
 * @param lastEventId    the largest event id (0: none)
 * @param outboxBacklog  events recorded but not yet relayed
 * @param oldestQueued   when the oldest of those happened
 * @param adapters       the configured adapters, then any other adapter with a checkpoint
 */
public record ComplianceStatus(boolean enabled, long events, long lastEventId, long outboxBacklog,
        Optional<Instant> oldestQueued, List<AdapterStatus> adapters) {

    public ComplianceStatus {
        Objects.requireNonNull(oldestQueued, "oldestQueued");
        adapters = List.copyOf(adapters);
    }

    /**
     * One adapter's position.
     *
     * @param adapter    its name
     * @param configured whether this configuration enables it
     * @param checkpoint the last exported event id; empty before its first export
     * @param updatedAt  when the checkpoint last moved
     * @param pending    events after the checkpoint
     */
    public record AdapterStatus(String adapter, boolean configured, OptionalLong checkpoint,
            Optional<Instant> updatedAt, long pending) {
        public AdapterStatus {
            Objects.requireNonNull(adapter, "adapter");
            Objects.requireNonNull(checkpoint, "checkpoint");
            Objects.requireNonNull(updatedAt, "updatedAt");
        }
    }

    /** Reads the status from both databases. */
    public static ComplianceStatus read(ComplianceConfig config, DSLContext content, DSLContext compliance) {
        ComplianceArchive archive = new ComplianceArchive(compliance);
        OutboxBacklog outbox = new OutboxBacklog(content);
        Map<String, ComplianceArchive.Checkpoint> saved = new LinkedHashMap<>();
        archive.checkpoints().forEach(c -> saved.put(c.adapter(), c));
        Map<String, AdapterStatus> adapters = new LinkedHashMap<>();
        for (ExportFormat format : config.formatList()) {
            adapters.put(format.adapterName(), adapter(format.adapterName(), true, saved, archive));
        }
        for (String name : saved.keySet()) {
            adapters.computeIfAbsent(name, n -> adapter(n, false, saved, archive));
        }
        return new ComplianceStatus(config.enabled(), archive.countAfter(0), archive.lastId(), outbox.count(),
                outbox.oldest(), List.copyOf(adapters.values()));
    }

    private static AdapterStatus adapter(String name, boolean configured,
                                         Map<String, ComplianceArchive.Checkpoint> saved, ComplianceArchive archive) {
        ComplianceArchive.Checkpoint checkpoint = saved.get(name);
        if (checkpoint == null) {
            return new AdapterStatus(name, configured, OptionalLong.empty(), Optional.empty(), archive.countAfter(0));
        }
        return new AdapterStatus(name, configured, OptionalLong.of(checkpoint.lastEventId()),
                Optional.of(checkpoint.updatedAt()), archive.countAfter(checkpoint.lastEventId()));
    }
}
