package org.pchat.server.rooms;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.pchat.server.domain.Category;
import org.pchat.server.domain.ChatMessage;
import org.pchat.server.domain.DirectoryException;
import org.pchat.server.domain.Room;
import org.pchat.server.domain.RoomDetails;
import org.pchat.server.domain.RoomRole;
import org.pchat.server.domain.RoomRoles;
import org.pchat.server.store.CategoryRepository;
import org.pchat.server.store.InvitationRepository;
import org.pchat.server.store.MessageRepository;
import org.pchat.server.store.MessageStoreConfig;
import org.pchat.server.store.RoomRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The room half of {@link DirectoryService}; every method runs inside the caller's transaction {@code tx}. */
final class RoomAdministration {

    private static final Logger LOG = LoggerFactory.getLogger(RoomAdministration.class);
    private static final int PAGE = 500;

    private final DirectoryRules rules;
    private final Clock clock;
    private final CategoryRepository categories;
    private final RoomRepository rooms;
    private final InvitationRepository invitations;
    private final MessageRepository messages;

    RoomAdministration(DSLContext content, DirectoryRules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
        this.categories = new CategoryRepository(content);
        this.rooms = new RoomRepository(content);
        this.invitations = new InvitationRepository(content);
        this.messages = new MessageRepository(content, MessageStoreConfig.defaults());
    }

    RoomDetails newRoom(DSLContext tx, RoomSpec spec) {
        String name = rules.name("room name", spec.name());
        String owner = "room '" + name + "'";
        RoomRoles roles = new RoomRoles(rules.users("member", owner, spec.members()),
                rules.users("manager", owner, spec.managers()), rules.users("presenter", owner, spec.presenters()));
        String description = rules.text("description", owner, spec.description());
        String topic = rules.text("topic", owner, spec.topic());
        String addin = rules.addinUrl(owner, spec.addinUrl());
        Category category = category(tx, spec.categoryName());
        if (rooms.in(tx).findByName(name).isPresent()) {
            throw DirectoryException.conflict("room name '" + name + "' already exists");
        }
        roles.everyone().forEach(uri -> DirectoryRules.requireInScope(uri, category));
        Room room = new Room(UUID.randomUUID(), name, description, topic, category.id(), spec.privacy(), spec.type(),
                false, addin, spec.invitations());
        Instant now = clock.instant();
        rooms.in(tx).insert(room, roles, now);
        invite(tx, room, category, roles.members(), now);
        LOG.info("room {} - created '{}' in category '{}', {} {}, {} members, {} managers, {} presenters",
                room.id(), name, category.name(), room.privacy().text(), room.type().text(),
                roles.members().size(), roles.managers().size(), roles.presenters().size());
        return new RoomDetails(room, category, roles);
    }

    RoomDetails setRoom(DSLContext tx, Room current, RoomChange change) {
        Room locked = rooms.in(tx).lock(current.id())
                .orElseThrow(() -> DirectoryException.notFound("unknown room '" + current.name() + "'"));
        String owner = "room '" + locked.name() + "'";
        String name = change.name().map(n -> rules.name("room name", n)).orElse(locked.name());
        if (!CategoryRepository.nameKey(name).equals(CategoryRepository.nameKey(locked.name()))
                && rooms.in(tx).findByName(name).isPresent()) {
            throw DirectoryException.conflict("room name '" + name + "' already exists");
        }
        Category category = change.categoryName().isPresent() ? category(tx, change.categoryName().get())
                : categories.in(tx).find(locked.categoryId()).orElseThrow();
        boolean categoryChanged = !category.id().equals(locked.categoryId());
        RoomRoles before = rooms.in(tx).roles(locked.id());
        RoomRoles after = before;
        Set<String> added = new HashSet<>();
        for (RoomRole role : RoomRole.values()) {
            Optional<Set<String>> replaced = switch (role) {
                case MEMBER -> change.members();
                case MANAGER -> change.managers();
                case PRESENTER -> change.presenters();
            };
            if (replaced.isPresent()) {
                Set<String> holders = rules.users(role.text(), owner, replaced.get());
                holders.stream().filter(u -> !before.has(role, u)).forEach(added::add);
                after = after.with(role, holders);
            }
        }
        Set<String> toCheck = categoryChanged ? after.everyone() : added;
        toCheck.forEach(uri -> DirectoryRules.requireInScope(uri, category));
        Room room = new Room(locked.id(), name,
                change.description().map(d -> rules.text("description", owner, d)).orElse(locked.description()),
                change.topic().map(t -> rules.text("topic", owner, t)).orElse(locked.topic()),
                category.id(), change.privacy().orElse(locked.privacy()), change.type().orElse(locked.type()),
                locked.disabled(),
                change.addinUrl().isPresent() ? rules.addinUrl(owner, change.addinUrl().get()) : locked.addinUrl(),
                change.invitations().orElse(locked.invitations()));
        Instant now = clock.instant();
        rooms.in(tx).update(room, now);
        if (!after.equals(before)) {
            rooms.in(tx).setRoles(room.id(), after);
        }
        Set<String> newMembers = after.members().stream().filter(u -> !before.members().contains(u))
                .collect(Collectors.toSet());
        invite(tx, room, category, newMembers, now);
        LOG.info("room {} - updated '{}': {}", room.id(), name, describe(locked, room, before, after));
        return new RoomDetails(room, category, after);
    }

    RoomDetails setDisabled(DSLContext tx, Room current, boolean disabled) {
        Room locked = rooms.in(tx).lock(current.id())
                .orElseThrow(() -> DirectoryException.notFound("unknown room '" + current.name() + "'"));
        Room room = new Room(locked.id(), locked.name(), locked.description(), locked.topic(), locked.categoryId(),
                locked.privacy(), locked.type(), disabled, locked.addinUrl(), locked.invitations());
        rooms.in(tx).update(room, clock.instant());
        LOG.info("room {} - '{}' {}", room.id(), room.name(), disabled ? "disabled" : "enabled");
        return details(tx, room);
    }

    List<RoomDetails> listRooms(DSLContext tx, RoomFilter filter) {
        Optional<UUID> categoryId = filter.categoryName().map(n -> category(tx, n).id());
        Map<UUID, Category> byId = categories.in(tx).list().stream()
                .collect(Collectors.toMap(Category::id, Function.identity()));
        List<Room> found = new ArrayList<>();
        String after = null;
        while (true) {
            List<Room> page = rooms.in(tx).list(categoryId, filter.nameContains(), filter.includeDisabled(), after,
                    PAGE);
            found.addAll(page);
            if (page.size() < PAGE) {
                break;
            }
            after = CategoryRepository.nameKey(page.get(page.size() - 1).name());
        }
        Map<UUID, RoomRoles> roles = rooms.in(tx).roles(found.stream().map(Room::id).toList());
        return found.stream().map(r -> new RoomDetails(r, byId.get(r.categoryId()), roles.get(r.id()))).toList();
    }

    int clearHistory(DSLContext tx, Room room, Instant before) {
        return messages.in(tx).clearBefore(room.id(), before);
    }

    void removeMessage(DSLContext tx, long messageId, Optional<String> replacement) {
        ChatMessage message = messages.in(tx).byId(messageId)
                .orElseThrow(() -> DirectoryException.notFound("unknown message id " + messageId));
        if (replacement.isPresent()) {
            messages.in(tx).replace(messageId, replacement.get());
            LOG.info("room {} - message {} (seq {}) replaced", message.roomId(), messageId, message.seq());
        } else {
            messages.in(tx).remove(messageId);
            LOG.info("room {} - message {} (seq {}) removed", message.roomId(), messageId, message.seq());
        }
    }

    RoomDetails details(DSLContext tx, Room room) {
        Category category = categories.in(tx).find(room.categoryId()).orElseThrow();
        return new RoomDetails(room, category, rooms.in(tx).roles(room.id()));
    }

    Room room(DSLContext tx, String name) {
        return rooms.in(tx).findByName(rules.name("room name", name))
                .orElseThrow(() -> DirectoryException.notFound("unknown room '" + name.trim() + "'"));
    }

    Room room(DSLContext tx, UUID id) {
        return rooms.in(tx).find(id).orElseThrow(() -> DirectoryException.notFound("unknown room id " + id));
    }

    private Category category(DSLContext tx, String name) {
        return categories.in(tx).findByName(rules.name("category name", name))
                .orElseThrow(() -> DirectoryException.notFound("unknown category '" + name.trim() + "'"));
    }

    private void invite(DSLContext tx, Room room, Category category, Set<String> newMembers, Instant now) {
        if (room.invitations().effective(category.invitations())) {
            newMembers.forEach(uri -> invitations.in(tx).issue(uri, room.id(), now));
        }
    }

    private static String describe(Room old, Room now, RoomRoles before, RoomRoles after) {
        List<String> changes = new ArrayList<>();
        if (!old.name().equals(now.name())) {
            changes.add("renamed from '" + old.name() + "'");
        }
        if (!old.categoryId().equals(now.categoryId())) {
            changes.add("moved to category " + now.categoryId());
        }
        if (old.privacy() != now.privacy()) {
            changes.add("privacy " + now.privacy().text());
        }
        if (old.type() != now.type()) {
            changes.add("type " + now.type().text());
        }
        for (RoomRole role : RoomRole.values()) {
            if (!before.holders(role).equals(after.holders(role))) {
                changes.add(role.text() + "s " + after.holders(role).size());
            }
        }
        return changes.isEmpty() ? "properties" : String.join(", ", changes);
    }
}
