package org.pchat.server.rooms;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.pchat.server.domain.Category;
import org.pchat.server.domain.DirectoryException;
import org.pchat.server.domain.RoomDetails;
import org.pchat.server.domain.User;
import org.pchat.server.domain.UserUris;
import org.pchat.server.domain.credentials.Credentials;
import org.pchat.server.domain.credentials.PasswordHasher;
import org.pchat.server.store.CategoryRepository;
import org.pchat.server.store.RoomRepository;
import org.pchat.server.store.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory's admin operations, used by the CLI and the web API. Each runs in one
 * transaction on the content database, checks the room model's rules first, and throws a
 * {@link DirectoryException} whose one-line message names the value and the rule; a failed
 * operation changes nothing. Callers check the actor's rights ({@link AccessPolicy}) first.
 */
public final class DirectoryService {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryService.class);

    private final DSLContext content;
    private final DirectoryRules rules;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final UserRepository users;
    private final CategoryRepository categories;
    private final RoomAdministration rooms;

    public DirectoryService(DSLContext content, DirectoryConfig config, PasswordHasher hasher, Clock clock) {
        this.content = Objects.requireNonNull(content, "content");
        this.rules = new DirectoryRules(Objects.requireNonNull(config, "config"));
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.users = new UserRepository(content);
        this.categories = new CategoryRepository(content);
        this.rooms = new RoomAdministration(content, rules, clock);
    }

    // ---- users ----

    /**
     * Adds a user with a password; the SIP digest HA1 values are computed for {@code realm}.
     * A blank display name becomes the URI's user part.
     */
    public User addUser(String uri, String displayName, char[] password, boolean admin, String realm) {
        String normalized = UserUris.normalize(uri);
        String name = displayName == null || displayName.isBlank()
                ? normalized.substring("sip:".length(), normalized.indexOf('@'))
                : rules.name("display name", displayName);
        Credentials credentials = hasher.derive(normalized, realm, password);
        User user = new User(normalized, name, admin);
        inTransaction("user " + normalized + " already exists", tx -> {
            if (users.in(tx).exists(normalized)) {
                throw DirectoryException.conflict("user " + normalized + " already exists");
            }
            users.in(tx).insert(user, credentials, clock.instant());
            return null;
        });
        LOG.info("user {} - added{}", normalized, admin ? " as administrator" : "");
        return user;
    }

    /** Every user, by URI. */
    public List<User> listUsers() {
        return users.list();
    }

    /** Replaces a user's password (all derived forms, HA1 for {@code realm}). */
    public void setPassword(String uri, char[] password, String realm) {
        String normalized = UserUris.normalize(uri);
        Credentials credentials = hasher.derive(normalized, realm, password);
        inTransaction("password of " + normalized, tx -> {
            if (!users.in(tx).setCredentials(normalized, credentials, clock.instant())) {
                throw DirectoryException.notFound("unknown user " + normalized);
            }
            return null;
        });
        LOG.info("user {} - password changed", normalized);
    }

    /** A user by URI. */
    public Optional<User> findUser(String uri) {
        return users.find(uri);
    }

    // ---- categories ----

    /** Creates a category. */
    public Category newCategory(CategorySpec spec) {
        String name = rules.name("category name", spec.name());
        String owner = "category '" + name + "'";
        Category category = new Category(UUID.randomUUID(), name, rules.text("description", owner, spec.description()),
                rules.principals("allowed", owner, spec.allowed()), rules.principals("denied", owner, spec.denied()),
                rules.principals("creators", owner, spec.creators()), spec.invitations(), spec.fileUpload(),
                spec.chatHistory());
        inTransaction("category name '" + name + "' already exists", tx -> {
            if (categories.in(tx).findByName(name).isPresent()) {
                throw DirectoryException.conflict("category name '" + name + "' already exists");
            }
            categories.in(tx).insert(category, clock.instant());
            return null;
        });
        LOG.info("category {} - created '{}'", category.id(), name);
        return category;
    }

    /** Changes a category; principal lists given in the change replace the stored ones. */
    public Category setCategory(String name, CategoryChange change) {
        Category updated = inTransaction("category name already exists", tx -> {
            Category current = category(tx, name);
            String owner = "category '" + current.name() + "'";
            String newName = change.name().map(n -> rules.name("category name", n)).orElse(current.name());
            if (!CategoryRepository.nameKey(newName).equals(CategoryRepository.nameKey(current.name()))
                    && categories.in(tx).findByName(newName).isPresent()) {
                throw DirectoryException.conflict("category name '" + newName + "' already exists");
            }
            Category next = new Category(current.id(), newName,
                    change.description().map(d -> rules.text("description", owner, d)).orElse(current.description()),
                    change.allowed().map(p -> rules.principals("allowed", owner, p)).orElse(current.allowed()),
                    change.denied().map(p -> rules.principals("denied", owner, p)).orElse(current.denied()),
                    change.creators().map(p -> rules.principals("creators", owner, p)).orElse(current.creators()),
                    change.invitations().orElse(current.invitations()),
                    change.fileUpload().orElse(current.fileUpload()),
                    change.chatHistory().orElse(current.chatHistory()));
            categories.in(tx).update(next);
            return next;
        });
        LOG.info("category {} - updated '{}'", updated.id(), updated.name());
        return updated;
    }

    /** Every category, by name. */
    public List<Category> listCategories() {
        return categories.list();
    }

    /** Removes a category; refused while it still holds rooms. */
    public void removeCategory(String name) {
        Category removed = inTransaction("category '" + name + "'", tx -> {
            Category category = category(tx, name);
            int count = categories.in(tx).roomCount(category.id());
            if (count > 0) {
                throw DirectoryException.conflict("category '" + category.name() + "' still holds " + count
                        + (count == 1 ? " room" : " rooms") + ": move or remove them first");
            }
            categories.in(tx).delete(category.id());
            return category;
        });
        LOG.info("category {} - removed '{}'", removed.id(), removed.name());
    }

    // ---- rooms ----

    /** Creates a room; every role holder must be in the category's scope. */
    public RoomDetails newRoom(RoomSpec spec) {
        return inTransaction("room name '" + spec.name().trim() + "' already exists",
                tx -> rooms.newRoom(tx, spec));
    }

    /** Changes a room found by name; role lists given in the change replace the stored ones. */
    public RoomDetails setRoom(String name, RoomChange change) {
        return inTransaction("room '" + name + "' changed concurrently",
                tx -> rooms.setRoom(tx, rooms.room(tx, name), change));
    }

    /** Changes a room found by id. */
    public RoomDetails setRoom(UUID id, RoomChange change) {
        return inTransaction("room " + id + " changed concurrently", tx -> rooms.setRoom(tx, rooms.room(tx, id), change));
    }

    /** Rooms matching the filter, by name. */
    public List<RoomDetails> listRooms(RoomFilter filter) {
        return content.transactionResult(c -> rooms.listRooms(c.dsl(), filter));
    }

    /** Disables (keeps content, refuses joins) or re-enables a room. */
    public RoomDetails setDisabled(String name, boolean disabled) {
        return inTransaction("room '" + name + "'", tx -> rooms.setDisabled(tx, rooms.room(tx, name), disabled));
    }

    /** Deletes a room with its messages, roles, files and invitations (XMPP room destruction). */
    public void removeRoom(UUID id) {
        if (!new RoomRepository(content).delete(id)) {
            throw DirectoryException.notFound("unknown room id " + id);
        }
        LOG.info("room {} - removed", id);
    }

    /** Deletes a room's messages received before {@code before}; returns how many. */
    public int clearHistory(String roomName, Instant before) {
        Objects.requireNonNull(before, "before");
        return inTransaction("history of room '" + roomName + "'",
                tx -> rooms.clearHistory(tx, rooms.room(tx, roomName), before));
    }

    /** Removes a message, or replaces its text when {@code replacement} is present. */
    public void removeMessage(long messageId, Optional<String> replacement) {
        Objects.requireNonNull(replacement, "replacement");
        inTransaction("message " + messageId, tx -> {
            rooms.removeMessage(tx, messageId, replacement);
            return null;
        });
    }

    private Category category(DSLContext tx, String name) {
        return categories.in(tx).findByName(rules.name("category name", name))
                .orElseThrow(() -> DirectoryException.notFound("unknown category '" + name.trim() + "'"));
    }

    /** Runs {@code work} in one transaction; a unique-key race with another writer becomes a CONFLICT. */
    private <T> T inTransaction(String conflict, Function<DSLContext, T> work) {
        try {
            return content.transactionResult(c -> work.apply(c.dsl()));
        } catch (IntegrityConstraintViolationException e) {
            LOG.debug("directory - constraint violation: {}", e.getMessage());
            throw DirectoryException.conflict(conflict);
        }
    }
}
