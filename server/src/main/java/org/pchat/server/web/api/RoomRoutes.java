package org.pchat.server.web.api;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.pchat.server.domain.RoomDetails;
import org.pchat.server.domain.RoomRole;
import org.pchat.server.rooms.AccessPolicy;
import org.pchat.server.web.RouteGroup;
import org.pchat.server.web.api.ApiInputs.RoleHolders;
import org.pchat.server.web.api.ApiInputs.RoomInput;
import org.pchat.server.web.api.ApiInputs.RoomPatch;
import org.pchat.server.web.api.ApiViews.RolesView;
import org.pchat.server.web.api.ApiViews.RoomView;
import org.pchat.server.web.auth.Authenticator;
import org.pchat.server.web.auth.Caller;
import org.pchat.server.web.http.ApiException;
import org.pchat.server.web.http.JsonBodies;
import org.pchat.server.web.http.Params;

/**
 * {@code /api/rooms}: list the rooms one can see (or manages), create, read, change (including disabling) and
 * set role lists, with the rules of {@link RoomManagement}.
 */
public final class RoomRoutes implements RouteGroup {

    private final Authenticator auth;
    private final JsonBodies bodies;
    private final RoomManagement rooms;
    private final String sipDomain;
    private final int searchLimit;

    public RoomRoutes(Authenticator auth, JsonBodies bodies, RoomManagement rooms, String sipDomain, int searchLimit) {
        this.auth = Objects.requireNonNull(auth, "auth");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.sipDomain = Objects.requireNonNull(sipDomain, "sipDomain");
        this.searchLimit = searchLimit;
    }

    @Override
    public void register(JavalinDefaultRouting routes) {
        routes.get("/api/rooms", this::list);
        routes.post("/api/rooms", this::create);
        routes.get("/api/rooms/{roomId}", this::read);
        routes.patch("/api/rooms/{roomId}", this::update);
        routes.get("/api/rooms/{roomId}/roles", this::roles);
        routes.put("/api/rooms/{roomId}/roles/{role}", this::setRole);
    }

    private void list(Context ctx) {
        Caller caller = auth.require(ctx);
        Optional<String> name = Params.textQuery(ctx, "name", 256);
        int limit = Params.intQuery(ctx, "limit", searchLimit, 1, searchLimit);
        boolean managed = Boolean.parseBoolean(Params.textQuery(ctx, "managed", 5).orElse("false"));
        Optional<UUID> category = Params.textQuery(ctx, "categoryId", 36).map(v -> {
            try {
                return UUID.fromString(v);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("categoryId", "categoryId '" + Params.abbreviate(v) + "' is not a GUID");
            }
        });
        List<RoomDetails> found = managed ? rooms.managed(caller) : rooms.visible(caller, name, limit);
        List<RoomView> views = found.stream()
                .filter(r -> category.isEmpty() || r.category().id().equals(category.get()))
                .filter(r -> !managed || name.isEmpty()
                        || r.room().name().toLowerCase(java.util.Locale.ROOT)
                                .contains(name.get().toLowerCase(java.util.Locale.ROOT)))
                .limit(limit)
                .map(r -> RoomView.of(r, sipDomain, caller.user())).toList();
        ctx.json(views);
    }

    private void create(Context ctx) {
        Caller caller = auth.require(ctx);
        RoomDetails created = rooms.create(caller, bodies.read(ctx, RoomInput.class));
        ctx.status(201).header("Location", "/api/rooms/" + created.room().id());
        ctx.json(RoomView.of(created, sipDomain, caller.user()));
    }

    private void read(Context ctx) {
        Caller caller = auth.require(ctx);
        ctx.json(RoomView.of(rooms.access().visible(caller, Params.uuid(ctx, "roomId")), sipDomain, caller.user()));
    }

    private void update(Context ctx) {
        Caller caller = auth.require(ctx);
        UUID roomId = Params.uuid(ctx, "roomId");
        rooms.access().manageable(caller, roomId);
        RoomDetails updated = rooms.update(caller, roomId, bodies.read(ctx, RoomPatch.class));
        ctx.json(RoomView.of(updated, sipDomain, caller.user()));
    }

    private void roles(Context ctx) {
        Caller caller = auth.require(ctx);
        RoomDetails room = rooms.access().visible(caller, Params.uuid(ctx, "roomId"));
        if (!AccessPolicy.canManage(caller.user(), room) && !AccessPolicy.canJoin(caller.uri(), room)) {
            throw ApiException.forbidden("user " + caller.uri() + " may neither enter nor manage room '"
                    + room.room().name() + "'");
        }
        ctx.json(RolesView.of(room.roles()));
    }

    private void setRole(Context ctx) {
        Caller caller = auth.require(ctx);
        UUID roomId = Params.uuid(ctx, "roomId");
        String roleText = ctx.pathParam("role");
        RoomRole role = switch (roleText) {
            case "members" -> RoomRole.MEMBER;
            case "managers" -> RoomRole.MANAGER;
            case "presenters" -> RoomRole.PRESENTER;
            default -> throw ApiException.badRequest("role", "role '" + Params.abbreviate(roleText)
                    + "' is not one of members|managers|presenters");
        };
        rooms.access().manageable(caller, roomId);
        RoleHolders in = bodies.read(ctx, RoleHolders.class);
        RoomDetails updated = rooms.setRole(caller, roomId, role, Fields.required("users", in.users()));
        ctx.json(RolesView.of(updated.roles()));
    }
}
