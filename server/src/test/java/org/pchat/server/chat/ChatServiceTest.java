package org.pchat.server.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pchat.server.domain.ChatMessage;
import org.pchat.server.domain.Principal;
import org.pchat.server.domain.Privacy;
import org.pchat.server.rooms.CategorySpec;
import org.pchat.server.rooms.RoomSpec;

/** The chat core on real H2 with fake participants: joins, parts, posts, history (xccos.md §4, §5, §7.6). */
class ChatServiceTest {

    static final String ALICE = "sip:alice@example.com";
    static final String BOB = "sip:bob@example.com";
    static final String CAROL = "sip:carol@example.com";

    @TempDir
    Path dataDir;

    private ChatFixture fixture;
    private UUID lobby;

    @BeforeEach
    void setUp() {
        fixture = new ChatFixture(dataDir, ChatServiceConfig.defaults("test-node").withLanes(2, 1000)
                .withParticipantUpdateLimit(5));
        lobby = fixture.openRoom("Lobby");
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void joinNotifiesTheOthersButNotTheJoiner() {
        FakeParticipant alice = new FakeParticipant(ALICE);
        FakeParticipant bob = new FakeParticipant(BOB);
        fixture.join(alice, lobby);
        fixture.join(bob, lobby);

        await().untilAsserted(() -> assertThat(alice.events(RoomEvent.Joined.class))
                .extracting(RoomEvent.Joined::userUri).containsExactly(BOB));
        assertThat(bob.events(RoomEvent.Joined.class)).isEmpty();
    }

    @Test
    void joinReplyListsTheCurrentParticipantsInJoinOrder() {
        fixture.join(new FakeParticipant(ALICE), lobby);
        JoinOutcome outcome = fixture.join(new FakeParticipant(BOB), lobby);

        assertThat(outcome.listed()).isTrue();
        assertThat(outcome.participants()).extracting(JoinOutcome.ParticipantInfo::userUri)
                .containsExactly(ALICE, BOB);
    }

    /** xccos.md §9: a join to a room already joined is a success that re-sends the state. */
    @Test
    void joiningAgainSucceedsWithoutANewNotice() {
        FakeParticipant alice = new FakeParticipant(ALICE);
        FakeParticipant bob = new FakeParticipant(BOB);
        fixture.join(alice, lobby);
        fixture.join(bob, lobby);
        JoinOutcome again = fixture.join(bob, lobby);
        fixture.post(bob, lobby, "after rejoin");

        assertThat(again.alreadyJoined()).isTrue();
        assertThat(again.participants()).hasSize(2);
        await().untilAsserted(() -> assertThat(alice.events(RoomEvent.Posted.class)).hasSize(1));
        assertThat(alice.events(RoomEvent.Joined.class)).hasSize(1);
    }

    @Test
    void partNotifiesTheOthers() {
        FakeParticipant alice = new FakeParticipant(ALICE);
        FakeParticipant bob = new FakeParticipant(BOB);
        fixture.join(alice, lobby);
        fixture.join(bob, lobby);
        fixture.part(bob, lobby);

        await().untilAsserted(() -> assertThat(alice.events(RoomEvent.Parted.class))
                .extracting(RoomEvent.Parted::userUri).containsExactly(BOB));
        assertThat(fixture.chat().registry().occupants(lobby)).extracting(Occupant::userUri).containsExactly(ALICE);
    }

    @Test
    void leaveAllRemovesASessionFromEveryRoomAndNotifiesTheOthers() {
        UUID second = fixture.openRoom("Second");
        FakeParticipant alice = new FakeParticipant(ALICE);
        FakeParticipant bob = new FakeParticipant(BOB);
        for (UUID room : List.of(lobby, second)) {
            fixture.join(alice, room);
            fixture.join(bob, room);
        }
        fixture.chat().leaveAll(bob, "dialog ended");

        await().untilAsserted(() -> assertThat(alice.events(RoomEvent.Parted.class))
                .extracting(e -> e.room().id()).containsExactlyInAnyOrder(lobby, second));
        assertThat(fixture.chat().registry().roomsOf(bob)).isEmpty();
    }

    /** xccos.md §7.6: above the participant update limit (5 here) no join/part notices, no participant list. */
    @Test
    void noticesStopAboveTheParticipantUpdateLimit() {
        FakeParticipant first = new FakeParticipant("sip:u0@example.com");
        fixture.join(first, lobby);
        for (int i = 1; i < 5; i++) {
            fixture.join(new FakeParticipant("sip:u" + i + "@example.com"), lobby);
        }
        JoinOutcome sixth = fixture.join(new FakeParticipant("sip:u5@example.com"), lobby);
        fixture.post(first, lobby, "marker");

        await().untilAsserted(() -> assertThat(first.events(RoomEvent.Posted.class)).hasSize(1));
        assertThat(first.events(RoomEvent.Joined.class)).extracting(RoomEvent.Joined::userUri)
                .containsExactly("sip:u1@example.com", "sip:u2@example.com", "sip:u3@example.com",
                        "sip:u4@example.com");
        assertThat(sixth.listed()).isFalse();
        assertThat(sixth.participants()).extracting(JoinOutcome.ParticipantInfo::userUri)
                .containsExactly("sip:u5@example.com");
    }

    /** xccos.md §7.6: notices resume once the room drops below 80 % of the limit (below 4 of 5). */
    @Test
    void noticesResumeBelowEightyPercentOfTheLimit() {
        FakeParticipant first = new FakeParticipant("sip:u0@example.com");
        fixture.join(first, lobby);
        List<FakeParticipant> others = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            FakeParticipant p = new FakeParticipant("sip:u" + i + "@example.com");
            others.add(p);
            fixture.join(p, lobby);
        }
        fixture.part(others.get(4), lobby); // 5 left: still suppressed
        fixture.part(others.get(3), lobby); // 4 left: 80 %, still suppressed
        fixture.part(others.get(2), lobby); // 3 left: below 80 %, resumed: this part is the first notice
        fixture.join(new FakeParticipant("sip:late@example.com"), lobby);

        await().untilAsserted(() -> assertThat(first.events(RoomEvent.Joined.class))
                .extracting(RoomEvent.Joined::userUri).contains("sip:late@example.com"));
        assertThat(first.events(RoomEvent.Parted.class)).extracting(RoomEvent.Parted::userUri)
                .containsExactly("sip:u3@example.com");
    }

    /** ARCHITECTURE.md §6: never acknowledge what is not committed. */
    @Test
    void postIsAcknowledgedOnlyAfterItsCommitAndBeforeItsFanOut() {
        List<String> log = new CopyOnWriteArrayList<>();
        FakeParticipant alice = new FakeParticipant(ALICE, Integer.MAX_VALUE, log);
        fixture.join(alice, lobby);
        List<ChatMessage> storedAtAck = new CopyOnWriteArrayList<>();
        Results<ChatMessage> ack = new Results<>(() -> {
            storedAtAck.addAll(fixture.stored(lobby));
            log.add("ack");
        });
        fixture.chat().post(alice, lobby, "durable", false, Instant.now(), ack);

        ChatMessage message = ack.value();
        assertThat(storedAtAck).extracting(ChatMessage::id).containsExactly(message.id());
        await().untilAsserted(() -> assertThat(log).containsExactly("ack", ALICE + " got Posted"));
    }

    @Test
    void postsReachEveryParticipantIncludingTheAuthorInSequenceOrder() throws Exception {
        FakeParticipant alice = new FakeParticipant(ALICE);
        FakeParticipant bob = new FakeParticipant(BOB);
        fixture.join(alice, lobby);
        fixture.join(bob, lobby);
        int perThread = 20;
        ExecutorService posters = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        for (FakeParticipant author : List.of(alice, bob)) {
            posters.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    fixture.chat().post(author, lobby, author.userUri() + " " + i, false, Instant.now(),
                            new Results<>());
                }
                return null;
            });
        }
        start.countDown();
        posters.shutdown();
        assertThat(posters.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        for (FakeParticipant p : List.of(alice, bob)) {
            await().untilAsserted(() -> assertThat(p.events(RoomEvent.Posted.class)).hasSize(2 * perThread));
            assertThat(p.events(RoomEvent.Posted.class)).extracting(e -> e.message().seq())
                    .isSorted().doesNotHaveDuplicates();
        }
        assertThat(fixture.stored(lobby)).extracting(ChatMessage::seq)
                .containsExactlyElementsOf(alice.events(RoomEvent.Posted.class).stream()
                        .map(e -> e.message().seq()).toList());
    }

    @Test
    void aParticipantThatCannotKeepUpIsDroppedWhileTheOthersGetEverything() {
        FakeParticipant alice = new FakeParticipant(ALICE);
        FakeParticipant slow = new FakeParticipant(BOB, 2, new CopyOnWriteArrayList<>());
        fixture.join(alice, lobby);
        fixture.join(slow, lobby);
        for (int i = 0; i < 10; i++) {
            fixture.post(alice, lobby, "m" + i);
        }

        await().untilAsserted(() -> assertThat(alice.events(RoomEvent.Posted.class)).hasSize(10));
        assertThat(alice.events(RoomEvent.Parted.class)).extracting(RoomEvent.Parted::userUri).containsExactly(BOB);
        assertThat(slow.disconnects()).singleElement().asString().contains("outbound queue full");
        assertThat(fixture.chat().registry().isJoined(lobby, slow)).isFalse();
    }

    @Test
    void aParticipantRefusingEventsInEachOfItsRoomsIsDisconnectedOnceAndLeavesEachRoomOnce() {
        UUID second = fixture.openRoom("Second");
        UUID third = fixture.openRoom("Third");
        FakeParticipant alice = new FakeParticipant(ALICE);
        FakeParticipant gone = new FakeParticipant(BOB, 0, new CopyOnWriteArrayList<>());
        for (UUID room : List.of(lobby, second, third)) {
            fixture.join(alice, room);
            fixture.join(gone, room);
        }
        List<Results<ChatMessage>> posts = new ArrayList<>();
        for (UUID room : List.of(lobby, second, third)) {
            Results<ChatMessage> result = new Results<>();
            fixture.chat().post(alice, room, "to everyone in " + room, false, Instant.now(), result);
            posts.add(result);
        }

        await().untilAsserted(() -> assertThat(alice.events(RoomEvent.Parted.class)).hasSize(3));
        assertThat(alice.events(RoomEvent.Parted.class)).extracting(e -> e.room().id())
                .containsExactlyInAnyOrder(lobby, second, third);
        assertThat(gone.disconnects()).hasSize(1);
        assertThat(posts).allSatisfy(p -> assertThat(p.value()).isNotNull());
        await().untilAsserted(() -> assertThat(fixture.chat().registry().roomsOf(gone)).isEmpty());
    }

    /**
     * The same with posts in eight rooms at once on two lanes, 40 times: a lane that removes the refusing
     * participant from its room and a lane that finishes removing it from the others must not both disconnect it.
     */
    @Test
    void concurrentRefusalsInEightRoomsDisconnectTheParticipantExactlyOnce() {
        List<UUID> rooms = new ArrayList<>(List.of(lobby));
        for (int r = 1; r < 8; r++) {
            rooms.add(fixture.openRoom("Room " + r));
        }
        FakeParticipant alice = new FakeParticipant(ALICE);
        FakeParticipant carol = new FakeParticipant(CAROL);
        rooms.forEach(room -> fixture.join(alice, room));
        rooms.forEach(room -> fixture.join(carol, room));
        for (int round = 1; round <= 40; round++) {
            FakeParticipant gone = new FakeParticipant(BOB, 0, new CopyOnWriteArrayList<>());
            rooms.forEach(room -> fixture.join(gone, room));

            rooms.forEach(room -> fixture.chat().post(alice, room, "round", false, Instant.now(), new Results<>()));
            await().untilAsserted(() -> assertThat(fixture.chat().registry().roomsOf(gone)).isEmpty());
            // a second post in each room runs after everything its lane had queued for the first
            rooms.forEach(room -> fixture.chat().post(alice, room, "fence", false, Instant.now(), new Results<>()));
            int posts = 2 * round * rooms.size();
            await().untilAsserted(() -> assertThat(carol.events(RoomEvent.Posted.class)).hasSize(posts));

            assertThat(gone.disconnects()).as("disconnects in round %d", round).hasSize(1);
        }
    }

    @Test
    void postingWithoutJoiningIsForbidden() {
        Results<ChatMessage> result = new Results<>();
        fixture.chat().post(new FakeParticipant(ALICE), lobby, "hi", false, Instant.now(), result);

        assertThat(result.error()).isEqualTo(ChatErrorCode.FORBIDDEN);
        assertThat(result.exception()).hasMessageContaining("has not joined");
    }

    @Test
    void aMessageOverTheSizeLimitIsRefusedNamingBothSizes() {
        FakeParticipant alice = new FakeParticipant(ALICE);
        fixture.join(alice, lobby);
        Results<ChatMessage> result = new Results<>();
        fixture.chat().post(alice, lobby, "x".repeat(513), false, Instant.now(), result);

        assertThat(result.error()).isEqualTo(ChatErrorCode.TOO_LARGE);
        assertThat(result.exception()).hasMessageContaining("513 characters")
                .hasMessageContaining("messageSizeLimit 512").hasMessageContaining("Lobby");
        assertThat(fixture.stored(lobby)).isEmpty();
    }

    @Test
    void aStoryMayUseTheStoryLimit() {
        FakeParticipant alice = new FakeParticipant(ALICE);
        fixture.join(alice, lobby);
        String story = ChatServiceConfig.STORY_PREFIX + "y".repeat(3000);

        assertThat(fixture.post(alice, lobby, story).text()).isEqualTo(story);
        Results<ChatMessage> tooLong = new Results<>();
        fixture.chat().post(alice, lobby, ChatServiceConfig.STORY_PREFIX + "y".repeat(4096), false, Instant.now(),
                tooLong);
        assertThat(tooLong.exception()).hasMessageContaining("storySizeLimit 4096");
    }

    @Test
    void historyIsTheNewestMessagesOldestFirstCappedAtThePageLimit() {
        FakeParticipant alice = new FakeParticipant(ALICE);
        fixture.join(alice, lobby);
        for (int i = 1; i <= 30; i++) {
            fixture.post(alice, lobby, "m" + i);
        }
        Results<HistoryPage> last25 = new Results<>();
        fixture.chat().history(ALICE, lobby, new HistoryQuery.Last(25), last25);

        assertThat(last25.value().messages()).extracting(ChatMessage::text).first().isEqualTo("m6");
        assertThat(last25.value().messages()).extracting(ChatMessage::seq).hasSize(25).isSorted();
        Results<HistoryPage> huge = new Results<>();
        fixture.chat().history(ALICE, lobby, new HistoryQuery.Last(1_000_000), huge);
        assertThat(huge.value().messages()).hasSize(30);
    }

    /** Lync EnableChatHistory=false: posts are still delivered, history reads return nothing. */
    @Test
    void aCategoryWithoutHistoryDeliversPostsButServesNoHistory() {
        fixture.category(CategorySpec.named("Ephemeral").withAllowed(Set.of(Principal.everyone()))
                .withChatHistory(false));
        UUID room = fixture.room(RoomSpec.of("Quiet", "Ephemeral").withPrivacy(Privacy.OPEN));
        FakeParticipant alice = new FakeParticipant(ALICE);
        fixture.join(alice, room);
        fixture.post(alice, room, "said once");
        Results<HistoryPage> history = new Results<>();
        fixture.chat().history(ALICE, room, new HistoryQuery.Last(25), history);

        await().untilAsserted(() -> assertThat(alice.events(RoomEvent.Posted.class)).hasSize(1));
        assertThat(history.value().messages()).isEmpty();
        assertThat(history.value().logged()).isFalse();
    }

    @Test
    void aDisabledRoomCannotBeJoinedAndIsNotListed() {
        UUID closedDown = fixture.openRoom("Closed down");
        fixture.directory().setDisabled("Closed down", true);
        Results<JoinOutcome> join = new Results<>();
        fixture.chat().join(new FakeParticipant(ALICE), closedDown, false, join);
        Results<List<RoomListing>> search = new Results<>();
        fixture.chat().search(ALICE, "", search);

        assertThat(join.error()).isEqualTo(ChatErrorCode.FORBIDDEN);
        assertThat(join.exception()).hasMessageContaining("disabled");
        assertThat(search.value()).extracting(l -> l.room().room().name()).containsExactly("Lobby");
    }

    @Test
    void searchCountsTheParticipantsOnThisNode() {
        fixture.join(new FakeParticipant(ALICE), lobby);
        fixture.join(new FakeParticipant(BOB), lobby);
        Results<List<RoomListing>> search = new Results<>();
        fixture.chat().search(CAROL, "lob", search);

        assertThat(search.value()).singleElement().extracting(RoomListing::participants).isEqualTo(2);
    }

    @Test
    void findRoomMatchesTheWholeNameIgnoringCaseNotAPart() {
        fixture.openRoom("Lobby Annex");
        Results<java.util.Optional<RoomListing>> exact = new Results<>();
        Results<java.util.Optional<RoomListing>> part = new Results<>();

        fixture.chat().findRoom(CAROL, "lobby annex", exact);
        fixture.chat().findRoom(CAROL, "lobby ann", part);

        assertThat(exact.value()).get().extracting(l -> l.room().room().name()).isEqualTo("Lobby Annex");
        assertThat(part.value()).isEmpty();
    }

    @Test
    void findRoomHidesDisabledRoomsAndSecretRoomsOfOthers() {
        fixture.openRoom("Closed down");
        fixture.directory().setDisabled("Closed down", true);
        fixture.room(RoomSpec.of("Hideout", ChatFixture.CATEGORY).withPrivacy(Privacy.SECRET).withMembers(Set.of(ALICE)));
        Results<java.util.Optional<RoomListing>> disabled = new Results<>();
        Results<java.util.Optional<RoomListing>> secretToBob = new Results<>();
        Results<java.util.Optional<RoomListing>> secretToAlice = new Results<>();

        fixture.chat().findRoom(ALICE, "closed down", disabled);
        fixture.chat().findRoom(BOB, "hideout", secretToBob);
        fixture.chat().findRoom(ALICE, "hideout", secretToAlice);

        assertThat(disabled.value()).isEmpty();
        assertThat(secretToBob.value()).isEmpty();
        assertThat(secretToAlice.value()).isPresent();
    }

    @Test
    void preferencesAreVersionedOptimistically() {
        Results<List<org.pchat.server.domain.Preference>> first = new Results<>();
        fixture.chat().setPreferences(ALICE, List.of(new PreferenceUpdate("rooms", java.util.OptionalLong.of(0),
                "YQ==")), first);
        assertThat(first.value()).singleElement().extracting(org.pchat.server.domain.Preference::version)
                .isEqualTo(1L);

        Results<List<org.pchat.server.domain.Preference>> stale = new Results<>();
        fixture.chat().setPreferences(ALICE, List.of(new PreferenceUpdate("rooms", java.util.OptionalLong.of(0),
                "Yg==")), stale);
        assertThat(stale.error()).isEqualTo(ChatErrorCode.CONFLICT);

        Results<List<org.pchat.server.domain.Preference>> read = new Results<>();
        fixture.chat().preferences(ALICE, List.of("rooms", "never-written"), read);
        assertThat(read.value()).extracting(org.pchat.server.domain.Preference::content)
                .containsExactly("YQ==", "");
    }

    @Test
    void fileTokensAreBoundToUserRoomAndAction() {
        Results<FileAccessToken> token = new Results<>();
        fixture.chat().fileToken(ALICE, lobby, FileAction.UPLOAD, "notes.txt", token);

        FileAccessToken issued = token.value();
        assertThat(issued.userUri()).isEqualTo(ALICE);
        assertThat(issued.roomId()).isEqualTo(lobby);
        assertThat(issued.action()).isEqualTo(FileAction.UPLOAD);
        assertThat(issued.expiresAt()).isAfter(Instant.now().plus(Duration.ofMinutes(5)));
        assertThat(issued.toString()).doesNotContain(issued.token());
    }
}
