package org.pchat.server.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks in submission order per key on a fixed set of single-thread lanes: a key (room id, user URI) is
 * hashed onto one lane with {@code Math.floorMod}, so all work for one key is serialised while different keys
 * spread over the lanes. Each lane's queue is bounded for new work; a full queue refuses the task with a
 * {@link ChatErrorCode#BUSY} error instead of growing or blocking the caller. Work that must not be refused (a
 * session that ended leaving its rooms: the others must hear it and compliance must record it) is queued with
 * {@link #executeAlways} past the bound; it is bounded by the sessions and their rooms, not by what clients send.
 */
public final class KeyedSerialExecutor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KeyedSerialExecutor.class);

    private final String name;
    private final int queueCapacity;
    private final List<ThreadPoolExecutor> lanes;

    /**
     * @param name          thread name prefix and identity in errors
     * @param laneCount     number of lanes (threads)
     * @param queueCapacity tasks waiting per lane
     */
    public KeyedSerialExecutor(String name, int laneCount, int queueCapacity) {
        this.name = Objects.requireNonNull(name, "name");
        if (laneCount < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException(name + " - laneCount " + laneCount + " and queueCapacity "
                    + queueCapacity + " must both be at least 1");
        }
        this.queueCapacity = queueCapacity;
        List<ThreadPoolExecutor> created = new ArrayList<>(laneCount);
        for (int i = 0; i < laneCount; i++) {
            String threadName = name + "-" + i;
            ThreadPoolExecutor lane = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                    new LinkedBlockingQueue<>(), runnable -> {
                        Thread thread = new Thread(runnable, threadName);
                        thread.setDaemon(true);
                        return thread;
                    }, new ThreadPoolExecutor.AbortPolicy());
            created.add(lane);
        }
        this.lanes = List.copyOf(created);
    }

    /** The most tasks waiting on any one lane (work past the bound included). */
    public int longestQueue() {
        int longest = 0;
        for (ThreadPoolExecutor lane : lanes) {
            longest = Math.max(longest, lane.getQueue().size());
        }
        return longest;
    }

    /** Tasks waiting per lane beyond which {@link #execute} refuses new work. */
    public int queueCapacity() {
        return queueCapacity;
    }

    /** The lane index a key maps to. */
    public int laneOf(Object key) {
        return Math.floorMod(key.hashCode(), lanes.size());
    }

    /**
     * Queues a task behind every earlier task of the same key.
     *
     * @throws ChatException BUSY when the key's lane queue is full or the executor is closed
     */
    public void execute(Object key, Runnable task) {
        enqueue(key, task, true);
    }

    /**
     * Queues a task behind every earlier task of the same key even when the lane holds its capacity already.
     *
     * @throws ChatException BUSY when the executor is closed
     */
    public void executeAlways(Object key, Runnable task) {
        enqueue(key, task, false);
    }

    private void enqueue(Object key, Runnable task, boolean bounded) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(task, "task");
        int lane = laneOf(key);
        ThreadPoolExecutor executor = lanes.get(lane);
        // checked, then queued: two callers may pass the check together, so a lane can hold a task or two more
        if (bounded && executor.getQueue().size() >= queueCapacity && !executor.isShutdown()) {
            throw new ChatException(ChatErrorCode.BUSY, "the chat service is busy: " + name + " lane " + lane
                    + " already holds " + queueCapacity + " waiting tasks (queue capacity " + queueCapacity
                    + "), refused work for " + key);
        }
        try {
            executor.execute(() -> run(key, task));
        } catch (RejectedExecutionException e) {
            throw new ChatException(ChatErrorCode.BUSY, "the chat service is shutting down (" + name + ")");
        }
    }

    private void run(Object key, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("{} - task for {} failed: {}", name, key, e.toString(), e);
        }
    }

    /** Stops taking tasks, lets queued ones finish for up to {@code timeout}, then interrupts the rest. */
    public void close(Duration timeout) {
        lanes.forEach(ThreadPoolExecutor::shutdown);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ThreadPoolExecutor lane : lanes) {
            try {
                long left = deadline - System.nanoTime();
                if (!lane.awaitTermination(Math.max(0, left), TimeUnit.NANOSECONDS)) {
                    lane.shutdownNow();
                    LOG.warn("{} - lane still busy after {}; interrupted", name, timeout);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                lane.shutdownNow();
            }
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
