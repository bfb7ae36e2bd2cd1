package org.pchat.server.web.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.pchat.server.web.WebConfig.SessionConfig;
import org.pchat.server.web.http.ApiException;

/**
 * Browser sessions and API bearer tokens of this node, in memory: a restart signs everybody out, and a token
 * is valid only on the node that issued it. Tokens are 256 random bits; only their SHA-256 is kept. A session
 * ends after its idle timeout or maximum age; at most {@code maxSessions} live at once.
 */
public final class SessionStore {

    private static final int TOKEN_BYTES = 32;

    private final SessionConfig config;
    private final Clock clock;
    private final SecureRandom random;
    private final Map<String, WebSession> sessions = new ConcurrentHashMap<>();

    public SessionStore(SessionConfig config, Clock clock, SecureRandom random) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A new session and the secret token that names it (shown to the client once). */
    public record Issued(String token, WebSession session) {
        @Override
        public String toString() {
            return "Issued[token=***, session=" + session + "]";
        }
    }

    /**
     * Starts a session for a user who just proved who they are.
     *
     * @throws ApiException 503 when the store is full of live sessions
     */
    public Issued create(String userUri, AuthMethod kind) {
        Instant now = clock.instant();
        if (sessions.size() >= config.maxSessions()) {
            sessions.values().removeIf(s -> !alive(s, now));
            if (sessions.size() >= config.maxSessions()) {
                throw ApiException.unavailable("the node holds " + sessions.size() + " sessions, the limit is "
                        + config.maxSessions() + " (login of " + userUri + "): try again later");
            }
        }
        String token = randomToken();
        String key = hash(token);
        WebSession session = new WebSession(key.substring(0, 12), userUri, kind, randomToken(), now, now);
        sessions.put(key, session);
        return new Issued(token, session);
    }

    /** The live session named by a token, marked as used now; empty for an unknown or expired token. */
    public Optional<WebSession> find(String token) {
        if (token == null || token.isBlank() || token.length() > 128) {
            return Optional.empty();
        }
        String key = hash(token);
        WebSession session = sessions.get(key);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!alive(session, now)) {
            sessions.remove(key, session);
            return Optional.empty();
        }
        WebSession touched = session.touched(now);
        sessions.replace(key, session, touched);
        return Optional.of(touched);
    }

    /** Ends the session named by a token; false when there was none. */
    public boolean revoke(String token) {
        return token != null && sessions.remove(hash(token)) != null;
    }

    /** Ends every session of a user (password change, account removal); returns how many. */
    public int revokeAll(String userUri) {
        int before = sessions.size();
        sessions.values().removeIf(s -> s.userUri().equals(userUri));
        return before - sessions.size();
    }

    /** When a session ends if it stays unused. */
    public Instant expiresAt(WebSession session) {
        Instant idle = session.lastUsedAt().plus(config.idleTimeout());
        Instant max = session.createdAt().plus(config.maxAge());
        return idle.isBefore(max) ? idle : max;
    }

    /** The number of sessions held (live or not yet purged). */
    public int size() {
        return sessions.size();
    }

    private boolean alive(WebSession session, Instant now) {
        return now.isBefore(expiresAt(session));
    }

    private String randomToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
