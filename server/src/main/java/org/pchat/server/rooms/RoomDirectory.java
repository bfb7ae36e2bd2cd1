package org.pchat.server.rooms;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.pchat.server.domain.Category;
import org.pchat.server.domain.Room;
import org.pchat.server.domain.RoomDetails;
import org.pchat.server.domain.RoomRole;
import org.pchat.server.domain.RoomRoles;
import org.pchat.server.domain.User;
import org.pchat.server.domain.UserUris;
import org.pchat.server.store.CategoryRepository;
import org.pchat.server.store.RoomRepository;

/**
 * The read side of the directory for the chat node and the web: room lookups, role lists,
 * and room search filtered by {@link AccessPolicy#canSee}.
 */
public final class RoomDirectory {

    private static final int PAGE = 500;

    private final DirectoryConfig config;
    private final CategoryRepository categories;
    private final RoomRepository rooms;

    public RoomDirectory(DSLContext content, DirectoryConfig config) {
        Objects.requireNonNull(content, "content");
        this.config = Objects.requireNonNull(config, "config");
        this.categories = new CategoryRepository(content);
        this.rooms = new RoomRepository(content);
    }

    /** Which of {@code ids} name rooms that exist and are enabled (at most {@value #PAGE} per query). */
    public Set<UUID> enabledAmong(List<UUID> ids) {
        Set<UUID> enabled = new HashSet<>();
        for (int from = 0; from < ids.size(); from += PAGE) {
            enabled.addAll(rooms.enabledAmong(ids.subList(from, Math.min(ids.size(), from + PAGE))));
        }
        return enabled;
    }

    /**
     * Enabled rooms the user can see whose name contains {@code nameCriterion} (case-insensitive;
     * empty: all), by name, at most {@code limit} capped at {@link DirectoryConfig#maxSearchResults()}.
     */
    public List<RoomDetails> visibleRooms(String userUri, String nameCriterion, int limit) {
        String uri = UserUris.normalize(userUri);
        int cap = Math.max(0, Math.min(limit, config.maxSearchResults()));
        Map<UUID, Category> byId = categoriesById();
        Map<UUID, Set<RoomRole>> mine = rooms.rolesOfUser(uri);
        Optional<String> criterion = Optional.ofNullable(nameCriterion).filter(c -> !c.isBlank());
        List<Room> visible = new ArrayList<>();
        String after = null;
        while (visible.size() < cap) {
            List<Room> page = rooms.list(Optional.empty(), criterion, false, after, PAGE);
            for (Room room : page) {
                RoomRoles own = rolesOf(uri, mine.getOrDefault(room.id(), Set.of()));
                if (visible.size() < cap && AccessPolicy.canSee(uri, room, byId.get(room.categoryId()), own)) {
                    visible.add(room);
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            after = CategoryRepository.nameKey(page.get(page.size() - 1).name());
        }
        Map<UUID, RoomRoles> roles = rooms.roles(visible.stream().map(Room::id).toList());
        return visible.stream().map(r -> new RoomDetails(r, byId.get(r.categoryId()), roles.get(r.id()))).toList();
    }

    /** A room with its category and roles. */
    public Optional<RoomDetails> room(UUID id) {
        return rooms.find(id).map(this::details);
    }

    /** A room by name (case-insensitive). */
    public Optional<RoomDetails> roomByName(String name) {
        return rooms.findByName(name).map(this::details);
    }

    /** The role lists of a room (empty lists for an unknown room). */
    public RoomRoles roles(UUID roomId) {
        return rooms.roles(roomId);
    }

    /** Every category, by name. */
    public List<Category> categories() {
        return categories.list();
    }

    /** A category by id. */
    public Optional<Category> category(UUID id) {
        return categories.find(id);
    }

    /** Categories the user may create rooms in. */
    public List<Category> creatableCategories(User user) {
        return categories.list().stream().filter(c -> AccessPolicy.canCreateIn(user, c)).toList();
    }

    /** Whether the user may create rooms in at least one category. */
    public boolean canCreateSomewhere(User user) {
        return categories.list().stream().anyMatch(c -> AccessPolicy.canCreateIn(user, c));
    }

    /** Rooms (disabled ones too) in which the user holds the role, by name. */
    public List<RoomDetails> roomsWithRole(String userUri, RoomRole role) {
        String uri = UserUris.normalize(userUri);
        List<UUID> ids = rooms.rolesOfUser(uri).entrySet().stream()
                .filter(e -> e.getValue().contains(role)).map(Map.Entry::getKey).toList();
        Map<UUID, Category> byId = categoriesById();
        Map<UUID, RoomRoles> roles = rooms.roles(ids);
        return ids.stream().map(rooms::find).flatMap(Optional::stream)
                .map(r -> new RoomDetails(r, byId.get(r.categoryId()), roles.get(r.id())))
                .sorted((a, b) -> CategoryRepository.nameKey(a.room().name())
                        .compareTo(CategoryRepository.nameKey(b.room().name())))
                .toList();
    }

    private RoomDetails details(Room room) {
        Category category = categories.find(room.categoryId()).orElseThrow(() -> new IllegalStateException(
                "room " + room.id() + " refers to missing category " + room.categoryId()));
        return new RoomDetails(room, category, rooms.roles(room.id()));
    }

    private Map<UUID, Category> categoriesById() {
        return categories.list().stream().collect(Collectors.toMap(Category::id, Function.identity()));
    }

    private static RoomRoles rolesOf(String uri, Set<RoomRole> held) {
        Set<String> me = Set.of(uri);
        return new RoomRoles(held.contains(RoomRole.MEMBER) ? me : Set.of(),
                held.contains(RoomRole.MANAGER) ? me : Set.of(), held.contains(RoomRole.PRESENTER) ? me : Set.of());
    }
}
