package org.pchat.server.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.jgroups.protocols.DISCARD;
import org.jgroups.protocols.TCP;
import org.jgroups.stack.ProtocolStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchat.db.PostgresTestDatabase;
import org.pchat.server.chat.RoomEvent;
import org.pchat.server.config.PoolRole;
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

/**
 * Several chat nodes in one JVM, each with its own JGroups channel on a loopback port and its own connection pools
 * on one shared PostgreSQL database: cross-node delivery, gap filling, promotion, partitions, administration.
 */
class PoolIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final List<AutoCloseable> closing = new ArrayList<>();
    private PostgresTestDatabase content;
    private PostgresTestDatabase compliance;
    private DatabaseConfig database;
    private DirectoryService directory;
    private UUID room;
    private final List<String> seeds = new ArrayList<>();

    @BeforeEach
    void sharedDatabaseWithAnOpenRoom() {
        content = PostgresTestDatabase.create("pool_content");
        compliance = PostgresTestDatabase.create("pool_compliance");
        database = new DatabaseConfig(content.url(), content.user(), content.password(), compliance.url(),
                compliance.user(), compliance.password(), 4, Duration.ofSeconds(10));
        Databases admin = Databases.open(database);
        admin.migrate();
        closing.add(admin);
        directory = new DirectoryService(admin.content(), DirectoryConfig.defaults(),
                new PasswordHasher(PasswordHasherConfig.defaults()), Clock.systemUTC());
        directory.newCategory(CategorySpec.named("General").withAllowed(Set.of(Principal.everyone())));
        room = directory.newRoom(RoomSpec.of("Pool Room", "General").withPrivacy(Privacy.OPEN)).room().id();
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
        content.close();
        compliance.close();
    }

    /** Nodes a and b in one view, alice on a and bob on b, both in the room. */
    private record TwoNodes(PoolTestNode a, PoolTestNode b, RecordingParticipant alice, RecordingParticipant bob) {
    }

    private TwoNodes twoNodesWithAMemberEach(Predicate<RoomEvent> dropOnA) {
        PoolTestNode a = node("a", PoolRole.ACTIVE, dropOnA);
        PoolTestNode b = node("b", PoolRole.ACTIVE);
        awaitView(a, 2);
        RecordingParticipant alice = new RecordingParticipant("sip:alice@example.com");
        RecordingParticipant bob = new RecordingParticipant("sip:bob@example.com");
        a.join(alice, room);
        b.join(bob, room);
        return new TwoNodes(a, b, alice, bob);
    }

    @Test
    void postsFromEveryNodeReachEveryMemberOnceInSequenceOrder() {
        TwoNodes pool = twoNodesWithAMemberEach(e -> false);
        PoolTestNode a = pool.a();
        PoolTestNode b = pool.b();
        RecordingParticipant alice = pool.alice();
        RecordingParticipant bob = pool.bob();

        for (int i = 0; i < 20; i++) {
            a.post(alice, room, "from a " + i);
            b.post(bob, room, "from b " + i);
        }

        List<Long> all = LongStream.rangeClosed(1, 40).boxed().toList();
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(alice.postedSeqs()).as("alice on node a").isEqualTo(all);
            assertThat(bob.postedSeqs()).as("bob on node b").isEqualTo(all);
        });
        assertThat(alice.joinsSeen()).as("bob's join on node b reached alice on node a")
                .contains("sip:bob@example.com");
    }

    @Test
    void postsWhosePoolFramesWereLostAreDeliveredFromTheDatabase() {
        AtomicInteger posts = new AtomicInteger();
        TwoNodes pool = twoNodesWithAMemberEach(e -> e instanceof RoomEvent.Posted
                && posts.incrementAndGet() % 2 == 0);
        PoolTestNode a = pool.a();
        RecordingParticipant alice = pool.alice();
        RecordingParticipant bob = pool.bob();

        for (int i = 0; i < 10; i++) {
            a.post(alice, room, "lossy " + i);
        }

        List<Long> all = LongStream.rangeClosed(1, 10).boxed().toList();
        await().atMost(WAIT).untilAsserted(() -> assertThat(bob.postedSeqs()).isEqualTo(all));
        assertThat(posts.get()).as("half of the pool frames were dropped").isEqualTo(10);
    }

    @Test
    void aStandbyIsPromotedWhenAnActiveNodeFallsSilentAndTheProxyStopsRoutingToIt() throws Exception {
        PoolTestNode a = node("a", PoolRole.ACTIVE);
        PoolTestNode b = node("b", PoolRole.ACTIVE);
        PoolTestNode standby = node("s", PoolRole.STANDBY);
        List<List<NodeStatus>> seen = new ArrayList<>();
        PoolObserver proxy = observer(nodes -> seen.add(nodes));
        awaitView(a, 4);
        assertThat(standby.member.refusal()).as("a standby takes no sessions").isPresent();
        await().atMost(WAIT).until(() -> servingIds(proxy).equals(Set.of("a", "b")));

        cut(b);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(standby.member.refusal()).as("the standby was promoted").isEmpty();
            assertThat(servingIds(proxy)).isEqualTo(Set.of("a", "s"));
        });
        assertThat(proxy.nodes()).extracting(NodeStatus::nodeId).doesNotContain("b");
    }

    @Test
    void afterAPartitionHealsNoMemberMissesAPost() throws Exception {
        TwoNodes pool = twoNodesWithAMemberEach(e -> false);
        PoolTestNode a = pool.a();
        PoolTestNode b = pool.b();
        RecordingParticipant alice = pool.alice();
        RecordingParticipant bob = pool.bob();
        DISCARD cut = cut(b);
        await().atMost(WAIT).until(() -> a.member.channel().members().size() == 1
                && b.member.channel().members().size() == 1);

        for (int i = 0; i < 3; i++) {
            a.post(alice, room, "a during partition " + i);
        }
        for (int i = 0; i < 3; i++) {
            b.post(bob, room, "b during partition " + i);
        }
        cut.discardAll(false);
        b.member.channel().jgroups().getProtocolStack().removeProtocol(DISCARD.class);

        await().atMost(WAIT).until(() -> a.member.channel().members().size() == 2);
        List<Long> all = LongStream.rangeClosed(1, 6).boxed().toList();
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(alice.postedSeqs()).as("alice on node a").isEqualTo(all);
            assertThat(bob.postedSeqs()).as("bob on node b").isEqualTo(all);
        });
    }

    @Test
    void adminDrainStopsSessionsOnTheNodeAndStatusShowsIt() {
        PoolTestNode a = node("a", PoolRole.ACTIVE);
        PoolTestNode b = node("b", PoolRole.ACTIVE);
        b.sessions.set(7);
        PoolObserver admin = observer(nodes -> { });
        await().atMost(WAIT).until(() -> admin.nodes().size() == 2
                && admin.nodes().stream().anyMatch(n -> n.sessions() == 7));

        PoolMessage.Answer answer = admin.command("b", PoolMessage.Action.DRAIN, Duration.ofSeconds(10));

        assertThat(answer.ok()).isTrue();
        assertThat(answer.text()).contains("b is draining").contains("7 session(s)");
        assertThat(b.member.refusal()).hasValueSatisfying(r -> assertThat(r).contains("draining"));
        assertThat(b.endAllCalls.get()).isEqualTo(1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(servingIds(admin)).isEqualTo(Set.of("a")));
        assertThat(a.member.refusal()).isEmpty();
    }

    @Test
    void disablingARoomRemovesItsMembersOnEveryNode() {
        TwoNodes pool = twoNodesWithAMemberEach(e -> false);
        PoolTestNode a = pool.a();
        PoolTestNode b = pool.b();
        RecordingParticipant alice = pool.alice();
        RecordingParticipant bob = pool.bob();

        directory.setDisabled("Pool Room", true);

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            assertThat(alice.partedItself()).as("alice on node a").isTrue();
            assertThat(bob.partedItself()).as("bob on node b").isTrue();
        });
        assertThat(a.chat.occupiedRooms()).isEmpty();
        assertThat(b.chat.occupiedRooms()).isEmpty();
    }

    private PoolTestNode node(String id, PoolRole role) {
        return node(id, role, e -> false);
    }

    private PoolTestNode node(String id, PoolRole role, Predicate<RoomEvent> drop) {
        int port = freePort();
        PoolTestNode node = new PoolTestNode(id, database, role, List.copyOf(seeds), port, drop);
        seeds.add("127.0.0.1:" + port);
        closing.add(node);
        return node;
    }

    private PoolObserver observer(java.util.function.Consumer<List<NodeStatus>> onChange) {
        PoolObserver observer = new PoolObserver("observer-" + closing.size(), MemberKind.PROXY,
                new PoolObserver.Settings("pchat-pool-test", "127.0.0.1", 0,
                        seeds.stream().map(s -> new java.net.InetSocketAddress("127.0.0.1",
                                Integer.parseInt(s.substring(s.indexOf(':') + 1)))).toList(),
                        Duration.ofSeconds(2)), onChange);
        observer.start();
        closing.add(observer);
        return observer;
    }

    private static Set<String> servingIds(PoolObserver observer) {
        return observer.nodes().stream().filter(NodeStatus::serving).map(NodeStatus::nodeId)
                .collect(java.util.stream.Collectors.toSet());
    }

    private static void awaitView(PoolTestNode node, int members) {
        await().atMost(WAIT).until(() -> node.member.channel().members().size() == members);
    }

    /** Silences a node's pool traffic both ways, as a pulled cable would. */
    private static DISCARD cut(PoolTestNode node) throws Exception {
        DISCARD discard = new DISCARD().discardAll(true);
        node.member.channel().jgroups().getProtocolStack().insertProtocol(discard, ProtocolStack.Position.ABOVE,
                TCP.class);
        return discard;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
