package org.pchat.interop.load;

import java.util.BitSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What one run measures from the driver's own clock ({@link System#nanoTime()}): latency histograms in
 * microseconds, counters, failures by kind, and the delivery ledger of every post (who should get it, who did).
 * Thread-safe: event-loop threads record, the reporter reads at the end.
 */
final class LoadMetrics {
    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(10);

    final Histogram delivery = histogram();
    /** Delivery latency by the class of the room posted to ({@link LoadDriver#CLASSES}: small, medium, large). */
    final Histogram[] deliveryByClass = {histogram(), histogram(), histogram()};
    final Histogram postEcho = histogram();
    final Histogram join = histogram();
    final Histogram history = histogram();
    final Histogram login = histogram();
    final LongAdder postsSent = new LongAdder();
    final LongAdder deliveries = new LongAdder();
    final LongAdder duplicates = new LongAdder();
    final LongAdder unexpected = new LongAdder();
    final LongAdder joins = new LongAdder();
    final LongAdder histories = new LongAdder();
    final LongAdder skippedPosts = new LongAdder();
    /** Posts of other driver processes sharing the run that reached users of this one (not in its ledger). */
    final LongAdder otherShardDeliveries = new LongAdder();
    /** INVITEs answered 503 with Retry-After and tried again after it: over the whole run, sign-in included. */
    final LongAdder invitesDeferred = new LongAdder();
    /** Sessions refreshed with UPDATE and answered 200 (RFC 4028): over the whole run, sign-in included. */
    final LongAdder sessionRefreshes = new LongAdder();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final Map<Long, PostLedger> posts = new ConcurrentHashMap<>();
    private final boolean exact;
    private volatile boolean measuring;

    /** @param exact keep the set of recipients of every post (small runs: exactly-once check per member) */
    LoadMetrics(boolean exact) {
        this.exact = exact;
    }

    private static Histogram histogram() {
        return new ConcurrentHistogram(MAX_MICROS, 3);
    }

    /**
     * Forgets what the warm-up recorded (latencies, counters, the post ledger) so the measured time starts clean;
     * sign-in times (before the warm-up) and failures are kept: a failed operation counts whenever it happens.
     */
    void resetMeasurements() {
        for (Histogram h : new Histogram[] {delivery, postEcho, join, history}) {
            h.reset();
        }
        for (Histogram h : deliveryByClass) {
            h.reset();
        }
        for (LongAdder a : new LongAdder[] {postsSent, deliveries, duplicates, unexpected, joins, histories,
                skippedPosts, otherShardDeliveries}) {
            a.reset();
        }
        posts.clear();
    }

    /** Latencies and rates count only while measuring (after the ramp, before the drain). */
    void measuring(boolean on) {
        measuring = on;
    }

    boolean isMeasuring() {
        return measuring;
    }

    void failure(String kind) {
        failures.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    Map<String, Long> failures() {
        Map<String, Long> out = new TreeMap<>();
        failures.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    long failureCount() {
        return failures.values().stream().mapToLong(LongAdder::sum).sum();
    }

    static void record(Histogram h, long startNanos, long endNanos) {
        h.recordValue(Math.min(MAX_MICROS, Math.max(0, (endNanos - startNanos) / 1_000)));
    }

    /**
     * A post went out; {@code expected} are the driver's users joined to the room at that moment.
     *
     * @param roomClass the room's index in {@link LoadDriver#CLASSES}, -1 when the workload has no classes
     */
    void posted(long postId, int author, int roomClass, BitSet expectedSet, int expectedCount, long sentNanos) {
        postsSent.increment();
        posts.put(postId, new PostLedger(author, roomClass, exact ? expectedSet : null, expectedCount, sentNanos));
    }

    /** A user received a post. */
    void delivered(long postId, int user, long sentNanos, long nowNanos) {
        PostLedger ledger = posts.get(postId);
        if (ledger == null) {
            unexpected.increment();
            return;
        }
        deliveries.increment();
        record(delivery, sentNanos, nowNanos);
        if (ledger.roomClass >= 0) {
            record(deliveryByClass[ledger.roomClass], sentNanos, nowNanos);
        }
        if (user == ledger.author) {
            record(postEcho, sentNanos, nowNanos);
        }
        if (ledger.expectedSet != null) {
            synchronized (ledger) {
                if (!ledger.expectedSet.get(user)) {
                    if (ledger.got.get(user)) {
                        duplicates.increment();
                    } else {
                        unexpected.increment();
                    }
                    return;
                }
                ledger.expectedSet.clear(user);
                ledger.got.set(user);
            }
        }
        int now = ledger.received.incrementAndGet();
        if (now > ledger.expected && ledger.expectedSet == null) {
            duplicates.increment();
        }
    }

    /** Posts not fully delivered, and the deliveries they miss. */
    long[] missing() {
        long postsShort = 0;
        long deliveriesShort = 0;
        for (PostLedger ledger : posts.values()) {
            int shortBy = ledger.expectedSet != null ? ledger.expectedSet.cardinality()
                    : Math.max(0, ledger.expected - ledger.received.get());
            if (shortBy > 0) {
                postsShort++;
                deliveriesShort += shortBy;
            }
        }
        return new long[] {postsShort, deliveriesShort};
    }

    /** Deliveries the posts sent so far should make. */
    long expectedDeliveries() {
        return posts.values().stream().mapToLong(l -> l.expected).sum();
    }

    private static final class PostLedger {
        final int author;
        final int roomClass;
        final BitSet expectedSet;
        final BitSet got;
        final int expected;
        final long sentNanos;
        final AtomicInteger received = new AtomicInteger();

        PostLedger(int author, int roomClass, BitSet expectedSet, int expected, long sentNanos) {
            this.author = author;
            this.roomClass = roomClass;
            this.expectedSet = expectedSet;
            this.got = expectedSet == null ? null : new BitSet();
            this.expected = expected;
            this.sentNanos = sentNanos;
        }
    }
}
