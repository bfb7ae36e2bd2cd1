package org.pchat.server.web.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * A live browser session or API token. The secret token itself is never kept: the store is keyed by its
 * SHA-256, and {@code id} is a short prefix of that hash, safe for logs.
 *
 * @param id          log-safe session id
 * @param userUri     the signed-in user
 * @param kind        cookie (browser) or bearer (API)
 * @param csrfToken   the token forms and cookie-authenticated API calls must echo; masked in {@link #toString()}
 * @param createdAt   when the user logged in
 * @param lastUsedAt  when the session was last used
 */
public record WebSession(String id, String userUri, AuthMethod kind, String csrfToken, Instant createdAt,
        Instant lastUsedAt) {

    public WebSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userUri, "userUri");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
    }

    /** A copy last used at {@code now}. */
    WebSession touched(Instant now) {
        return new WebSession(id, userUri, kind, csrfToken, createdAt, now);
    }

    @Override
    public String toString() {
        return "WebSession[id=" + id + ", userUri=" + userUri + ", kind=" + kind + ", csrfToken=***, createdAt="
                + createdAt + ", lastUsedAt=" + lastUsedAt + "]";
    }
}
