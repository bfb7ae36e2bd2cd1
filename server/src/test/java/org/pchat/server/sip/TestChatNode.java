package org.pchat.server.sip;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.UnaryOperator;
import org.pchat.server.chat.ChatService;
import org.pchat.server.chat.ChatServiceConfig;
import org.pchat.server.chat.ChatStores;
import org.pchat.server.chat.ComplianceRecorder;
import org.pchat.server.chat.InMemoryFileTokenService;
import org.pchat.server.db.DatabaseConfig;
import org.pchat.server.db.Databases;
import org.pchat.server.domain.credentials.PasswordHasher;
import org.pchat.server.domain.credentials.PasswordHasherConfig;
import org.pchat.server.rooms.DirectoryConfig;
import org.pchat.server.rooms.DirectoryService;
import org.pchat.server.store.MessageStoreConfig;

/** A chat node started in-process on a free loopback port over embedded H2 files in a directory. */
final class TestChatNode implements AutoCloseable {

    static final String DOMAIN = "example.com";
    static final String CHAT_URI = "sip:ocschat@example.com";

    private final Databases databases;
    private final ChatService chat;
    private final ChatSipEndpoint endpoint;

    private TestChatNode(Databases databases, ChatService chat, ChatSipEndpoint endpoint) {
        this.databases = databases;
        this.chat = chat;
        this.endpoint = endpoint;
    }

    static TestChatNode start(Path dataDir, UnaryOperator<SipChatConfig> sipTweak) {
        Databases databases = Databases.open(DatabaseConfig.embedded(dataDir));
        databases.migrate();
        Clock clock = Clock.systemUTC();
        ChatServiceConfig chatConfig = ChatServiceConfig.defaults("it-node").withLanes(2, 1000);
        ChatService chat = new ChatService(chatConfig,
                ChatStores.of(databases.content(), DirectoryConfig.defaults(), MessageStoreConfig.defaults()),
                new InMemoryFileTokenService(clock, chatConfig.fileTokenLifetime(), 100), ComplianceRecorder.NONE,
                clock);
        SipChatConfig sip = sipTweak.apply(SipChatConfig.loopback("it-node", DOMAIN));
        ChatSipEndpoint endpoint = new ChatSipEndpoint(sip, chat, clock);
        endpoint.start();
        return new TestChatNode(databases, chat, endpoint);
    }

    int port() {
        return endpoint.port();
    }

    ChatService chat() {
        return chat;
    }

    ChatSipEndpoint endpoint() {
        return endpoint;
    }

    DirectoryService directory() {
        return new DirectoryService(databases.content(), DirectoryConfig.defaults(),
                new PasswordHasher(PasswordHasherConfig.defaults()), Clock.systemUTC());
    }

    Databases databases() {
        return databases;
    }

    @Override
    public void close() {
        endpoint.close();
        chat.close();
        databases.close();
    }
}
