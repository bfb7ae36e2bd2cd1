package org.pchat.proxy.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serial lanes: work for one key (a Call-ID) always runs on the same single thread, in submission order, so a
 * dialog's requests leave in the order they came; each lane has a bounded queue. Network threads hand work here
 * because forwarding may connect (blocking) to a node or a client.
 */
final class Lanes implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Lanes.class);

    private final String proxyName;
    private final List<ThreadPoolExecutor> lanes;

    Lanes(String proxyName, int count, int queuePerLane) {
        this.proxyName = proxyName;
        List<ThreadPoolExecutor> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = "pchat-proxy-lane-" + proxyName + "-" + i;
            AtomicInteger started = new AtomicInteger();
            all.add(new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queuePerLane),
                    r -> {
                        Thread thread = new Thread(r, name + (started.getAndIncrement() == 0 ? "" : "-restart"));
                        thread.setDaemon(true);
                        return thread;
                    }));
        }
        this.lanes = List.copyOf(all);
    }

    /**
     * Runs {@code work} on the key's lane.
     *
     * @throws RejectedExecutionException when that lane's queue is full or the lanes are closed
     */
    void execute(String key, Runnable work) {
        lanes.get(Math.floorMod(key.hashCode(), lanes.size())).execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.error("{} - proxy work failed: call-id={}: {}", proxyName, key, e.toString(), e);
            }
        });
    }

    @Override
    public void close() {
        lanes.forEach(ThreadPoolExecutor::shutdownNow);
        for (ThreadPoolExecutor lane : lanes) {
            try {
                if (!lane.awaitTermination(2, TimeUnit.SECONDS)) {
                    LOG.warn("{} - a forwarding lane did not stop within 2 s", proxyName);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
