package org.pchat.server.xmpp;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.pchat.server.domain.credentials.Credentials;
import org.pchat.server.domain.credentials.PasswordHasher;
import org.pchat.server.domain.credentials.ScramCredential;
import org.pchat.server.domain.credentials.ScramMechanism;
import org.pchat.server.store.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads stored credentials and checks PLAIN passwords on a small bounded pool, never on a network thread.
 * Callbacks run on the pool thread: callers hop back to their event loop. A full queue throws
 * {@link java.util.concurrent.RejectedExecutionException}.
 */
public final class XmppCredentials implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(XmppCredentials.class);

    private final XmppEndpointConfig config;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final ThreadPoolExecutor pool;

    public XmppCredentials(XmppEndpointConfig config, UserRepository users, PasswordHasher hasher) {
        this.config = Objects.requireNonNull(config, "config");
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(config.authThreads(), config.authThreads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(config.authQueue()), r -> {
                    Thread thread = new Thread(r, "pchat-xmpp-auth-" + config.nodeId() + "-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** The stored SCRAM keys of a user, empty for an unknown user. */
    void scram(String userUri, ScramMechanism mechanism, Consumer<Optional<ScramCredential>> callback) {
        pool.execute(() -> {
            Optional<ScramCredential> keys;
            try {
                keys = users.credentials(userUri).map(c -> c.scram(mechanism));
            } catch (RuntimeException e) {
                LOG.error("{} - reading {} keys of {} failed: {}", config.nodeId(), mechanism.saslName(), userUri,
                        e.toString(), e);
                keys = Optional.empty();
            }
            callback.accept(keys);
        });
    }

    /** Whether the password is the user's; the array is wiped afterwards. */
    void verifyPlain(String userUri, char[] password, Consumer<Boolean> callback) {
        pool.execute(() -> {
            boolean ok;
            try {
                Optional<Credentials> stored = users.credentials(userUri);
                ok = stored.isPresent() && hasher.verifyPassword(stored.get(), password);
            } catch (RuntimeException e) {
                LOG.error("{} - checking the password of {} failed: {}", config.nodeId(), userUri, e.toString(), e);
                ok = false;
            } finally {
                Arrays.fill(password, '\0');
            }
            callback.accept(ok);
        });
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
