package org.pchat.server.pool;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.pchat.server.chat.ChatResult;
import org.pchat.server.chat.ChatService;
import org.pchat.server.chat.ChatServiceConfig;
import org.pchat.server.chat.ChatStores;
import org.pchat.server.chat.ComplianceRecorder;
import org.pchat.server.chat.InMemoryFileTokenService;
import org.pchat.server.chat.JoinOutcome;
import org.pchat.server.chat.RoomEvent;
import org.pchat.server.chat.RoomStateWatcher;
import org.pchat.server.config.PoolConfig;
import org.pchat.server.config.PoolRole;
import org.pchat.server.db.DatabaseConfig;
import org.pchat.server.db.Databases;
import org.pchat.server.domain.ChatMessage;
import org.pchat.server.rooms.DirectoryConfig;
import org.pchat.server.store.MessageStoreConfig;
import org.pchat.server.store.PoolNodeRepository;

/**
 * One chat node of an in-process pool: its own connection pools on the shared database, its chat core, its pool
 * membership on a free loopback port and its disabled-room watcher. {@code drop} decides which of its outgoing
 * room events the pool never sees (a lossy network).
 */
final class PoolTestNode implements AutoCloseable {

    final String nodeId;
    final ChatService chat;
    final PoolMember member;
    final AtomicInteger sessions = new AtomicInteger();
    final AtomicInteger endAllCalls = new AtomicInteger();
    private final Databases databases;
    private final RoomStateWatcher watcher;

    PoolTestNode(String nodeId, DatabaseConfig database, PoolRole role, List<String> seeds, int port,
                 Predicate<RoomEvent> drop) {
        this.nodeId = nodeId;
        this.databases = Databases.open(database);
        Clock clock = Clock.systemUTC();
        PoolMember[] self = new PoolMember[1];
        ChatServiceConfig chatConfig = ChatServiceConfig.defaults(nodeId).withLanes(2, 1000);
        this.chat = new ChatService(chatConfig,
                ChatStores.of(databases.content(), DirectoryConfig.defaults(), MessageStoreConfig.defaults()),
                new InMemoryFileTokenService(clock, chatConfig.fileTokenLifetime(), 100), ComplianceRecorder.NONE,
                clock, event -> {
                    if (!drop.test(event)) {
                        self[0].published(event);
                    }
                });
        PoolConfig config = new PoolConfig(true, "127.0.0.1", port, role, seeds, java.util.Optional.empty(),
                Duration.ofSeconds(2), Duration.ofSeconds(1));
        this.member = new PoolMember(nodeId, "pchat-pool-test", config, "127.0.0.1", () -> 5070, 0, () -> chat,
                new NodeSessions() {
                    @Override
                    public int count() {
                        return sessions.get();
                    }

                    @Override
                    public int endAll(String reason) {
                        endAllCalls.incrementAndGet();
                        return sessions.getAndSet(0);
                    }
                }, new PoolNodeRepository(databases.content()), clock);
        self[0] = member;
        member.start();
        this.watcher = new RoomStateWatcher(nodeId, chat, ChatStores.of(databases.content(),
                DirectoryConfig.defaults(), MessageStoreConfig.defaults()).directory(), Duration.ofMillis(200));
    }

    JoinOutcome join(RecordingParticipant participant, UUID roomId) {
        return await(callback -> chat.join(participant, roomId, false, callback));
    }

    ChatMessage post(RecordingParticipant participant, UUID roomId, String text) {
        return await(callback -> chat.post(participant, roomId, text, false, Instant.now(), callback));
    }

    private static <T> T await(java.util.function.Consumer<java.util.function.Consumer<ChatResult<T>>> call) {
        CompletableFuture<ChatResult<T>> result = new CompletableFuture<>();
        call.accept(result::complete);
        try {
            ChatResult<T> done = result.get(10, TimeUnit.SECONDS);
            if (done instanceof ChatResult.Ok<T> ok) {
                return ok.value();
            }
            throw new AssertionError("Expected the chat operation to succeed (but it failed: " + done + ")");
        } catch (Exception e) {
            throw new AssertionError("chat operation did not complete: " + e, e);
        }
    }

    @Override
    public void close() {
        watcher.close();
        member.close();
        chat.close();
        databases.close();
    }
}
