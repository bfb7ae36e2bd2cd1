package org.pchat.server.web.auth;

import java.util.Objects;
import java.util.Optional;
import org.pchat.server.domain.User;

/**
 * The authenticated user of one request, re-read from the user store on every request (so a changed admin flag
 * takes effect at once).
 *
 * @param user    the account
 * @param method  how they authenticated
 * @param session the session or token used, for cookie and bearer callers
 */
public record Caller(User user, AuthMethod method, Optional<WebSession> session) {

    public Caller {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(session, "session");
    }

    /** The user's normalized SIP URI. */
    public String uri() {
        return user.uri();
    }
}
