package org.pchat.server.web.api;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.pchat.server.domain.Category;
import org.pchat.server.domain.Invitations;
import org.pchat.server.domain.Privacy;
import org.pchat.server.domain.RoomDetails;
import org.pchat.server.domain.RoomRole;
import org.pchat.server.domain.RoomType;
import org.pchat.server.rooms.AccessPolicy;
import org.pchat.server.rooms.DirectoryService;
import org.pchat.server.rooms.RoomChange;
import org.pchat.server.rooms.RoomDirectory;
import org.pchat.server.rooms.RoomFilter;
import org.pchat.server.rooms.RoomSpec;
import org.pchat.server.web.api.ApiInputs.RoomInput;
import org.pchat.server.web.api.ApiInputs.RoomPatch;
import org.pchat.server.web.auth.Caller;
import org.pchat.server.web.http.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Room management with the same rules as the CLI, for the REST API and the web page: administrators may do
 * everything; category creators create rooms in their categories (and become the room's manager unless they
 * name other managers); managers change their rooms, and move them only to categories they may create in.
 */
public final class RoomManagement {

    private static final Logger LOG = LoggerFactory.getLogger(RoomManagement.class);

    private final DirectoryService service;
    private final RoomDirectory directory;
    private final RoomAccess access;

    public RoomManagement(DirectoryService service, RoomDirectory directory) {
        this.service = Objects.requireNonNull(service, "service");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.access = new RoomAccess(directory);
    }

    /** Finding rooms and checking rights on them. */
    public RoomAccess access() {
        return access;
    }

    /** Rooms the caller manages (administrators: every room), disabled ones included, by name. */
    public List<RoomDetails> managed(Caller caller) {
        if (caller.user().admin()) {
            return service.listRooms(RoomFilter.all().withDisabled(true));
        }
        return directory.roomsWithRole(caller.uri(), RoomRole.MANAGER).stream()
                .filter(r -> AccessPolicy.canManage(caller.user(), r))
                .sorted(Comparator.comparing(r -> r.room().name().toLowerCase(java.util.Locale.ROOT)))
                .toList();
    }

    /** Enabled rooms the caller can see whose name contains {@code name}. */
    public List<RoomDetails> visible(Caller caller, Optional<String> name, int limit) {
        return directory.visibleRooms(caller.uri(), name.orElse(""), limit);
    }

    /** Categories the caller may create rooms in. */
    public List<Category> creatableCategories(Caller caller) {
        return directory.creatableCategories(caller.user());
    }

    /**
     * Creates a room.
     *
     * @throws ApiException 404 unknown category, 403 not a creator there, 409 name taken, 422 bad value
     */
    public RoomDetails create(Caller caller, RoomInput in) {
        String name = Fields.required("name", in.name());
        UUID categoryId = Fields.required("categoryId", in.categoryId());
        Category category = directory.category(categoryId).orElseThrow(() -> ApiException.invalid("categoryId",
                "unknown category " + categoryId));
        if (!AccessPolicy.canCreateIn(caller.user(), category)) {
            throw ApiException.forbidden("user " + caller.uri() + " may not create rooms in category '"
                    + category.name() + "'");
        }
        RoomSpec spec = RoomSpec.of(name, category.name());
        if (in.privacy() != null) {
            spec = spec.withPrivacy(Fields.parse("privacy", () -> Privacy.parse(in.privacy())));
        }
        if (in.type() != null) {
            spec = spec.withType(Fields.parse("type", () -> RoomType.parse(in.type())));
        }
        if (in.invitations() != null) {
            spec = spec.withInvitations(Fields.parse("invitations", () -> Invitations.parse(in.invitations())));
        }
        if (in.description() != null) {
            spec = spec.withDescription(in.description());
        }
        if (in.topic() != null) {
            spec = spec.withTopic(in.topic());
        }
        if (in.addinUrl() != null && !in.addinUrl().isBlank()) {
            spec = spec.withAddinUrl(in.addinUrl());
        }
        if (in.members() != null) {
            spec = spec.withMembers(Fields.users("members", in.members()));
        }
        if (in.presenters() != null) {
            spec = spec.withPresenters(Fields.users("presenters", in.presenters()));
        }
        if (in.managers() != null) {
            spec = spec.withManagers(Fields.users("managers", in.managers()));
        } else if (category.inScope(caller.uri())) {
            spec = spec.withManagers(Set.of(caller.uri()));
        }
        RoomSpec finalSpec = spec;
        RoomDetails created = Fields.directory("name", () -> service.newRoom(finalSpec));
        LOG.info("room {} - user {} created room '{}' in category '{}'", created.room().id(), caller.uri(),
                created.room().name(), category.name());
        return created;
    }

    /**
     * Changes a room the caller manages.
     *
     * @throws ApiException 404 unknown room, 403 not a manager (or not a creator in the target category), 409, 422
     */
    public RoomDetails update(Caller caller, UUID roomId, RoomPatch in) {
        RoomDetails current = access.manageable(caller, roomId);
        RoomChange change = RoomChange.none();
        if (in.categoryId() != null && !in.categoryId().equals(current.category().id())) {
            Category target = directory.category(in.categoryId()).orElseThrow(() -> ApiException.invalid(
                    "categoryId", "unknown category " + in.categoryId()));
            if (!AccessPolicy.canCreateIn(caller.user(), target)) {
                throw ApiException.forbidden("user " + caller.uri() + " may not move rooms into category '"
                        + target.name() + "'");
            }
            change = change.withCategoryName(target.name());
        }
        if (in.name() != null) {
            change = change.withName(in.name());
        }
        if (in.privacy() != null) {
            change = change.withPrivacy(Fields.parse("privacy", () -> Privacy.parse(in.privacy())));
        }
        if (in.type() != null) {
            change = change.withType(Fields.parse("type", () -> RoomType.parse(in.type())));
        }
        if (in.invitations() != null) {
            change = change.withInvitations(Fields.parse("invitations", () -> Invitations.parse(in.invitations())));
        }
        if (in.description() != null) {
            change = change.withDescription(in.description());
        }
        if (in.topic() != null) {
            change = change.withTopic(in.topic());
        }
        if (in.addinUrl() != null) {
            change = change.withAddinUrl(in.addinUrl());
        }
        if (in.members() != null) {
            change = change.withMembers(Fields.users("members", in.members()));
        }
        if (in.managers() != null) {
            change = change.withManagers(Fields.users("managers", in.managers()));
        }
        if (in.presenters() != null) {
            change = change.withPresenters(Fields.users("presenters", in.presenters()));
        }
        RoomChange finalChange = change;
        RoomDetails updated = change.equals(RoomChange.none()) ? current
                : Fields.directory("name", () -> service.setRoom(roomId, finalChange));
        if (in.disabled() != null && in.disabled() != updated.room().disabled()) {
            updated = service.setDisabled(updated.room().name(), in.disabled());
        }
        LOG.info("room {} - user {} changed room '{}'", roomId, caller.uri(), updated.room().name());
        return updated;
    }

    /** Replaces one role list of a room the caller manages. */
    public RoomDetails setRole(Caller caller, UUID roomId, RoomRole role, List<String> users) {
        RoomPatch patch = switch (role) {
            case MEMBER -> new RoomPatch(null, null, null, null, null, null, users, null, null, null, null, null);
            case MANAGER -> new RoomPatch(null, null, null, null, null, null, null, users, null, null, null, null);
            case PRESENTER -> new RoomPatch(null, null, null, null, null, null, null, null, users, null, null, null);
        };
        return update(caller, roomId, patch);
    }
}
