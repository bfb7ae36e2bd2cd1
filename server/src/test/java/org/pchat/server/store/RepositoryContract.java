package org.pchat.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pchat.server.db.Databases;
import org.pchat.server.db.TestDatabases;
import org.pchat.server.domain.Category;
import org.pchat.server.domain.ChatMessage;
import org.pchat.server.domain.ComplianceEvent;
import org.pchat.server.domain.ComplianceEventType;
import org.pchat.server.domain.DirectoryException;
import org.pchat.server.domain.Invitation;
import org.pchat.server.domain.Invitations;
import org.pchat.server.domain.NodeRole;
import org.pchat.server.domain.PoolNode;
import org.pchat.server.domain.Preference;
import org.pchat.server.domain.Principal;
import org.pchat.server.domain.Privacy;
import org.pchat.server.domain.Room;
import org.pchat.server.domain.RoomRole;
import org.pchat.server.domain.RoomRoles;
import org.pchat.server.domain.RoomType;
import org.pchat.server.domain.StoredComplianceEvent;
import org.pchat.server.domain.StoredFile;
import org.pchat.server.domain.User;
import org.pchat.server.domain.credentials.Credentials;
import org.pchat.server.domain.credentials.PasswordHasher;
import org.pchat.server.domain.credentials.PasswordHasherConfig;

/**
 * The repositories' behaviour, run unchanged against embedded H2 and PostgreSQL by the
 * subclasses. One database pair per class; every test works in rooms of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RepositoryContract {

    private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");
    private static final String ALICE = "sip:alice@example.com";
    private static final String BOB = "sip:bob@example.com";
    private static final int ARCHIVE = 10_000;

    private TestDatabases testDatabases;
    private DSLContext content;
    private CategoryRepository categories;
    private RoomRepository rooms;
    private MessageRepository messages;
    private UUID archiveRoom;

    /** Opens fresh, migrated databases for this class. */
    protected abstract TestDatabases openDatabases();

    /**
     * Asserts that the plan of a 30-row keyset read of the 10,000-message room is a range scan of
     * the (room_id, seq) index that stops after the page, without a sort.
     */
    protected abstract void assertSeqIndexRangeScan(String plan);

    /** Brings the planner's statistics up to date after the bulk load, as a running database would have them. */
    protected void refreshStatistics(DSLContext dsl) {
    }

    @BeforeAll
    void openAndLoadArchive() {
        testDatabases = openDatabases();
        content = testDatabases.databases().content();
        categories = new CategoryRepository(content);
        rooms = new RoomRepository(content);
        messages = new MessageRepository(content, MessageStoreConfig.defaults());
        archiveRoom = newRoom();
        MessageFixtures.bulkAppend(content, archiveRoom, ALICE, ARCHIVE, T0);
        refreshStatistics(content);
    }

    @AfterAll
    void close() throws Exception {
        testDatabases.close();
    }

    private Databases databases() {
        return testDatabases.databases();
    }

    private Category newCategory() {
        Category category = new Category(UUID.randomUUID(), "Cat " + UUID.randomUUID(), "a category",
                Set.of(Principal.parse("domain:example.com")), Set.of(Principal.parse("sip:eve@example.com")),
                Set.of(Principal.parse(ALICE)), true, false, true);
        categories.insert(category, T0);
        return category;
    }

    private UUID newRoom() {
        Room room = room(newCategory().id(), "Room " + UUID.randomUUID());
        rooms.insert(room, RoomRoles.none(), T0);
        return room.id();
    }

    private static Room room(UUID categoryId, String name) {
        return new Room(UUID.randomUUID(), name, "about it", "today", categoryId, Privacy.SECRET, RoomType.AUDITORIUM,
                false, "https://addin.example.com/x", Invitations.ENABLED);
    }

    private static List<Long> seqs(List<ChatMessage> list) {
        return list.stream().map(ChatMessage::seq).toList();
    }

    private static List<Long> range(long fromInclusive, long toInclusive) {
        return LongStream.rangeClosed(fromInclusive, toInclusive).boxed().toList();
    }

    // ---- directory ----

    @Test
    void categoryWithPrincipalsRoundTrips() {
        Category category = newCategory();

        assertThat(categories.find(category.id())).contains(category);
        assertThat(categories.findByName(category.name().toUpperCase())).contains(category);
    }

    @Test
    void roomWithRolesRoundTrips() {
        Category category = newCategory();
        Room room = room(category.id(), "Roles " + UUID.randomUUID());
        RoomRoles roles = new RoomRoles(Set.of(ALICE, BOB), Set.of(ALICE), Set.of(BOB));

        rooms.insert(room, roles, T0);

        assertThat(rooms.find(room.id())).contains(room);
        assertThat(rooms.roles(room.id())).isEqualTo(roles);
        assertThat(rooms.rolesOfUser(BOB).get(room.id())).containsExactlyInAnyOrder(RoomRole.MEMBER,
                RoomRole.PRESENTER);
        assertThat(categories.roomCount(category.id())).isEqualTo(1);
    }

    @Test
    void roomNamesAreUniqueIgnoringCase() {
        Category category = newCategory();
        String name = "Unique " + UUID.randomUUID();
        rooms.insert(room(category.id(), name), RoomRoles.none(), T0);

        assertThatThrownBy(() -> rooms.insert(room(category.id(), name.toUpperCase()), RoomRoles.none(), T0))
                .isInstanceOf(IntegrityConstraintViolationException.class);
        assertThat(rooms.findByName(name.toLowerCase())).map(Room::name).contains(name);
    }

    @Test
    void userWithCredentialsRoundTrips() {
        UserRepository users = new UserRepository(content);
        String uri = "sip:user-" + UUID.randomUUID() + "@example.com";
        PasswordHasher hasher = new PasswordHasher(new PasswordHasherConfig(1_000, 4_096, 16, 64));
        Credentials credentials = hasher.derive(uri, "example.com", "pw".toCharArray());

        users.insert(new User(uri, "User", true), credentials, T0);

        assertThat(users.find(uri.toUpperCase())).contains(new User(uri, "User", true));
        assertThat(users.credentials(uri)).contains(credentials);
        assertThat(hasher.verifyPassword(users.credentials(uri).orElseThrow(), "pw".toCharArray())).isTrue();
    }

    // ---- messages: posting ----

    @Test
    void appendNumbersARoomsMessagesFromOne() {
        UUID room = newRoom();

        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            seqs.add(messages.append(room, ALICE, "m" + i, false, null, T0).seq());
        }

        assertThat(seqs).containsExactly(1L, 2L, 3L);
        assertThat(messages.lastSeq(room)).hasValue(3);
    }

    @Test
    void appendedMessageReadsBackWithEveryField() {
        UUID room = newRoom();
        Instant at = Instant.parse("2024-03-01T10:00:00.123456789Z");

        ChatMessage stored = messages.append(room, "sip:Alice@Example.com", "hello", true, "{\\rtf1 hello}", at);

        assertThat(stored.authorUri()).isEqualTo(ALICE);
        assertThat(stored.receivedAt()).isEqualTo(Instant.parse("2024-03-01T10:00:00.123456Z"));
        assertThat(messages.byId(stored.id())).contains(stored);
        assertThat(messages.last(room, 1)).containsExactly(stored);
    }

    @Test
    void eachRoomHasItsOwnSequence() {
        UUID first = newRoom();
        UUID second = newRoom();

        messages.append(first, ALICE, "a", false, null, T0);
        messages.append(first, ALICE, "b", false, null, T0);
        ChatMessage other = messages.append(second, ALICE, "c", false, null, T0);

        assertThat(other.seq()).isEqualTo(1);
    }

    @Test
    void appendToAnUnknownRoomIsNotFound() {
        UUID unknown = UUID.randomUUID();

        assertThatThrownBy(() -> messages.append(unknown, ALICE, "x", false, null, T0))
                .isInstanceOf(DirectoryException.class)
                .hasMessage("unknown room id " + unknown);
    }

    @Test
    void appendInTheCallersTransactionRollsBackWithItAndLeavesNoGap() {
        UUID room = newRoom();

        assertThatThrownBy(() -> content.transaction(c -> {
            messages.append(c.dsl(), room, ALICE, "never", false, null, T0);
            throw new IllegalStateException("compliance write failed");
        })).hasMessageContaining("compliance write failed");

        assertThat(messages.count(room)).isZero();
        assertThat(messages.append(room, ALICE, "first", false, null, T0).seq()).isEqualTo(1);
    }

    @Test
    void appendAndOutboxEventCommitTogetherThroughBoundRepositories() {
        UUID room = newRoom();
        ComplianceOutboxRepository outbox = new ComplianceOutboxRepository(content);
        String key = "chat-" + UUID.randomUUID();

        content.transaction(c -> {
            ChatMessage posted = messages.in(c.dsl()).append(room, ALICE, "hi", false, null, T0);
            outbox.in(c.dsl()).enqueue(new ComplianceEvent(ComplianceEventType.CHAT, ALICE, room,
                    "ma-chan://example.com/" + room, T0, "hi", posted.id(), "node-1", key));
        });

        assertThat(messages.count(room)).isEqualTo(1);
        assertThat(outbox.pending(1_000)).extracting(e -> e.event().idempotencyKey()).contains(key);
    }

    @Test
    void concurrentWritersOnOneRoomGetUniqueGapFreeSequenceNumbers() throws Exception {
        UUID room = newRoom();
        int writers = 8;
        int perWriter = 40;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String author = "sip:writer" + w + "@example.com";
                results.add(pool.submit(() -> {
                    start.await();
                    List<Long> mine = new ArrayList<>();
                    for (int i = 0; i < perWriter; i++) {
                        mine.add(messages.append(room, author, "m" + i, false, null, T0).seq());
                    }
                    return mine;
                }));
            }
            start.countDown();
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> result : results) {
                List<Long> mine = result.get(2, TimeUnit.MINUTES);
                assertThat(mine).as("one writer's own posts are numbered in order").isSorted();
                all.addAll(mine);
            }
            Collections.sort(all);

            assertThat(all).isEqualTo(range(1, (long) writers * perWriter));
            assertThat(seqs(messages.after(room, 0, 1_000))).isEqualTo(range(1, (long) writers * perWriter));
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- messages: reading a 10,000-message archive ----

    @Test
    void lastReturnsTheNewestMessagesOldestFirst() {
        List<ChatMessage> last = messages.last(archiveRoom, 30);

        assertThat(seqs(last)).isEqualTo(range(ARCHIVE - 29, ARCHIVE));
        assertThat(last.get(29).text()).isEqualTo("message " + ARCHIVE);
    }

    @Test
    void beforeReturnsThePageJustBeforeASequenceNumber() {
        assertThat(seqs(messages.before(archiveRoom, 5_000, 30))).isEqualTo(range(4_970, 4_999));
    }

    @Test
    void afterReturnsThePageJustAfterASequenceNumber() {
        assertThat(seqs(messages.after(archiveRoom, 5_000, 30))).isEqualTo(range(5_001, 5_030));
    }

    @Test
    void pagesAtTheEdgesOfTheArchiveAreShort() {
        assertThat(seqs(messages.after(archiveRoom, ARCHIVE - 10, 30))).isEqualTo(range(ARCHIVE - 9, ARCHIVE));
        assertThat(seqs(messages.before(archiveRoom, 11, 30))).isEqualTo(range(1, 10));
    }

    @Test
    void betweenReturnsMessagesReceivedInTheTimeRange() {
        List<ChatMessage> found = messages.between(archiveRoom, T0.plusSeconds(100), T0.plusSeconds(105), 30);

        assertThat(seqs(found)).isEqualTo(range(101, 105));
    }

    @Test
    void lastNIsAnIndexRangeScanWithoutSort() {
        assertSeqIndexRangeScan(content.explain(messages.lastQuery(archiveRoom, 30)).plan());
    }

    @Test
    void beforeSeqIsAnIndexRangeScanWithoutSort() {
        assertSeqIndexRangeScan(content.explain(messages.beforeQuery(archiveRoom, 5_000, 30)).plan());
    }

    @Test
    void afterSeqIsAnIndexRangeScanWithoutSort() {
        assertSeqIndexRangeScan(content.explain(messages.afterQuery(archiveRoom, 5_000, 30)).plan());
    }

    @Test
    void pageSizeAboveTheLimitIsRefused() {
        assertThatThrownBy(() -> messages.last(archiveRoom, 1_001))
                .isInstanceOf(DirectoryException.class)
                .hasMessage("history page of 1001 for room " + archiveRoom + " is outside 1..1000");
    }

    // ---- messages: search and admin ----

    @Test
    void searchFindsTextIgnoringCaseAcrossTheGivenRoomsOnly() {
        UUID first = newRoom();
        UUID second = newRoom();
        UUID excluded = newRoom();
        ChatMessage a = messages.append(first, ALICE, "Release PLAN for May", false, null, T0);
        messages.append(first, ALICE, "lunch?", false, null, T0);
        ChatMessage b = messages.append(second, BOB, "the plan_b is 100% ready", false, null, T0);
        messages.append(excluded, BOB, "plan elsewhere", false, null, T0);

        MessagePage page = messages.search(MessageQuery.in(Set.of(first, second), 10).withText("plan"));

        assertThat(page.messages()).containsExactly(a, b);
        assertThat(page.complete()).isTrue();
        assertThat(messages.search(MessageQuery.in(Set.of(second), 10).withText("100%")).messages())
                .containsExactly(b);
        assertThat(messages.search(MessageQuery.in(Set.of(first), 10).withText("n_b")).messages()).isEmpty();
    }

    @Test
    void searchPagesBackwardsAndForwardsById() {
        UUID room = newRoom();
        List<ChatMessage> posted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            posted.add(messages.append(room, i % 2 == 0 ? ALICE : BOB, "m" + i, false, null, T0.plusSeconds(i)));
        }

        MessagePage newest = messages.search(MessageQuery.in(Set.of(room), 2));
        MessagePage older = messages.search(MessageQuery.in(Set.of(room), 2)
                .withBeforeId(newest.messages().get(0).id()));
        MessagePage forward = messages.search(MessageQuery.in(Set.of(room), 10).withAfterId(posted.get(1).id()));

        assertThat(newest.messages()).containsExactlyElementsOf(posted.subList(3, 5));
        assertThat(newest.complete()).isFalse();
        assertThat(older.messages()).containsExactlyElementsOf(posted.subList(1, 3));
        assertThat(forward.messages()).containsExactlyElementsOf(posted.subList(2, 5));
        assertThat(forward.complete()).isTrue();
    }

    @Test
    void searchFiltersByAuthorAndTime() {
        UUID room = newRoom();
        for (int i = 0; i < 6; i++) {
            messages.append(room, i % 2 == 0 ? ALICE : BOB, "m" + i, false, null, T0.plusSeconds(i));
        }

        MessagePage page = messages.search(MessageQuery.in(Set.of(room), 10).withAuthor("sip:BOB@example.com")
                .withFrom(T0.plusSeconds(2)).withTo(T0.plusSeconds(5)));

        assertThat(page.messages()).extracting(ChatMessage::text).containsExactly("m3");
    }

    @Test
    void clearBeforeDeletesOnlyOlderMessages() {
        UUID room = newRoom();
        for (int i = 0; i < 4; i++) {
            messages.append(room, ALICE, "m" + i, false, null, T0.plusSeconds(i));
        }

        int cleared = messages.clearBefore(room, T0.plusSeconds(2));

        assertThat(cleared).isEqualTo(2);
        assertThat(seqs(messages.last(room, 10))).containsExactly(3L, 4L);
        assertThat(messages.append(room, ALICE, "next", false, null, T0).seq()).isEqualTo(5);
    }

    @Test
    void replaceChangesTheTextAndDropsTheRichText() {
        UUID room = newRoom();
        ChatMessage posted = messages.append(room, ALICE, "oops", false, "{\\rtf1 oops}", T0);

        assertThat(messages.replace(posted.id(), "[removed]")).isTrue();

        ChatMessage now = messages.byId(posted.id()).orElseThrow();
        assertThat(now.text()).isEqualTo("[removed]");
        assertThat(now.richText()).isNull();
        assertThat(now.seq()).isEqualTo(posted.seq());
    }

    @Test
    void removeDeletesOneMessage() {
        UUID room = newRoom();
        ChatMessage posted = messages.append(room, ALICE, "bye", false, null, T0);

        assertThat(messages.remove(posted.id())).isTrue();
        assertThat(messages.remove(posted.id())).isFalse();
        assertThat(messages.byId(posted.id())).isEmpty();
    }

    @Test
    void deletingARoomDeletesItsMessages() {
        UUID room = newRoom();
        messages.append(room, ALICE, "gone soon", false, null, T0);

        assertThat(rooms.delete(room)).isTrue();

        assertThat(messages.count(room)).isZero();
        assertThat(messages.lastSeq(room)).isEmpty();
    }

    // ---- preferences, invitations, pool nodes, files ----

    @Test
    void preferenceWritesAreVersioned() {
        PreferenceRepository prefs = new PreferenceRepository(content);
        String user = "sip:pref-" + UUID.randomUUID() + "@example.com";

        Optional<Preference> created = prefs.put(user, "kedzie.GroupChannels", 0, "djE=", T0);
        Optional<Preference> stale = prefs.put(user, "kedzie.GroupChannels", 0, "c3RhbGU=", T0);
        Optional<Preference> updated = prefs.put(user, "kedzie.GroupChannels", 1, "djI=", T0);
        Preference forced = prefs.put(user, "kedzie.GroupChannels", "djM=", T0);

        assertThat(created).map(Preference::version).contains(1L);
        assertThat(stale).isEmpty();
        assertThat(updated).map(Preference::version).contains(2L);
        assertThat(forced.version()).isEqualTo(3);
        assertThat(prefs.get(user, "kedzie.GroupChannels")).contains(forced);
    }

    @Test
    void anInvitationIsIssuedOncePerUserAndRoom() {
        InvitationRepository invitations = new InvitationRepository(content);
        UUID room = newRoom();
        String user = "sip:inv-" + UUID.randomUUID() + "@example.com";

        Invitation first = invitations.issue(user, room, T0);
        Invitation again = invitations.issue(user, room, T0.plusSeconds(60));

        assertThat(again).isEqualTo(first);
        assertThat(invitations.pending(user, 0, 10)).containsExactly(first);
        assertThat(invitations.remove(user, room)).isTrue();
        assertThat(invitations.pending(user, 0, 10)).isEmpty();
    }

    @Test
    void poolNodeRegistrationHeartbeatAndRole() {
        PoolNodeRepository nodes = new PoolNodeRepository(content);
        String id = "node-" + UUID.randomUUID();
        nodes.save(new PoolNode(id, "10.0.0.5", 5070, 8011, 8080, NodeRole.STANDBY, T0, T0));

        assertThat(nodes.heartbeat(id, T0.plusSeconds(5))).isTrue();
        assertThat(nodes.setRole(id, NodeRole.ACTIVE)).isTrue();

        assertThat(nodes.find(id)).contains(
                new PoolNode(id, "10.0.0.5", 5070, 8011, 8080, NodeRole.ACTIVE, T0, T0.plusSeconds(5)));
        assertThat(nodes.seenSince(T0.plusSeconds(5))).extracting(PoolNode::nodeId).contains(id);
        assertThat(nodes.heartbeat("node-unknown", T0)).isFalse();
    }

    @Test
    void fileMetadataRoundTrips() {
        FileRepository files = new FileRepository(content);
        UUID room = newRoom();
        StoredFile file = new StoredFile(UUID.randomUUID(), room, UUID.randomUUID() + ".txt", "notes.txt", ALICE, 43,
                "text/plain", "ab".repeat(32), T0);

        files.insert(file);

        assertThat(files.find(file.id())).contains(file);
        assertThat(files.findByStoredName(file.storedName())).contains(file);
        assertThat(files.forRoom(room, 10)).containsExactly(file);
    }

    // ---- compliance ----

    @Test
    void complianceEventsAreRecordedOncePerIdempotencyKey() {
        ComplianceEventRepository compliance = new ComplianceEventRepository(databases().compliance());
        UUID room = UUID.randomUUID();
        ComplianceEvent join = new ComplianceEvent(ComplianceEventType.JOIN, ALICE, room,
                "ma-chan://example.com/" + room, T0, null, null, "node-1", "join-" + UUID.randomUUID());

        assertThat(compliance.record(join)).isTrue();
        assertThat(compliance.record(join)).isFalse();

        List<StoredComplianceEvent> stored = compliance.after(0, 100_000);
        assertThat(stored).extracting(StoredComplianceEvent::event).containsOnlyOnce(join);
    }

    @Test
    void exportCheckpointIsCreatedThenMoved() {
        ComplianceEventRepository compliance = new ComplianceEventRepository(databases().compliance());
        String adapter = "xml-" + UUID.randomUUID().toString().substring(0, 8);

        assertThat(compliance.checkpoint(adapter)).isEmpty();
        compliance.saveCheckpoint(adapter, 10, T0);
        compliance.saveCheckpoint(adapter, 25, T0.plusSeconds(1));

        assertThat(compliance.checkpoint(adapter)).hasValue(25);
    }

    @Test
    void outboxEventsAreDeletedOnceRelayed() {
        ComplianceOutboxRepository outbox = new ComplianceOutboxRepository(content);
        UUID room = UUID.randomUUID();
        String key = "part-" + UUID.randomUUID();
        outbox.enqueue(new ComplianceEvent(ComplianceEventType.PART, BOB, room, "ma-chan://example.com/" + room, T0,
                null, null, "node-2", key));
        List<Long> ids = outbox.pending(100_000).stream()
                .filter(e -> e.event().idempotencyKey().equals(key)).map(StoredComplianceEvent::id).toList();

        assertThat(outbox.delete(ids)).isEqualTo(1);
        assertThat(outbox.pending(100_000)).noneMatch(e -> e.event().idempotencyKey().equals(key));
    }
}
