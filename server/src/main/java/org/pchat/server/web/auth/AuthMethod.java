package org.pchat.server.web.auth;

/** How a caller proved who they are. */
public enum AuthMethod {
    /** HTTP Basic with the account password (RFC 7617). */
    BASIC,
    /** A bearer token from {@code POST /api/tokens} (RFC 6750). */
    BEARER,
    /** A browser session cookie from the login form; unsafe requests also need the CSRF token. */
    COOKIE
}
