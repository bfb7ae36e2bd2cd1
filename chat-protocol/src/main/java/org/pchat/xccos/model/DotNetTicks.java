package org.pchat.xccos.model;

import java.time.Instant;
import java.util.Objects;

/** Instants at the precision of .NET ticks (100 ns), the precision of XCCOS server timestamps (xccos.md §5.1). */
final class DotNetTicks {

    private static final int NANOS_PER_TICK = 100;

    private DotNetTicks() {
    }

    static Instant truncate(Instant instant, String name) {
        Objects.requireNonNull(instant, name);
        int nanos = instant.getNano();
        return instant.minusNanos(nanos % NANOS_PER_TICK);
    }
}
