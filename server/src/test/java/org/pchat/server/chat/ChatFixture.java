package org.pchat.server.chat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.pchat.server.db.DatabaseConfig;
import org.pchat.server.db.Databases;
import org.pchat.server.domain.ChatMessage;
import org.pchat.server.domain.Principal;
import org.pchat.server.domain.credentials.PasswordHasher;
import org.pchat.server.domain.credentials.PasswordHasherConfig;
import org.pchat.server.rooms.CategorySpec;
import org.pchat.server.rooms.DirectoryConfig;
import org.pchat.server.rooms.DirectoryService;
import org.pchat.server.rooms.RoomSpec;
import org.pchat.server.store.MessageRepository;
import org.pchat.server.store.MessageStoreConfig;

/** A chat service over real embedded H2 files in a test directory, with helpers to set up rooms. */
final class ChatFixture implements AutoCloseable {

    static final String CATEGORY = "General";

    private final Databases databases;
    private final DirectoryService directory;
    private final ChatService chat;

    ChatFixture(Path dataDir, ChatServiceConfig config) {
        this.databases = Databases.open(DatabaseConfig.embedded(dataDir));
        databases.migrate();
        Clock clock = Clock.systemUTC();
        this.directory = new DirectoryService(databases.content(), DirectoryConfig.defaults(),
                new PasswordHasher(PasswordHasherConfig.defaults()), clock);
        this.chat = new ChatService(config,
                ChatStores.of(databases.content(), DirectoryConfig.defaults(), MessageStoreConfig.defaults()),
                new InMemoryFileTokenService(clock, config.fileTokenLifetime(), 100), ComplianceRecorder.NONE, clock);
    }

    ChatFixture(Path dataDir) {
        this(dataDir, ChatServiceConfig.defaults("test-node").withLanes(2, 1000));
    }

    ChatService chat() {
        return chat;
    }

    DirectoryService directory() {
        return directory;
    }

    /** A category open to everyone, created once. */
    void category(CategorySpec spec) {
        directory.newCategory(spec);
    }

    /** The default category (everyone allowed) with an open room of that name; returns the room id. */
    UUID openRoom(String name) {
        if (directory.listCategories().stream().noneMatch(c -> c.name().equals(CATEGORY))) {
            category(CategorySpec.named(CATEGORY).withAllowed(Set.of(Principal.everyone())));
        }
        return directory.newRoom(RoomSpec.of(name, CATEGORY).withPrivacy(org.pchat.server.domain.Privacy.OPEN))
                .room().id();
    }

    UUID room(RoomSpec spec) {
        return directory.newRoom(spec).room().id();
    }

    /** Joins and waits for the outcome. */
    JoinOutcome join(Participant participant, UUID roomId) {
        Results<JoinOutcome> result = new Results<>();
        chat.join(participant, roomId, false, result);
        return result.value();
    }

    ChatMessage post(Participant participant, UUID roomId, String text) {
        Results<ChatMessage> result = new Results<>();
        chat.post(participant, roomId, text, false, Instant.now(), result);
        return result.value();
    }

    void part(Participant participant, UUID roomId) {
        Results<UUID> result = new Results<>();
        chat.part(participant, roomId, result);
        result.value();
    }

    /** What the database holds for a room, oldest first. */
    List<ChatMessage> stored(UUID roomId) {
        return new MessageRepository(databases.content(), MessageStoreConfig.defaults()).last(roomId, 1000);
    }

    @Override
    public void close() {
        chat.close();
        databases.close();
    }
}
