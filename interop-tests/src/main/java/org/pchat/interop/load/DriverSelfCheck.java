package org.pchat.interop.load;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * How the driver itself fares, so that a run where the driver and not the server was the limit says so: its CPU,
 * how late its event loops run (a 100 ms probe on each) and how late its pacer ticks. Late with the driver's cores
 * busy means the driver saturated; late with CPU to spare means other processes held the host's cores.
 */
final class DriverSelfCheck {
    /** A loop or pacer this late (p99) means the driver fell behind. */
    private static final long LATE_MICROS = 50_000;
    /** ... and this share of its threads' cores busy means it was the driver's own limit. */
    private static final double BUSY_SHARE = 0.7;

    private final Histogram loopLag = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 2);
    private final Histogram pacerLag = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 2);
    private final int threads;
    private long cpuStart;
    private long wallStart;

    DriverSelfCheck(int threads) {
        this.threads = threads;
    }

    /** Starts the lag probe on every loop of the group. */
    void probe(EventLoopGroup group) {
        for (EventExecutor loop : group) {
            long period = TimeUnit.MILLISECONDS.toNanos(100);
            long[] expected = {System.nanoTime() + period};
            loop.scheduleAtFixedRate(() -> {
                long now = System.nanoTime();
                loopLag.recordValue(Math.max(0, (now - expected[0]) / 1_000));
                expected[0] = now + period;
            }, 100, 100, TimeUnit.MILLISECONDS);
        }
    }

    /** The pacer ticked {@code lateMicros} after it should have. */
    void pacerLate(long lateMicros) {
        pacerLag.recordValue(Math.max(0, lateMicros));
    }

    /** Starts a measured interval: lags and CPU from now on. */
    void start() {
        loopLag.reset();
        pacerLag.reset();
        cpuStart = cpuNanos();
        wallStart = System.nanoTime();
    }

    /** The driver's CPU since {@link #start()}, % of one core. */
    double cpuPercent() {
        return (cpuNanos() - cpuStart) * 100.0 / Math.max(1, System.nanoTime() - wallStart);
    }

    double loopLagP99Ms() {
        return loopLag.getValueAtPercentile(99) / 1000.0;
    }

    double pacerLagP99Ms() {
        return pacerLag.getValueAtPercentile(99) / 1000.0;
    }

    /** Whether the driver ran late since {@link #start()} (or its pacer built a backlog). */
    boolean late(boolean backlog) {
        return backlog || loopLag.getValueAtPercentile(99) > LATE_MICROS || pacerLag.getValueAtPercentile(99) > LATE_MICROS;
    }

    /** Whether a driver CPU share of {@code cpuPercent} means its cores were busy. */
    boolean busy(double cpuPercent) {
        return cpuPercent >= BUSY_SHARE * 100 * Math.min(threads, Runtime.getRuntime().availableProcessors());
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
