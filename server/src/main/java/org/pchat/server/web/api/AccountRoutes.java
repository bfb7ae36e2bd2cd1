package org.pchat.server.web.api;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.util.Objects;
import java.util.Optional;
import org.pchat.server.domain.User;
import org.pchat.server.rooms.RoomDirectory;
import org.pchat.server.web.RouteGroup;
import org.pchat.server.web.api.ApiInputs.TokenRequest;
import org.pchat.server.web.api.ApiViews.MeView;
import org.pchat.server.web.api.ApiViews.TokenView;
import org.pchat.server.web.auth.AuthMethod;
import org.pchat.server.web.auth.Authenticator;
import org.pchat.server.web.auth.Caller;
import org.pchat.server.web.auth.PasswordLogin;
import org.pchat.server.web.auth.SessionStore;
import org.pchat.server.web.http.ApiException;
import org.pchat.server.web.http.JsonBodies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The caller's account: {@code GET /api/me}; bearer tokens (RFC 6750) issued by {@code POST /api/tokens} for
 * HTTP Basic or a JSON user and password, and revoked by {@code DELETE /api/tokens}. A bearer token saves the
 * password hashing cost that HTTP Basic pays on every request.
 */
public final class AccountRoutes implements RouteGroup {

    private static final Logger LOG = LoggerFactory.getLogger(AccountRoutes.class);

    private final Authenticator auth;
    private final PasswordLogin logins;
    private final SessionStore sessions;
    private final JsonBodies bodies;
    private final RoomDirectory directory;

    public AccountRoutes(Authenticator auth, PasswordLogin logins, SessionStore sessions, JsonBodies bodies,
            RoomDirectory directory) {
        this.auth = Objects.requireNonNull(auth, "auth");
        this.logins = Objects.requireNonNull(logins, "logins");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    @Override
    public void register(JavalinDefaultRouting routes) {
        routes.get("/api/me", this::me);
        routes.post("/api/tokens", this::issue);
        routes.delete("/api/tokens", this::revoke);
    }

    private void me(Context ctx) {
        Caller caller = auth.require(ctx);
        User user = caller.user();
        ctx.json(new MeView(user.uri(), user.displayName(), user.admin(), directory.canCreateSomewhere(user)));
    }

    private void issue(Context ctx) {
        User user;
        if (ctx.header("Authorization") != null) {
            user = auth.require(ctx).user();
        } else {
            TokenRequest in = bodies.read(ctx, TokenRequest.class);
            Fields.required("user", in.user());
            Fields.required("password", in.password());
            user = logins.verify(in.user(), in.password().toCharArray(), Authenticator.origin(ctx))
                    .orElseThrow(() -> ApiException.unauthorized("wrong user name or password"));
        }
        SessionStore.Issued issued = sessions.create(user.uri(), AuthMethod.BEARER);
        LOG.info("POST /api/tokens - user {} - bearer token {} issued", user.uri(), issued.session().id());
        ctx.status(201);
        ctx.header("Cache-Control", "no-store");
        ctx.json(new TokenView(issued.token(), "Bearer", sessions.expiresAt(issued.session()).toString(),
                user.uri()));
    }

    private void revoke(Context ctx) {
        Caller caller = auth.require(ctx);
        if (caller.method() != AuthMethod.BEARER) {
            throw ApiException.badRequest("Authorization", "only a bearer token can be revoked here (user "
                    + caller.uri() + " authenticated with " + caller.method() + ")");
        }
        String header = Optional.ofNullable(ctx.header("Authorization")).orElse("");
        sessions.revoke(header.substring(header.indexOf(' ') + 1).strip());
        LOG.info("DELETE /api/tokens - user {} - bearer token {} revoked", caller.uri(),
                caller.session().map(s -> s.id()).orElse("?"));
        ctx.status(204);
    }
}
