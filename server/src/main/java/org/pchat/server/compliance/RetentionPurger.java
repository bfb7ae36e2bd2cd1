package org.pchat.server.compliance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import org.jooq.DSLContext;
import org.pchat.server.store.ComplianceEventRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes compliance events older than the retention period, but never one that an enabled adapter has not
 * exported yet: only ids up to the smallest checkpoint of those adapters (none exported: nothing purged).
 */
final class RetentionPurger {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionPurger.class);

    private final String nodeId;
    private final ComplianceArchive archive;
    private final ComplianceEventRepository checkpoints;
    private final Clock clock;

    RetentionPurger(String nodeId, DSLContext compliance, Clock clock) {
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.archive = new ComplianceArchive(compliance);
        this.checkpoints = new ComplianceEventRepository(compliance);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Purges once.
     *
     * @param retentionDays 0 keeps everything
     * @param adapters      the enabled adapters' names
     * @return how many events were deleted
     */
    int purge(int retentionDays, Collection<String> adapters) {
        if (retentionDays <= 0) {
            return 0;
        }
        long exported = adapters.isEmpty() ? archive.lastId() : adapters.stream()
                .mapToLong(a -> checkpoints.checkpoint(a).orElse(0L)).min().orElse(0L);
        if (exported <= 0) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(Duration.ofDays(retentionDays));
        int purged = archive.purge(cutoff, exported);
        if (purged > 0) {
            LOG.info("{} - purged {} compliance events older than {} days (before {}, exported by every adapter)",
                    nodeId, purged, retentionDays, cutoff);
        }
        return purged;
    }
}
