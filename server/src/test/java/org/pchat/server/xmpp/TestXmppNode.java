package org.pchat.server.xmpp;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.pchat.server.chat.ChatService;
import org.pchat.server.chat.ChatServiceConfig;
import org.pchat.server.chat.ChatStores;
import org.pchat.server.chat.ComplianceRecorder;
import org.pchat.server.chat.InMemoryFileTokenService;
import org.pchat.server.db.DatabaseConfig;
import org.pchat.server.db.Databases;
import org.pchat.server.domain.Principal;
import org.pchat.server.domain.Privacy;
import org.pchat.server.domain.credentials.PasswordHasher;
import org.pchat.server.domain.credentials.PasswordHasherConfig;
import org.pchat.server.rooms.CategorySpec;
import org.pchat.server.rooms.DirectoryConfig;
import org.pchat.server.rooms.DirectoryService;
import org.pchat.server.rooms.RoomSpec;
import org.pchat.server.store.MessageRepository;
import org.pchat.server.store.MessageStoreConfig;
import org.pchat.server.store.UserRepository;

/** A chat core and XMPP endpoint started in-process on a free loopback port over embedded H2 files. */
final class TestXmppNode implements AutoCloseable {

    static final String DOMAIN = "example.com";
    static final String CATEGORY = "General";
    static final String PASSWORD = "correct horse";

    private final Databases databases;
    private final ChatService chat;
    private final XmppEndpoint endpoint;
    private final DirectoryService directory;

    private TestXmppNode(Databases databases, ChatService chat, XmppEndpoint endpoint, DirectoryService directory) {
        this.databases = databases;
        this.chat = chat;
        this.endpoint = endpoint;
        this.directory = directory;
    }

    static TestXmppNode start(Path dataDir, UnaryOperator<XmppEndpointConfig> tweak) {
        return start(dataDir, tweak, Optional.empty());
    }

    static TestXmppNode start(Path dataDir, UnaryOperator<XmppEndpointConfig> tweak, Optional<XmppTls> tls) {
        Databases databases = Databases.open(DatabaseConfig.embedded(dataDir));
        databases.migrate();
        Clock clock = Clock.systemUTC();
        ChatServiceConfig chatConfig = ChatServiceConfig.defaults("xmpp-it").withLanes(2, 1000);
        ChatService chat = new ChatService(chatConfig,
                ChatStores.of(databases.content(), DirectoryConfig.defaults(), MessageStoreConfig.defaults()),
                new InMemoryFileTokenService(clock, chatConfig.fileTokenLifetime(), 100), ComplianceRecorder.NONE,
                clock);
        PasswordHasher hasher = new PasswordHasher(PasswordHasherConfig.defaults());
        DirectoryService directory = new DirectoryService(databases.content(), DirectoryConfig.defaults(), hasher,
                clock);
        directory.newCategory(CategorySpec.named(CATEGORY).withAllowed(Set.of(Principal.everyone()))
                .withCreators(Set.of(Principal.everyone())));
        XmppEndpoint endpoint = new XmppEndpoint(tweak.apply(XmppEndpointConfig.loopback("xmpp-it", DOMAIN)
                .withRoomCategory(CATEGORY)), tls, chat, directory, new UserRepository(databases.content()), hasher,
                clock);
        endpoint.start();
        return new TestXmppNode(databases, chat, endpoint, directory);
    }

    static TestXmppNode start(Path dataDir) {
        return start(dataDir, UnaryOperator.identity());
    }

    ChatService chat() {
        return chat;
    }

    int port() {
        return endpoint.port();
    }

    /** Adds {@code sip:<local>@example.com} with {@link #PASSWORD}. */
    void user(String local) {
        directory.addUser("sip:" + local + "@" + DOMAIN, local, PASSWORD.toCharArray(), false, DOMAIN);
    }

    UUID room(String name, Privacy privacy, Set<String> members) {
        return directory.newRoom(RoomSpec.of(name, CATEGORY).withPrivacy(privacy).withMembers(members)
                .withTopic("About " + name)).room().id();
    }

    /**
     * Stores {@code count} messages {@code "<prefix> <n>"} (n from 1) by {@code authorUri} in one transaction,
     * straight into the message table as the chat core would, to build a large archive quickly.
     */
    void seed(UUID roomId, String authorUri, String prefix, int count) {
        Instant at = Instant.now();
        databases.content().transaction(c -> {
            MessageRepository messages = new MessageRepository(c.dsl(), MessageStoreConfig.defaults());
            for (int i = 1; i <= count; i++) {
                messages.append(c.dsl(), roomId, authorUri, prefix + " " + i, false, null, at);
            }
        });
    }

    /** An open auditorium: only the presenters have voice. */
    UUID auditorium(String name, Set<String> presenters) {
        return directory.newRoom(RoomSpec.of(name, CATEGORY).withPrivacy(Privacy.OPEN)
                .withType(org.pchat.server.domain.RoomType.AUDITORIUM).withPresenters(presenters)
                .withMembers(presenters)).room().id();
    }

    @Override
    public void close() {
        endpoint.close();
        chat.close();
        databases.close();
    }
}
