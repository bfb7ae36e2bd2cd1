package org.pchat.proxy.auth;

/** What checking a request's digest credentials decided. */
public sealed interface AuthOutcome {

    /** The credentials prove {@code userUri}'s password. */
    record Authenticated(String userUri) implements AuthOutcome {
    }

    /** Challenge (again); {@code stale} when the nonce expired or was replayed (RFC 7616 §3.3). */
    record Challenge(boolean stale, String reason) implements AuthOutcome {
    }

    /** Refuse with 403: wrong password, unknown user, throttled address. */
    record Forbidden(String reason) implements AuthOutcome {
    }

    /** Malformed credentials: 400. */
    record BadRequest(String reason) implements AuthOutcome {
    }

    /** The credential store cannot answer now (busy or failing): 503 or 500. */
    record Unavailable(int status, String reason) implements AuthOutcome {
    }
}
