package org.pchat.server.xmpp;

import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.pchat.server.chat.ChatErrorCode;
import org.pchat.server.chat.ChatException;
import org.pchat.server.chat.ChatResult;
import org.pchat.server.domain.DirectoryException;
import org.pchat.server.rooms.DirectoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Directory changes made over XMPP (room creation, configuration, role lists, destruction) run here, on a small
 * bounded pool, never on an event loop; a full queue answers {@link ChatErrorCode#BUSY}. The directory applies the
 * room model's rules, so SIP and web clients see the same rooms.
 */
final class MucDirectory implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MucDirectory.class);

    private final XmppEndpointConfig config;
    private final DirectoryService directory;
    private final ThreadPoolExecutor pool;

    MucDirectory(XmppEndpointConfig config, DirectoryService directory) {
        this.config = Objects.requireNonNull(config, "config");
        this.directory = Objects.requireNonNull(directory, "directory");
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(config.authThreads(), config.authThreads(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(config.authQueue()), r -> {
                    Thread thread = new Thread(r, "pchat-xmpp-dir-" + config.nodeId() + "-"
                            + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    DirectoryService directory() {
        return directory;
    }

    /** Runs {@code work} on the pool; exactly one result reaches {@code callback}, on a pool thread. */
    <T> void run(String what, Supplier<T> work, Consumer<ChatResult<T>> callback) {
        try {
            pool.execute(() -> {
                ChatResult<T> result;
                try {
                    result = ChatResult.ok(work.get());
                } catch (DirectoryException e) {
                    LOG.info("{} - {} refused: {}", config.nodeId(), what, e.getMessage());
                    result = ChatResult.failed(ChatException.of(e));
                } catch (RuntimeException e) {
                    LOG.error("{} - {} failed: {}", config.nodeId(), what, e.toString(), e);
                    result = ChatResult.failed(new ChatException(ChatErrorCode.INTERNAL, what + " failed on node "
                            + config.nodeId() + " (internal error, logged)", e));
                }
                try {
                    callback.accept(result);
                } catch (RuntimeException e) {
                    LOG.error("{} - reply to {} failed: {}", config.nodeId(), what, e.toString(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("{} - {} refused: directory queue full ({} waiting)", config.nodeId(), what,
                    config.authQueue());
            callback.accept(ChatResult.failed(new ChatException(ChatErrorCode.BUSY, what + " refused on node " + config.nodeId()
                    + ": directory queue full")));
        }
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
