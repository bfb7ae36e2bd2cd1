package org.pchat.server.compliance;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.pchat.server.chat.ChatResult;
import org.pchat.server.chat.ChatService;
import org.pchat.server.chat.ChatServiceConfig;
import org.pchat.server.chat.ChatStores;
import org.pchat.server.chat.HistoryPage;
import org.pchat.server.chat.HistoryQuery;
import org.pchat.server.chat.InMemoryFileTokenService;
import org.pchat.server.chat.JoinOutcome;
import org.pchat.server.chat.Participant;
import org.pchat.server.db.DatabaseConfig;
import org.pchat.server.db.Databases;
import org.pchat.server.domain.ChatMessage;
import org.pchat.server.domain.Principal;
import org.pchat.server.domain.Privacy;
import org.pchat.server.domain.StoredComplianceEvent;
import org.pchat.server.domain.credentials.PasswordHasher;
import org.pchat.server.domain.credentials.PasswordHasherConfig;
import org.pchat.server.rooms.CategorySpec;
import org.pchat.server.rooms.DirectoryConfig;
import org.pchat.server.rooms.DirectoryService;
import org.pchat.server.rooms.RoomSpec;
import org.pchat.server.store.ComplianceEventRepository;
import org.pchat.server.store.ComplianceOutboxRepository;
import org.pchat.server.store.MessageRepository;
import org.pchat.server.store.MessageStoreConfig;

/**
 * The real chat core with the compliance hooks on real databases (embedded H2 in a test directory unless given
 * others), and the relay, run by the test when it wants.
 */
final class ComplianceTestBed implements AutoCloseable {

    static final String NODE = "node-a";
    static final String DOMAIN = "example.com";

    private final Databases databases;
    private final DirectoryService directory;
    private final ComplianceHooks hooks;
    private final ChatService chat;
    private final OutboxRelay relay;

    /** The chat core recording through {@code hooks}; the test runs the relay. */
    ComplianceTestBed(Databases databases, ComplianceHooks hooks, Clock clock) {
        this.databases = databases;
        this.directory = new DirectoryService(databases.content(), DirectoryConfig.defaults(),
                new PasswordHasher(new PasswordHasherConfig(1_000, 4_096, 16, 64)), clock);
        this.hooks = hooks;
        ChatServiceConfig chatConfig = ChatServiceConfig.defaults(NODE).withLanes(2, 1_000);
        this.chat = new ChatService(chatConfig,
                ChatStores.of(databases.content(), DirectoryConfig.defaults(), MessageStoreConfig.defaults()),
                new InMemoryFileTokenService(clock, chatConfig.fileTokenLifetime(), 100), hooks.recorder(), clock);
        this.relay = new OutboxRelay(NODE, databases.content(), databases.compliance(), hooks.gate(), 100, () -> { });
    }

    /** Embedded H2 files under {@code dataDir}, compliance on. */
    static ComplianceTestBed h2(Path dataDir) {
        return h2(dataDir, ComplianceConfig.defaults(dataDir).withEnabled(true));
    }

    static ComplianceTestBed h2(Path dataDir, ComplianceConfig config) {
        Databases databases = Databases.open(DatabaseConfig.embedded(dataDir));
        databases.migrate();
        return new ComplianceTestBed(databases, new ComplianceHooks(config, NODE, DOMAIN, Clock.systemUTC()),
                Clock.systemUTC());
    }

    Databases databases() {
        return databases;
    }

    ComplianceHooks hooks() {
        return hooks;
    }

    DirectoryService directory() {
        return directory;
    }

    OutboxRelay relay() {
        return relay;
    }

    /** A category open to everyone. */
    void category(String name, boolean chatHistory) {
        directory.newCategory(CategorySpec.named(name).withAllowed(Set.of(Principal.everyone()))
                .withChatHistory(chatHistory));
    }

    /** An open room in a category; returns its id. */
    UUID room(String name, String category) {
        return directory.newRoom(RoomSpec.of(name, category).withPrivacy(Privacy.OPEN)).room().id();
    }

    ChatResult<JoinOutcome> join(Participant participant, UUID roomId) {
        ChatResults<JoinOutcome> result = new ChatResults<>();
        chat.join(participant, roomId, false, result);
        return result.result();
    }

    ChatResult<ChatMessage> post(Participant participant, UUID roomId, String text) {
        ChatResults<ChatMessage> result = new ChatResults<>();
        chat.post(participant, roomId, text, false, Instant.now(), result);
        return result.result();
    }

    ChatResult<HistoryPage> history(String userUri, UUID roomId, int count) {
        ChatResults<HistoryPage> result = new ChatResults<>();
        chat.history(userUri, roomId, new HistoryQuery.Last(count), result);
        return result.result();
    }

    ChatResult<UUID> part(Participant participant, UUID roomId) {
        ChatResults<UUID> result = new ChatResults<>();
        chat.part(participant, roomId, result);
        return result.result();
    }

    /** Relays the outbox and returns every event in the compliance database, in id order. */
    List<StoredComplianceEvent> relayedEvents() {
        RelayOutcome outcome = relay.pass();
        if (!(outcome instanceof RelayOutcome.Relayed)) {
            throw new AssertionError("relay did not run: " + outcome);
        }
        return storedEvents();
    }

    /** Every event in the compliance database, in id order. */
    List<StoredComplianceEvent> storedEvents() {
        return new ComplianceEventRepository(databases.compliance()).after(0, 100_000);
    }

    /** What waits in the outbox. */
    List<StoredComplianceEvent> outbox() {
        return new ComplianceOutboxRepository(databases.content()).pending(100_000);
    }

    /** A room's stored history, oldest first. */
    List<ChatMessage> history(UUID roomId) {
        return new MessageRepository(databases.content(), MessageStoreConfig.defaults()).last(roomId, 1_000);
    }

    /** Stops the chat core; the databases belong to the caller when it passed them in. */
    void closeChat() {
        chat.close();
    }

    @Override
    public void close() {
        chat.close();
        databases.close();
    }
}
