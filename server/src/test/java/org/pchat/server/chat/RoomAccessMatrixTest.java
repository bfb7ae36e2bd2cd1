package org.pchat.server.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pchat.server.domain.ChatMessage;
import org.pchat.server.domain.Principal;
import org.pchat.server.domain.Privacy;
import org.pchat.server.domain.RoomType;
import org.pchat.server.rooms.CategoryChange;
import org.pchat.server.rooms.CategorySpec;
import org.pchat.server.rooms.RoomSpec;

/**
 * The room model of ARCHITECTURE.md §5 / xccos.md §7.2-§7.4 through the chat core: privacy (open, closed,
 * secret) × who (member, non-member, manager only, presenter only, denied by the category) × search, join,
 * post and history. "ok" is a success; a code is the error the user gets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoomAccessMatrixTest {

    static final String MEMBER = "sip:member@example.com";
    static final String NON_MEMBER = "sip:stranger@example.com";
    static final String MANAGER = "sip:manager@example.com";
    static final String PRESENTER = "sip:presenter@example.com";
    static final String DENIED = "sip:denied@example.com";

    /** Who asks. */
    enum Who {
        MEMBER_OF_ROOM(MEMBER), NOT_A_MEMBER(NON_MEMBER), MANAGER_ONLY(MANAGER), PRESENTER_ONLY(PRESENTER),
        DENIED_BY_CATEGORY(DENIED);

        final String uri;

        Who(String uri) {
            this.uri = uri;
        }
    }

    private Path dataDir;
    private ChatFixture fixture;
    private final Map<Privacy, UUID> rooms = new EnumMap<>(Privacy.class);
    private UUID auditorium;

    @BeforeAll
    void setUp() throws Exception {
        dataDir = Files.createTempDirectory("pchat-matrix");
        fixture = new ChatFixture(dataDir);
        fixture.category(CategorySpec.named("Matrix").withAllowed(Set.of(Principal.everyone())));
        for (Privacy privacy : Privacy.values()) {
            rooms.put(privacy, fixture.room(roles(RoomSpec.of("room-" + privacy.text(), "Matrix")
                    .withPrivacy(privacy))));
        }
        auditorium = fixture.room(roles(RoomSpec.of("stage", "Matrix").withPrivacy(Privacy.OPEN)
                .withType(RoomType.AUDITORIUM)).withPresenters(Set.of(PRESENTER, MEMBER)));
        // denied after the fact: the denied user stays listed as a member, and denied beats allowed
        fixture.directory().setCategory("Matrix", CategoryChange.none().withDenied(Set.of(Principal.parse(DENIED))));
    }

    private static RoomSpec roles(RoomSpec spec) {
        return spec.withMembers(Set.of(MEMBER, DENIED)).withManagers(Set.of(MANAGER))
                .withPresenters(Set.of(PRESENTER));
    }

    @AfterAll
    void tearDown() throws Exception {
        fixture.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }

    static Stream<Arguments> cells() {
        return Stream.of(
                // privacy, who, listed in search, join, post, history
                Arguments.of(Privacy.OPEN, Who.MEMBER_OF_ROOM, true, "ok", "ok", "ok"),
                Arguments.of(Privacy.OPEN, Who.NOT_A_MEMBER, true, "ok", "ok", "ok"),
                Arguments.of(Privacy.OPEN, Who.MANAGER_ONLY, true, "ok", "ok", "ok"),
                Arguments.of(Privacy.OPEN, Who.PRESENTER_ONLY, true, "ok", "ok", "ok"),
                Arguments.of(Privacy.OPEN, Who.DENIED_BY_CATEGORY, false, "NOT_FOUND", "FORBIDDEN", "NOT_FOUND"),
                Arguments.of(Privacy.CLOSED, Who.MEMBER_OF_ROOM, true, "ok", "ok", "ok"),
                Arguments.of(Privacy.CLOSED, Who.NOT_A_MEMBER, true, "FORBIDDEN", "FORBIDDEN", "FORBIDDEN"),
                Arguments.of(Privacy.CLOSED, Who.MANAGER_ONLY, true, "FORBIDDEN", "FORBIDDEN", "FORBIDDEN"),
                Arguments.of(Privacy.CLOSED, Who.PRESENTER_ONLY, true, "FORBIDDEN", "FORBIDDEN", "FORBIDDEN"),
                Arguments.of(Privacy.CLOSED, Who.DENIED_BY_CATEGORY, false, "NOT_FOUND", "FORBIDDEN", "NOT_FOUND"),
                Arguments.of(Privacy.SECRET, Who.MEMBER_OF_ROOM, true, "ok", "ok", "ok"),
                Arguments.of(Privacy.SECRET, Who.NOT_A_MEMBER, false, "NOT_FOUND", "FORBIDDEN", "NOT_FOUND"),
                Arguments.of(Privacy.SECRET, Who.MANAGER_ONLY, true, "FORBIDDEN", "FORBIDDEN", "FORBIDDEN"),
                Arguments.of(Privacy.SECRET, Who.PRESENTER_ONLY, false, "NOT_FOUND", "FORBIDDEN", "NOT_FOUND"),
                Arguments.of(Privacy.SECRET, Who.DENIED_BY_CATEGORY, false, "NOT_FOUND", "FORBIDDEN", "NOT_FOUND"));
    }

    @ParameterizedTest(name = "{0} room, {1}: listed={2} join={3} post={4} history={5}")
    @MethodSource("cells")
    void accessFollowsTheRoomModel(Privacy privacy, Who who, boolean listed, String join, String post,
                                   String history) {
        UUID room = rooms.get(privacy);
        FakeParticipant participant = new FakeParticipant(who.uri);

        Results<List<RoomListing>> search = new Results<>();
        fixture.chat().search(who.uri, "room-", search);
        Results<JoinOutcome> joined = new Results<>();
        fixture.chat().join(participant, room, false, joined);
        Results<ChatMessage> posted = new Results<>();
        fixture.chat().post(participant, room, "hello from " + who, false, Instant.now(), posted);
        Results<HistoryPage> read = new Results<>();
        fixture.chat().history(who.uri, room, new HistoryQuery.Last(5), read);

        assertThat(search.value().stream().anyMatch(l -> l.room().room().id().equals(room)))
                .as("listed in search").isEqualTo(listed);
        assertThat(outcome(joined)).as("join").isEqualTo(join);
        assertThat(outcome(posted)).as("post").isEqualTo(post);
        assertThat(outcome(read)).as("history").isEqualTo(history);
        fixture.chat().leaveAll(participant, "test done");
    }

    /** xccos.md §7.3: in an auditorium only presenters may post; members may join and read. */
    @Test
    void aMemberWhoIsNotAPresenterCannotPostInAnAuditorium() {
        FakeParticipant stranger = new FakeParticipant(NON_MEMBER);
        fixture.join(stranger, auditorium);
        Results<ChatMessage> posted = new Results<>();
        fixture.chat().post(stranger, auditorium, "may I?", false, Instant.now(), posted);

        assertThat(posted.error()).isEqualTo(ChatErrorCode.FORBIDDEN);
        assertThat(posted.exception()).hasMessageContaining("only presenters");
        fixture.chat().leaveAll(stranger, "test done");
    }

    @Test
    void aPresenterCanPostInAnAuditorium() {
        FakeParticipant presenter = new FakeParticipant(PRESENTER);
        fixture.join(presenter, auditorium);

        assertThat(fixture.post(presenter, auditorium, "welcome").authorUri()).isEqualTo(PRESENTER);
        fixture.chat().leaveAll(presenter, "test done");
    }

    private static String outcome(Results<?> results) {
        ChatResult<?> result = results.result();
        return result instanceof ChatResult.Failed<?> failed ? failed.error().code().name() : "ok";
    }
}
