package org.pchat.server.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * File tokens held in memory: fine for one node (the Standard topology), lost on restart (clients just ask
 * again). Expired tokens are purged when new ones are issued; at most {@code maxTokens} are held, beyond that
 * issuing fails as busy.
 */
public final class InMemoryFileTokenService implements FileTokenService {

    private final Clock clock;
    private final Duration lifetime;
    private final int maxTokens;
    private final Map<String, FileAccessToken> tokens = new ConcurrentHashMap<>();

    public InMemoryFileTokenService(Clock clock, Duration lifetime, int maxTokens) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens " + maxTokens + " is below 1");
        }
        this.maxTokens = maxTokens;
    }

    @Override
    public FileAccessToken issue(String userUri, UUID roomId, FileAction action, String fileName) {
        Instant now = clock.instant();
        if (tokens.size() >= maxTokens) {
            tokens.values().removeIf(t -> !t.validAt(now));
            if (tokens.size() >= maxTokens) {
                throw new ChatException(ChatErrorCode.BUSY, "file token store holds " + tokens.size()
                        + " valid tokens, the limit is " + maxTokens + " (request of " + userUri + ")");
            }
        }
        FileAccessToken token = new FileAccessToken(UUID.randomUUID().toString(), userUri, roomId, action, fileName,
                now.plus(lifetime));
        tokens.put(token.token(), token);
        return token;
    }

    @Override
    public Optional<FileAccessToken> find(String token) {
        FileAccessToken found = tokens.get(token);
        if (found == null) {
            return Optional.empty();
        }
        if (!found.validAt(clock.instant())) {
            tokens.remove(token, found);
            return Optional.empty();
        }
        return Optional.of(found);
    }
}
