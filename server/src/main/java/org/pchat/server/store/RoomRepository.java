package org.pchat.server.store;

import static org.pchat.db.content.Tables.MESSAGES;
import static org.pchat.db.content.Tables.ROOMS;
import static org.pchat.db.content.Tables.ROOM_COUNTERS;
import static org.pchat.db.content.Tables.ROOM_ROLES;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.pchat.db.content.tables.records.RoomRolesRecord;
import org.pchat.db.content.tables.records.RoomsRecord;
import org.pchat.server.domain.Invitations;
import org.pchat.server.domain.Privacy;
import org.pchat.server.domain.Room;
import org.pchat.server.domain.RoomRole;
import org.pchat.server.domain.RoomRoles;
import org.pchat.server.domain.RoomType;
import org.pchat.server.domain.UserUris;

/** Rooms, their role lists and their message counters. */
public final class RoomRepository {

    private final DSLContext dsl;

    public RoomRepository(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    /** This repository bound to a caller's transaction. */
    public RoomRepository in(DSLContext tx) {
        return new RoomRepository(tx);
    }

    /** Inserts a room, its roles and its message counter; the caller has checked that the name is free. */
    public void insert(Room room, RoomRoles roles, Instant now) {
        dsl.transaction(c -> {
            DSLContext tx = c.dsl();
            RoomsRecord row = tx.newRecord(ROOMS);
            row.setId(room.id());
            row.setCreatedAt(Times.toDb(now));
            write(row, room, now);
            row.insert();
            tx.insertInto(ROOM_COUNTERS).set(ROOM_COUNTERS.ROOM_ID, room.id()).set(ROOM_COUNTERS.LAST_SEQ, 0L)
                    .execute();
            insertRoles(tx, room.id(), roles);
        });
    }

    /** Replaces a room's fields (not its roles); false for an unknown id. */
    public boolean update(Room room, Instant now) {
        Optional<RoomsRecord> row = dsl.selectFrom(ROOMS).where(ROOMS.ID.eq(room.id())).fetchOptional();
        row.ifPresent(r -> {
            write(r, room, now);
            r.update();
        });
        return row.isPresent();
    }

    /** Replaces all role lists of a room. */
    public void setRoles(UUID roomId, RoomRoles roles) {
        dsl.transaction(c -> {
            c.dsl().deleteFrom(ROOM_ROLES).where(ROOM_ROLES.ROOM_ID.eq(roomId)).execute();
            insertRoles(c.dsl(), roomId, roles);
        });
    }

    /** A room by id. */
    public Optional<Room> find(UUID id) {
        return dsl.selectFrom(ROOMS).where(ROOMS.ID.eq(id)).fetchOptional(RoomRepository::toRoom);
    }

    /** A room by name, ignoring case. */
    public Optional<Room> findByName(String name) {
        return dsl.selectFrom(ROOMS).where(ROOMS.NAME_KEY.eq(CategoryRepository.nameKey(name)))
                .fetchOptional(RoomRepository::toRoom);
    }

    /** Locks a room's row until the caller's transaction ends (serialises admin edits of one room). */
    public Optional<Room> lock(UUID id) {
        return dsl.selectFrom(ROOMS).where(ROOMS.ID.eq(id)).forUpdate().fetchOptional(RoomRepository::toRoom);
    }

    /**
     * Rooms ordered by name, after {@code afterNameKey} (exclusive, for keyset paging; null from the start).
     *
     * @param categoryId      only this category, when present
     * @param nameContains    only names containing this text (case-insensitive), when present
     * @param includeDisabled also disabled rooms
     * @param afterNameKey    the name key of the last room of the previous page, or null
     * @param limit           most rooms returned
     */
    public List<Room> list(Optional<UUID> categoryId, Optional<String> nameContains, boolean includeDisabled,
            String afterNameKey, int limit) {
        Condition where = DSL.noCondition();
        if (categoryId.isPresent()) {
            where = where.and(ROOMS.CATEGORY_ID.eq(categoryId.get()));
        }
        if (nameContains.isPresent() && !nameContains.get().isBlank()) {
            where = where.and(ROOMS.NAME_KEY.contains(CategoryRepository.nameKey(nameContains.get())));
        }
        if (!includeDisabled) {
            where = where.and(ROOMS.DISABLED.isFalse());
        }
        if (afterNameKey != null) {
            where = where.and(ROOMS.NAME_KEY.gt(afterNameKey));
        }
        return dsl.selectFrom(ROOMS).where(where).orderBy(ROOMS.NAME_KEY).limit(limit)
                .fetch(RoomRepository::toRoom);
    }

    /** Which of {@code ids} name rooms that exist and are enabled. */
    public Set<UUID> enabledAmong(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return dsl.select(ROOMS.ID).from(ROOMS).where(ROOMS.ID.in(ids).and(ROOMS.DISABLED.isFalse()))
                .fetchSet(ROOMS.ID);
    }

    /** The role lists of one room. */
    public RoomRoles roles(UUID roomId) {
        return roles(List.of(roomId)).getOrDefault(roomId, RoomRoles.none());
    }

    /** The role lists of several rooms; rooms without roles map to {@link RoomRoles#none()}. */
    public Map<UUID, RoomRoles> roles(Collection<UUID> roomIds) {
        Map<UUID, Map<RoomRole, Set<String>>> found = new HashMap<>();
        if (!roomIds.isEmpty()) {
            dsl.selectFrom(ROOM_ROLES).where(ROOM_ROLES.ROOM_ID.in(roomIds)).fetch()
                    .forEach(r -> found.computeIfAbsent(r.getRoomId(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(RoomRole.parse(r.getRoomRole()), k -> new HashSet<>())
                            .add(r.getUserUri()));
        }
        Map<UUID, RoomRoles> roles = new HashMap<>();
        for (UUID id : roomIds) {
            Map<RoomRole, Set<String>> byRole = found.getOrDefault(id, Map.of());
            roles.put(id, new RoomRoles(byRole.getOrDefault(RoomRole.MEMBER, Set.of()),
                    byRole.getOrDefault(RoomRole.MANAGER, Set.of()),
                    byRole.getOrDefault(RoomRole.PRESENTER, Set.of())));
        }
        return roles;
    }

    /** The roles one user holds, per room. */
    public Map<UUID, Set<RoomRole>> rolesOfUser(String userUri) {
        Map<UUID, Set<RoomRole>> roles = new HashMap<>();
        dsl.selectFrom(ROOM_ROLES).where(ROOM_ROLES.USER_URI.eq(UserUris.normalize(userUri))).fetch()
                .forEach(r -> roles.computeIfAbsent(r.getRoomId(), k -> EnumSet.noneOf(RoomRole.class))
                        .add(RoomRole.parse(r.getRoomRole())));
        return roles;
    }

    /** Deletes a room with its messages, roles, counter, files and invitations; false for an unknown id. */
    public boolean delete(UUID id) {
        return dsl.transactionResult(c -> {
            c.dsl().deleteFrom(MESSAGES).where(MESSAGES.ROOM_ID.eq(id)).execute();
            return c.dsl().deleteFrom(ROOMS).where(ROOMS.ID.eq(id)).execute() == 1;
        });
    }

    private static void insertRoles(DSLContext tx, UUID roomId, RoomRoles roles) {
        List<RoomRolesRecord> rows = new ArrayList<>();
        for (RoomRole role : RoomRole.values()) {
            for (String uri : roles.holders(role)) {
                RoomRolesRecord row = tx.newRecord(ROOM_ROLES);
                row.setRoomId(roomId);
                row.setRoomRole(role.text());
                row.setUserUri(uri);
                rows.add(row);
            }
        }
        if (!rows.isEmpty()) {
            tx.batchInsert(rows).execute();
        }
    }

    private static void write(RoomsRecord row, Room room, Instant now) {
        row.setName(room.name());
        row.setNameKey(CategoryRepository.nameKey(room.name()));
        row.setDescription(room.description());
        row.setTopic(room.topic());
        row.setCategoryId(room.categoryId());
        row.setPrivacy(room.privacy().text());
        row.setRoomType(room.type().text());
        row.setDisabled(room.disabled());
        row.setAddinUrl(room.addinUrl());
        row.setInvitations(room.invitations().text());
        row.setUpdatedAt(Times.toDb(now));
    }

    static Room toRoom(RoomsRecord r) {
        return new Room(r.getId(), r.getName(), r.getDescription(), r.getTopic(), r.getCategoryId(),
                Privacy.parse(r.getPrivacy()), RoomType.parse(r.getRoomType()), r.getDisabled(), r.getAddinUrl(),
                Invitations.parse(r.getInvitations()));
    }
}
