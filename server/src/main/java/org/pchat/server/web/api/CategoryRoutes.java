package org.pchat.server.web.api;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.pchat.server.domain.Category;
import org.pchat.server.rooms.AccessPolicy;
import org.pchat.server.rooms.CategoryChange;
import org.pchat.server.rooms.CategorySpec;
import org.pchat.server.rooms.DirectoryService;
import org.pchat.server.rooms.RoomDirectory;
import org.pchat.server.web.RouteGroup;
import org.pchat.server.web.api.ApiInputs.CategoryInput;
import org.pchat.server.web.api.ApiInputs.CategoryPatch;
import org.pchat.server.web.api.ApiViews.CategoryView;
import org.pchat.server.web.auth.Authenticator;
import org.pchat.server.web.auth.Caller;
import org.pchat.server.web.http.ApiException;
import org.pchat.server.web.http.JsonBodies;
import org.pchat.server.web.http.Params;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/categories}: everybody lists and reads the categories they are in scope of (or create in);
 * only pool administrators create, change and remove categories (as with the CLI).
 */
public final class CategoryRoutes implements RouteGroup {

    private static final Logger LOG = LoggerFactory.getLogger(CategoryRoutes.class);

    private final Authenticator auth;
    private final JsonBodies bodies;
    private final DirectoryService service;
    private final RoomDirectory directory;
    private final String sipDomain;

    public CategoryRoutes(Authenticator auth, JsonBodies bodies, DirectoryService service, RoomDirectory directory,
            String sipDomain) {
        this.auth = Objects.requireNonNull(auth, "auth");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
        this.service = Objects.requireNonNull(service, "service");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.sipDomain = Objects.requireNonNull(sipDomain, "sipDomain");
    }

    @Override
    public void register(JavalinDefaultRouting routes) {
        routes.get("/api/categories", this::list);
        routes.post("/api/categories", this::create);
        routes.get("/api/categories/{categoryId}", this::read);
        routes.patch("/api/categories/{categoryId}", this::update);
        routes.delete("/api/categories/{categoryId}", this::remove);
    }

    private void list(Context ctx) {
        Caller caller = auth.require(ctx);
        List<CategoryView> views = directory.categories().stream().filter(c -> readable(caller, c))
                .map(c -> CategoryView.of(c, sipDomain, caller.user())).toList();
        ctx.json(views);
    }

    private void read(Context ctx) {
        Caller caller = auth.require(ctx);
        ctx.json(CategoryView.of(readableCategory(caller, Params.uuid(ctx, "categoryId")), sipDomain, caller.user()));
    }

    private void create(Context ctx) {
        Caller caller = requireAdmin(ctx, "create categories");
        CategoryInput in = bodies.read(ctx, CategoryInput.class);
        CategorySpec spec = CategorySpec.named(Fields.required("name", in.name()));
        if (in.description() != null) {
            spec = spec.withDescription(in.description());
        }
        if (in.allowed() != null) {
            spec = spec.withAllowed(Fields.principals("allowed", in.allowed()));
        }
        if (in.denied() != null) {
            spec = spec.withDenied(Fields.principals("denied", in.denied()));
        }
        if (in.creators() != null) {
            spec = spec.withCreators(Fields.principals("creators", in.creators()));
        }
        if (in.invitations() != null) {
            spec = spec.withInvitations(in.invitations());
        }
        if (in.fileUpload() != null) {
            spec = spec.withFileUpload(in.fileUpload());
        }
        if (in.chatHistory() != null) {
            spec = spec.withChatHistory(in.chatHistory());
        }
        CategorySpec finalSpec = spec;
        Category created = Fields.directory("name", () -> service.newCategory(finalSpec));
        LOG.info("POST /api/categories - user {} created category '{}' ({})", caller.uri(), created.name(),
                created.id());
        ctx.status(201).header("Location", "/api/categories/" + created.id());
        ctx.json(CategoryView.of(created, sipDomain, caller.user()));
    }

    private void update(Context ctx) {
        Caller caller = requireAdmin(ctx, "change categories");
        Category current = readableCategory(caller, Params.uuid(ctx, "categoryId"));
        CategoryPatch in = bodies.read(ctx, CategoryPatch.class);
        CategoryChange change = CategoryChange.none();
        if (in.name() != null) {
            change = change.withName(in.name());
        }
        if (in.description() != null) {
            change = change.withDescription(in.description());
        }
        if (in.allowed() != null) {
            change = change.withAllowed(Fields.principals("allowed", in.allowed()));
        }
        if (in.denied() != null) {
            change = change.withDenied(Fields.principals("denied", in.denied()));
        }
        if (in.creators() != null) {
            change = change.withCreators(Fields.principals("creators", in.creators()));
        }
        if (in.invitations() != null) {
            change = change.withInvitations(in.invitations());
        }
        if (in.fileUpload() != null) {
            change = change.withFileUpload(in.fileUpload());
        }
        if (in.chatHistory() != null) {
            change = change.withChatHistory(in.chatHistory());
        }
        CategoryChange finalChange = change;
        Category updated = Fields.directory("name", () -> service.setCategory(current.name(), finalChange));
        LOG.info("PATCH /api/categories/{} - user {} changed category '{}'", updated.id(), caller.uri(),
                updated.name());
        ctx.json(CategoryView.of(updated, sipDomain, caller.user()));
    }

    private void remove(Context ctx) {
        Caller caller = requireAdmin(ctx, "remove categories");
        Category current = readableCategory(caller, Params.uuid(ctx, "categoryId"));
        service.removeCategory(current.name());
        LOG.info("DELETE /api/categories/{} - user {} removed category '{}'", current.id(), caller.uri(),
                current.name());
        ctx.status(204);
    }

    private Caller requireAdmin(Context ctx, String what) {
        Caller caller = auth.require(ctx);
        if (!caller.user().admin()) {
            throw ApiException.forbidden("only pool administrators may " + what + " (user " + caller.uri() + ")");
        }
        return caller;
    }

    private Category readableCategory(Caller caller, UUID id) {
        return directory.category(id).filter(c -> readable(caller, c))
                .orElseThrow(() -> ApiException.notFound("unknown category " + id + " (user " + caller.uri() + ")"));
    }

    private static boolean readable(Caller caller, Category category) {
        return caller.user().admin() || AccessPolicy.isInScope(caller.uri(), category)
                || AccessPolicy.canCreateIn(caller.user(), category);
    }
}
