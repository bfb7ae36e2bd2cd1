package org.pchat.server.web.auth;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.pchat.server.domain.User;
import org.pchat.server.store.UserRepository;
import org.pchat.server.web.http.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the caller of a request: HTTP Basic (RFC 7617), a bearer token (RFC 6750) or the browser session
 * cookie. Credentials that are present but wrong are refused (401), never ignored. A cookie-authenticated
 * request that changes state must also carry the session's CSRF token ({@value #CSRF_HEADER} header or
 * {@value #CSRF_FIELD} form field).
 */
public final class Authenticator {

    /** The browser session cookie. */
    public static final String COOKIE = "pchat_session";
    /** The header that carries the CSRF token on cookie-authenticated API calls. */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** The form field that carries the CSRF token. */
    public static final String CSRF_FIELD = "_csrf";
    /** Request attribute holding the authenticated user's URI, for the request log. */
    public static final String USER_ATTRIBUTE = "pchat.user";

    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);
    private static final int MAX_CREDENTIALS_LENGTH = 4_096;

    private final PasswordLogin logins;
    private final SessionStore sessions;
    private final UserRepository users;

    public Authenticator(PasswordLogin logins, SessionStore sessions, UserRepository users) {
        this.logins = Objects.requireNonNull(logins, "logins");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.users = Objects.requireNonNull(users, "users");
    }

    /**
     * The caller, when the request carries credentials.
     *
     * @throws ApiException 401 for wrong credentials, 403 for a cookie request without its CSRF token, 429
     */
    public Optional<Caller> authenticate(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && !authorization.isBlank()) {
            Caller caller = fromAuthorization(ctx, authorization.strip());
            ctx.attribute(USER_ATTRIBUTE, caller.uri());
            return Optional.of(caller);
        }
        String cookie = ctx.cookie(COOKIE);
        if (cookie == null || cookie.isBlank()) {
            return Optional.empty();
        }
        Optional<WebSession> session = sessions.find(cookie).filter(s -> s.kind() == AuthMethod.COOKIE);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        Caller caller = caller(session.get(), AuthMethod.COOKIE, ctx);
        ctx.attribute(USER_ATTRIBUTE, caller.uri());
        if (changesState(ctx.method()) && !csrfMatches(ctx, session.get())) {
            LOG.warn("{} {} - user {} - refused: missing or wrong CSRF token (session {})", ctx.method(), ctx.path(),
                    caller.uri(), session.get().id());
            throw ApiException.forbidden("the request lacks the session's CSRF token (" + CSRF_HEADER + " header or "
                    + CSRF_FIELD + " field)");
        }
        return Optional.of(caller);
    }

    /**
     * The caller.
     *
     * @throws ApiException 401 when the request carries no credentials or wrong ones
     */
    public Caller require(Context ctx) {
        return authenticate(ctx).orElseThrow(() -> ApiException.unauthorized(
                "authentication required: HTTP Basic, a bearer token from POST /api/tokens, or a session cookie"));
    }

    /** The browser session of a request that has a valid session cookie, without CSRF checks. */
    public Optional<WebSession> browserSession(Context ctx) {
        String cookie = ctx.cookie(COOKIE);
        return cookie == null ? Optional.empty()
                : sessions.find(cookie).filter(s -> s.kind() == AuthMethod.COOKIE);
    }

    /** Whether the request's CSRF token (header or form field) is the session's. */
    public static boolean csrfMatches(Context ctx, WebSession session) {
        String sent = ctx.header(CSRF_HEADER);
        if (sent == null && isForm(ctx)) {
            sent = ctx.formParam(CSRF_FIELD);
        }
        return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                session.csrfToken().getBytes(StandardCharsets.UTF_8));
    }

    private Caller fromAuthorization(Context ctx, String authorization) {
        if (authorization.length() > MAX_CREDENTIALS_LENGTH) {
            throw ApiException.unauthorized("the Authorization header is " + authorization.length()
                    + " characters long, the limit is " + MAX_CREDENTIALS_LENGTH);
        }
        int space = authorization.indexOf(' ');
        String scheme = space < 0 ? authorization : authorization.substring(0, space);
        String value = space < 0 ? "" : authorization.substring(space + 1).strip();
        return switch (scheme.toLowerCase(Locale.ROOT)) {
            case "basic" -> basic(ctx, value);
            case "bearer" -> bearer(ctx, value);
            default -> throw ApiException.unauthorized("authorization scheme '" + abbreviate(scheme)
                    + "' is not supported: use Basic or Bearer");
        };
    }

    private Caller basic(Context ctx, String value) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.unauthorized("the Basic credentials are not valid base64");
        }
        // a SIP URI user name keeps its own "sip:" colon (RFC 7617 user-ids have none otherwise)
        boolean sipPrefix = decoded.regionMatches(true, 0, "sip:", 0, 4);
        int colon = decoded.indexOf(':', sipPrefix ? 4 : 0);
        if (colon < 0) {
            throw ApiException.unauthorized("the Basic credentials lack the ':' between user and password");
        }
        String userName = decoded.substring(0, colon);
        char[] password = decoded.substring(colon + 1).toCharArray();
        User user = logins.verify(userName, password, origin(ctx))
                .orElseThrow(() -> ApiException.unauthorized("wrong user name or password"));
        return new Caller(user, AuthMethod.BASIC, Optional.empty());
    }

    private Caller bearer(Context ctx, String token) {
        WebSession session = sessions.find(token).filter(s -> s.kind() == AuthMethod.BEARER).orElseThrow(() -> {
            LOG.warn("{} {} - refused: unknown or expired bearer token (from {})", ctx.method(), ctx.path(),
                    origin(ctx));
            return ApiException.unauthorized("the bearer token is unknown or expired");
        });
        return caller(session, AuthMethod.BEARER, ctx);
    }

    private Caller caller(WebSession session, AuthMethod method, Context ctx) {
        User user = users.find(session.userUri()).orElseThrow(() -> {
            LOG.warn("{} {} - refused: user {} of session {} no longer exists", ctx.method(), ctx.path(),
                    session.userUri(), session.id());
            return ApiException.unauthorized("the session's user no longer exists");
        });
        return new Caller(user, method, Optional.of(session));
    }

    private static boolean changesState(HandlerType method) {
        return switch (method) {
            case GET, HEAD, OPTIONS -> false;
            default -> true;
        };
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /** The client address for logs. */
    public static String origin(Context ctx) {
        return ctx.ip();
    }

    private static String abbreviate(String value) {
        return value.length() <= 20 ? value : value.substring(0, 20) + "…";
    }
}
