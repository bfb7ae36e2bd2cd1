package org.pchat.server.web.page;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import io.javalin.router.JavalinDefaultRouting;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.pchat.server.domain.Category;
import org.pchat.server.domain.DirectoryException;
import org.pchat.server.domain.Privacy;
import org.pchat.server.domain.RoomDetails;
import org.pchat.server.domain.RoomType;
import org.pchat.server.domain.User;
import org.pchat.server.web.RouteGroup;
import org.pchat.server.web.api.RoomManagement;
import org.pchat.server.web.auth.AuthMethod;
import org.pchat.server.web.auth.Authenticator;
import org.pchat.server.web.auth.Caller;
import org.pchat.server.web.auth.PasswordLogin;
import org.pchat.server.web.auth.SessionStore;
import org.pchat.server.web.auth.WebSession;
import org.pchat.server.web.http.ApiException;
import org.pchat.server.web.http.Params;
import org.pchat.server.web.http.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The room management page for room managers and category creators (the web app of xccos.md §8.2, plain
 * server-rendered HTML, no scripts): {@code /login}, {@code /rooms} (my rooms and the create form),
 * {@code /rooms/{roomId}} (edit, disable, enable). The rules are those of {@link RoomManagement}; every form
 * carries the session's CSRF token; every value is escaped by the templates.
 */
public final class PageRoutes implements RouteGroup {

    private static final Logger LOG = LoggerFactory.getLogger(PageRoutes.class);
    private static final String CSP = "default-src 'self'; script-src 'none'; object-src 'none'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    private final Authenticator auth;
    private final PasswordLogin logins;
    private final SessionStore sessions;
    private final RoomManagement rooms;
    private final String sipDomain;
    private final boolean secureCookies;
    private final Templates templates = new Templates(List.of("login", "rooms", "room", "error"));

    public PageRoutes(Authenticator auth, PasswordLogin logins, SessionStore sessions, RoomManagement rooms,
            String sipDomain, boolean secureCookies) {
        this.auth = Objects.requireNonNull(auth, "auth");
        this.logins = Objects.requireNonNull(logins, "logins");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.sipDomain = Objects.requireNonNull(sipDomain, "sipDomain");
        this.secureCookies = secureCookies;
    }

    @Override
    public void register(JavalinDefaultRouting routes) {
        routes.get("/", ctx -> ctx.redirect("/rooms", HttpStatus.SEE_OTHER));
        routes.get("/login", ctx -> loginForm(ctx, 200, "", "", next(ctx.queryParam("next"))));
        routes.post("/login", this::login);
        routes.post("/logout", this::logout);
        routes.get("/rooms", ctx -> page(ctx, caller -> showRooms(ctx, caller, RoomForm.empty(caller.uri()), 200, "",
                notice(ctx))));
        routes.post("/rooms", ctx -> page(ctx, caller -> createRoom(ctx, caller)));
        routes.get("/rooms/{roomId}", ctx -> page(ctx, caller -> showRoom(ctx, caller, null, 200, "", notice(ctx))));
        routes.post("/rooms/{roomId}", ctx -> page(ctx, caller -> updateRoom(ctx, caller)));
        routes.post("/rooms/{roomId}/disable", ctx -> page(ctx, caller -> setDisabled(ctx, caller, true)));
        routes.post("/rooms/{roomId}/enable", ctx -> page(ctx, caller -> setDisabled(ctx, caller, false)));
    }

    private interface PageHandler {
        void handle(Caller caller);
    }

    /** Runs a page for a signed-in browser user; others are sent to the login form. */
    private void page(Context ctx, PageHandler handler) {
        html(ctx);
        Optional<Caller> caller;
        try {
            caller = auth.authenticate(ctx);
        } catch (ApiException e) {
            errorPage(ctx, e.status(), e.getMessage(), Optional.empty());
            return;
        }
        if (caller.isEmpty()) {
            ctx.redirect("/login?next=" + URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
            return;
        }
        try {
            handler.handle(caller.get());
        } catch (ApiException e) {
            errorPage(ctx, e.status(), e.getMessage(), caller);
        } catch (DirectoryException e) {
            ApiException mapped = Problems.of(e);
            errorPage(ctx, mapped.status(), mapped.getMessage(), caller);
        }
    }

    private void login(Context ctx) {
        html(ctx);
        String user = Optional.ofNullable(ctx.formParam("user")).orElse("").strip();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        String next = next(ctx.formParam("next"));
        Optional<User> found;
        try {
            found = logins.verify(user, password.toCharArray(), Authenticator.origin(ctx));
        } catch (ApiException e) {
            loginForm(ctx, e.status(), e.getMessage(), user, next);
            return;
        }
        if (found.isEmpty()) {
            loginForm(ctx, 401, "Wrong user name or password.", user, next);
            return;
        }
        SessionStore.Issued issued = sessions.create(found.get().uri(), AuthMethod.COOKIE);
        Cookie cookie = new Cookie(Authenticator.COOKIE, issued.token());
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(secureCookies);
        cookie.setSameSite(SameSite.STRICT);
        ctx.cookie(cookie);
        LOG.info("POST /login - user {} - signed in, session {} (from {})", found.get().uri(), issued.session().id(),
                Authenticator.origin(ctx));
        ctx.redirect(next, HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) {
        Optional<WebSession> session = auth.browserSession(ctx);
        if (session.isPresent() && Authenticator.csrfMatches(ctx, session.get())) {
            sessions.revoke(ctx.cookie(Authenticator.COOKIE));
            LOG.info("POST /logout - user {} - signed out, session {}", session.get().userUri(), session.get().id());
        }
        ctx.removeCookie(Authenticator.COOKIE, "/");
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    private void createRoom(Context ctx, Caller caller) {
        RoomForm form = RoomForm.read(ctx);
        try {
            RoomDetails created = rooms.create(caller, form.toInput());
            ctx.redirect("/rooms?created=" + URLEncoder.encode(created.room().name(), StandardCharsets.UTF_8),
                    HttpStatus.SEE_OTHER);
        } catch (ApiException e) {
            showRooms(ctx, caller, form, e.status(), e.getMessage(), "");
        } catch (DirectoryException e) {
            ApiException mapped = Problems.of(e);
            showRooms(ctx, caller, form, mapped.status(), mapped.getMessage(), "");
        }
    }

    private void updateRoom(Context ctx, Caller caller) {
        UUID roomId = Params.uuid(ctx, "roomId");
        RoomForm form = RoomForm.read(ctx);
        try {
            rooms.update(caller, roomId, form.toPatch());
            ctx.redirect("/rooms/" + roomId + "?saved=1", HttpStatus.SEE_OTHER);
        } catch (ApiException e) {
            showRoom(ctx, caller, form, e.status(), e.getMessage(), "");
        } catch (DirectoryException e) {
            ApiException mapped = Problems.of(e);
            showRoom(ctx, caller, form, mapped.status(), mapped.getMessage(), "");
        }
    }

    private void setDisabled(Context ctx, Caller caller, boolean disabled) {
        UUID roomId = Params.uuid(ctx, "roomId");
        rooms.update(caller, roomId, new org.pchat.server.web.api.ApiInputs.RoomPatch(null, null, null, null, null,
                null, null, null, null, null, null, disabled));
        ctx.redirect("/rooms/" + roomId + "?" + (disabled ? "disabled" : "enabled") + "=1", HttpStatus.SEE_OTHER);
    }

    private void showRooms(Context ctx, Caller caller, RoomForm form, int status, String error, String notice) {
        List<Map<String, Object>> listed = rooms.managed(caller).stream().map(PageRoutes::row).toList();
        List<Category> creatable = rooms.creatableCategories(caller);
        List<Map<String, Object>> categories = creatable.stream().map(c -> Map.<String, Object>of(
                "id", c.id().toString(), "name", c.name(), "selected", c.id().toString().equals(form.categoryId())))
                .toList();
        Map<String, Object> model = base(caller, "My rooms", error, notice);
        model.put("rooms", listed);
        model.put("hasRooms", !listed.isEmpty());
        model.put("canCreate", !creatable.isEmpty());
        model.put("categories", categories);
        putForm(model, form);
        ctx.status(status).result(templates.render("rooms", model));
    }

    private void showRoom(Context ctx, Caller caller, RoomForm typed, int status, String error, String notice) {
        RoomDetails room = rooms.access().manageable(caller, Params.uuid(ctx, "roomId"));
        RoomForm form = typed == null ? RoomForm.of(room) : typed;
        Map<String, Object> model = base(caller, "Room " + room.room().name(), error, notice);
        Map<String, Object> view = new LinkedHashMap<>(row(room));
        view.put("uri", "ma-chan://" + sipDomain + "/" + room.room().id());
        view.put("toggleAction", room.room().disabled() ? "enable" : "disable");
        view.put("toggleLabel", room.room().disabled() ? "Enable room" : "Disable room");
        model.put("room", view);
        putForm(model, form);
        ctx.status(status).result(templates.render("room", model));
    }

    private void loginForm(Context ctx, int status, String error, String userName, String next) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", "Sign in");
        model.put("error", error);
        model.put("userName", userName);
        model.put("next", next);
        html(ctx);
        ctx.status(status).result(templates.render("login", model));
    }

    private void errorPage(Context ctx, int status, String message, Optional<Caller> caller) {
        Map<String, Object> model = caller.map(c -> base(c, Problems.title(status), message, ""))
                .orElseGet(() -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("title", Problems.title(status));
                    m.put("error", message);
                    return m;
                });
        ctx.status(status).result(templates.render("error", model));
    }

    private Map<String, Object> base(Caller caller, String title, String error, String notice) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", title);
        model.put("user", caller.uri());
        model.put("csrf", caller.session().map(WebSession::csrfToken).orElse(""));
        model.put("error", error);
        model.put("notice", notice);
        return model;
    }

    private static void putForm(Map<String, Object> model, RoomForm form) {
        model.put("form", form.model());
        model.put("privacies", Arrays.stream(Privacy.values()).map(p -> Map.<String, Object>of("value", p.text(),
                "selected", p.text().equals(form.privacy()))).toList());
        model.put("types", Arrays.stream(RoomType.values()).map(t -> Map.<String, Object>of("value", t.text(),
                "selected", t.text().equals(form.type()))).toList());
    }

    private static Map<String, Object> row(RoomDetails r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", r.room().id().toString());
        row.put("name", r.room().name());
        row.put("category", r.category().name());
        row.put("privacy", r.room().privacy().text());
        row.put("type", r.room().type().text());
        row.put("members", String.join(", ", r.roles().members()));
        row.put("managers", String.join(", ", r.roles().managers()));
        row.put("state", r.room().disabled() ? "disabled" : "enabled");
        return row;
    }

    private static String notice(Context ctx) {
        if (ctx.queryParam("created") != null) {
            return "Room " + Params.abbreviate(ctx.queryParam("created")) + " created.";
        }
        if (ctx.queryParam("saved") != null) {
            return "Changes saved.";
        }
        if (ctx.queryParam("disabled") != null) {
            return "Room disabled: members cannot enter it; its content is kept.";
        }
        if (ctx.queryParam("enabled") != null) {
            return "Room enabled.";
        }
        return "";
    }

    /** A local path to return to after login; anything else (other hosts, schemes) becomes {@code /rooms}. */
    static String next(String requested) {
        if (requested == null || !requested.startsWith("/") || requested.startsWith("//")
                || requested.contains("\\") || requested.length() > 512) {
            return "/rooms";
        }
        return requested.chars().allMatch(c -> c > 0x20 && c < 0x7f) ? requested : "/rooms";
    }

    private static void html(Context ctx) {
        ctx.contentType("text/html; charset=utf-8");
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
    }
}
