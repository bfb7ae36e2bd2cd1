package org.pchat.interop.chatnode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pchat.interop.support.CategoryDef;
import org.pchat.interop.support.ChatSessions;
import org.pchat.interop.support.PchatProcess;
import org.pchat.interop.support.RandomNames;
import org.pchat.interop.support.RoomDef;
import org.pchat.interop.support.RoomDef.Privacy;
import org.pchat.interop.support.RoomUri;
import org.pchat.interop.support.PostOutcome;
import org.pchat.interop.support.XccosGroupChat;
import org.pchat.interop.support.XccosReply;
import org.pchat.interop.support.XccosTestClient;

/**
 * The room model over XCCOS (ARCHITECTURE.md §5; xccos.md §7.1-§7.4): every cell of privacy (open, closed,
 * secret) × role (member, non-member, manager, presenter, denied) × operation (search, history, join, post), plus
 * the auditorium rule. The expected table:
 * <ul>
 *   <li>search: open and closed rooms are visible to everyone in scope, secret rooms to members only (§7.2),
 *       and to managers, whose permission mask includes bit 13 "bypass visibility" (§4.5);</li>
 *   <li>join, post, history: open rooms anyone in scope; closed and secret rooms members only (§7.2);
 *       a manager who is not a member may not join (§7.4); history is read without joining
 *       (member mask bit 10, §4.5);</li>
 *   <li>denied: the category's denied list beats its allowed list, even for open rooms (§7.1);</li>
 *   <li>auditorium: everyone who may join reads; only presenters post (§7.3).</li>
 * </ul>
 * Roles: the member is in the room's member list; the non-member is only in the category's scope; the
 * manager is a manager and not a member; the presenter is a member and a presenter; the denied user is listed
 * in the category's allowed and denied lists.
 */
class PrivacyMatrixIT {

    enum Role { MEMBER, NON_MEMBER, MANAGER, PRESENTER, DENIED }

    enum Operation { SEARCH, HISTORY, JOIN, POST }

    private static PchatProcess node;
    private static final Map<Role, String> USERS = new EnumMap<>(Role.class);
    private static final Map<Role, XccosTestClient> CLIENTS = new EnumMap<>(Role.class);
    private static final Map<Privacy, String> ROOM_NAMES = new EnumMap<>(Privacy.class);
    private static final Map<Privacy, RoomUri> ROOMS = new EnumMap<>(Privacy.class);
    private static final String AUDITORIUM = RandomNames.of("auditorium");
    private static RoomUri auditorium;
    private static ChatSessions sessions;

    @BeforeAll
    static void provisionAndStart() {
        node = PchatProcess.builder("PrivacyMatrixIT").build();
        for (Role role : Role.values()) {
            USERS.put(role, node.userUri(RandomNames.of(role.name().toLowerCase(Locale.ROOT).replace('_', '-'))));
        }
        String member = USERS.get(Role.MEMBER);
        String presenter = USERS.get(Role.PRESENTER);
        String manager = USERS.get(Role.MANAGER);
        String denied = USERS.get(Role.DENIED);
        node.cli().migrate();
        for (String user : USERS.values()) {
            node.cli().addUser(user, "secret-" + Math.abs(user.hashCode()));
        }
        String category = RandomNames.of("matrix");
        node.cli().newCategory(CategoryDef.forDomain(category, node.domain())
                .withAllowed("domain:" + node.domain(), denied).withDenied(denied));
        for (Privacy privacy : Privacy.values()) {
            String name = RandomNames.of(privacy.name().toLowerCase(Locale.ROOT));
            ROOM_NAMES.put(privacy, name);
            node.cli().newRoom(RoomDef.of(name, category, privacy).withMembers(member, presenter)
                    .withManagers(manager).withPresenters(presenter));
        }
        node.cli().newRoom(RoomDef.of(AUDITORIUM, category, Privacy.OPEN).withType(RoomDef.Type.AUDITORIUM)
                .withMembers(member, presenter).withPresenters(presenter));
        node.start();

        sessions = new ChatSessions(node);
        USERS.forEach((role, uri) -> CLIENTS.put(role, sessions.open(uri)));
        XccosTestClient scout = CLIENTS.get(Role.MEMBER);
        ROOM_NAMES.forEach((privacy, name) -> ROOMS.put(privacy, scout.findRoom(name)));
        auditorium = scout.findRoom(AUDITORIUM);
        seedHistory(scout, ROOMS.values().stream().toList());
        seedHistory(CLIENTS.get(Role.PRESENTER), List.of(auditorium));
    }

    /** One post per room, so that a history cell can tell "allowed" (seed present) from "refused". */
    private static void seedHistory(XccosTestClient poster, List<RoomUri> rooms) {
        for (RoomUri room : rooms) {
            poster.join(room);
            PostOutcome seed = poster.postAndAwait(room, seedText(room));
            assertThat(seed.accepted()).as("Expected the seed post in %s to be accepted (but it was %s)", room,
                    seed.describe()).isTrue();
            poster.part(room);
        }
    }

    private static String seedText(RoomUri room) {
        return "seed of " + room.value();
    }

    @AfterAll
    static void stop() {
        if (sessions != null) {
            sessions.close();
        }
        if (node != null) {
            node.close();
        }
    }

    /** The expected outcome of each cell (see the class comment). */
    static boolean allowed(Privacy privacy, Role role, Operation operation) {
        if (role == Role.DENIED) {
            return false;
        }
        boolean member = role == Role.MEMBER || role == Role.PRESENTER;
        if (operation == Operation.SEARCH) {
            return privacy != Privacy.SECRET || member || role == Role.MANAGER;
        }
        return privacy == Privacy.OPEN || member;
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Privacy privacy : Privacy.values()) {
            for (Role role : Role.values()) {
                for (Operation operation : Operation.values()) {
                    cells.add(Arguments.of(privacy, role, operation, allowed(privacy, role, operation)));
                }
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} room, {1}: {2} allowed={3}")
    @MethodSource("cells")
    @DisplayName("ARCHITECTURE.md §5, xccos.md §7.2/§7.4: privacy × role × operation")
    void cell(Privacy privacy, Role role, Operation operation, boolean expected) {
        XccosTestClient client = CLIENTS.get(role);
        RoomUri room = ROOMS.get(privacy);
        String who = role + " " + client.userUri();
        switch (operation) {
            case SEARCH -> assertSearch(client, ROOM_NAMES.get(privacy), room, who, expected);
            case HISTORY -> assertHistory(client, room, who, expected);
            case JOIN -> assertJoin(client, room, who, expected);
            case POST -> assertPost(client, room, who, expected);
        }
    }

    private static void assertSearch(XccosTestClient client, String name, RoomUri room, String who, boolean expected) {
        XccosReply reply = client.chansrch(name);
        boolean listed = reply.channel(room).isPresent();
        assertThat(reply.code()).as("Expected resp 200 to %s's cmd:chansrch (hidden rooms are left out, not errors) "
                + "(but %s)", who, reply.describe()).isEqualTo(200);
        assertThat(listed).as("Expected %s %s %s in rpl:chansrch (xccos.md §7.2) (but it %s)", who,
                expected ? "to see" : "not to see", room, listed ? "was listed" : "was not listed").isEqualTo(expected);
    }

    private static void assertHistory(XccosTestClient client, RoomUri room, String who, boolean expected) {
        XccosReply reply = client.bccontext(room, 10);
        List<String> texts = reply.history().stream().map(XccosGroupChat::text).toList();
        if (expected) {
            assertThat(reply.code()).as("Expected resp 200 to %s's cmd:bccontext on %s (but %s)", who, room,
                    reply.describe()).isEqualTo(200);
            assertThat(texts).as("Expected %s to read '%s' (but got %s)", who, seedText(room), texts)
                    .contains(seedText(room));
        } else {
            assertThat(reply.code()).as("Expected %s's cmd:bccontext on %s to be refused (but %s)", who, room,
                    reply.describe()).isNotEqualTo(200);
            assertThat(texts).as("Expected no history for %s (but got %s)", who, texts).isEmpty();
        }
    }

    private static void assertJoin(XccosTestClient client, RoomUri room, String who, boolean expected) {
        XccosReply reply = client.join(room);
        try {
            if (expected) {
                assertThat(reply.code()).as("Expected %s to join %s (but %s)", who, room, reply.describe())
                        .isEqualTo(200);
                assertThat(reply.channel(room)).as("Expected chanib %s in rpl:join (but got %s)", room,
                        reply.channels()).isPresent();
            } else {
                assertThat(reply.code()).as("Expected %s's cmd:join of %s to be refused (but %s)", who, room,
                        reply.describe()).isNotEqualTo(200);
            }
        } finally {
            if (reply.code() == 200) {
                client.part(room);
            }
        }
    }

    private static void assertPost(XccosTestClient client, RoomUri room, String who, boolean expected) {
        XccosReply join = client.join(room);
        String text = RandomNames.of("post by " + who);
        try {
            PostOutcome outcome = client.postAndAwait(room, text);
            assertThat(outcome.accepted()).as("Expected %s's grpchat in %s to be %s (xccos.md §5.1, §7) "
                    + "(but it was %s)", who, room, expected ? "accepted and echoed" : "refused", outcome.describe())
                    .isEqualTo(expected);
        } finally {
            if (join.code() == 200) {
                client.part(room);
            }
        }
    }

    @Test
    @DisplayName("xccos.md §4.6, §7.2: bjoin joins the permitted rooms and reports each refused one as fib")
    void bjoinReportsRefusedRoomsAsFib() {
        XccosTestClient outsider = CLIENTS.get(Role.NON_MEMBER);
        RoomUri open = ROOMS.get(Privacy.OPEN);
        RoomUri closed = ROOMS.get(Privacy.CLOSED);

        XccosReply reply = outsider.bjoin(List.of(open, closed));
        try {
            assertThat(reply.code()).as("Expected resp 200 to a bjoin with one refused room (but %s)", reply.describe())
                    .isEqualTo(200);
            assertThat(reply.channel(open)).as("Expected chanib %s in rpl:bjoin (but got %s)", open, reply.channels())
                    .isPresent();
            assertThat(reply.channel(closed)).as("Expected no chanib for the closed room %s (but got %s)", closed,
                    reply.channels()).isEmpty();
            assertThat(reply.failures()).as("Expected fib value=%s for the closed room (but got %s)", closed.value(),
                    reply.failures()).anyMatch(fib -> fib.attr("value").equalsIgnoreCase(closed.value()));
        } finally {
            outsider.part(open);
        }
    }

    @Test
    @DisplayName("xccos.md §7.3: in an auditorium a member who is not a presenter joins but may not post")
    void auditoriumRefusesPostsFromNonPresenters() {
        XccosTestClient member = CLIENTS.get(Role.MEMBER);
        XccosReply join = member.join(auditorium);
        try {
            assertThat(join.code()).as("Expected the member to join the auditorium (but %s)", join.describe())
                    .isEqualTo(200);

            PostOutcome outcome = member.postAndAwait(auditorium, RandomNames.of("heckle"));

            assertThat(outcome.accepted()).as("Expected the member's grpchat in the auditorium to be refused with a "
                    + "non-200 (but it was %s)", outcome.describe()).isFalse();
        } finally {
            member.part(auditorium);
        }
    }

    @Test
    @DisplayName("xccos.md §7.3: in an auditorium a presenter posts and gets the echo")
    void auditoriumAcceptsPostsFromPresenters() {
        XccosTestClient presenter = CLIENTS.get(Role.PRESENTER);
        presenter.join(auditorium);
        String text = RandomNames.of("keynote");
        try {
            PostOutcome outcome = presenter.postAndAwait(auditorium, text);

            assertThat(outcome.accepted()).as("Expected the presenter's grpchat to be accepted and echoed "
                    + "(but it was %s)", outcome.describe()).isTrue();
        } finally {
            presenter.part(auditorium);
        }
    }

    @Test
    @DisplayName("xccos.md §7.3: in an open auditorium a non-member joins and reads history but may not post")
    void openAuditoriumAdmitsListeners() {
        XccosTestClient listener = CLIENTS.get(Role.NON_MEMBER);
        XccosReply join = listener.join(auditorium);
        try {
            assertThat(join.code()).as("Expected the non-member to join the open auditorium (but %s)", join.describe())
                    .isEqualTo(200);
            XccosReply history = listener.bccontext(auditorium, 10);
            assertThat(history.history().stream().map(XccosGroupChat::text)).as(
                    "Expected the presenter's seed post in the auditorium's history (but %s gave %s)",
                    history.describe(), history.history()).contains(seedText(auditorium));

            PostOutcome outcome = listener.postAndAwait(auditorium, RandomNames.of("listener"));

            assertThat(outcome.accepted()).as("Expected the listener's grpchat to be refused with a non-200 "
                    + "(but it was %s)", outcome.describe()).isFalse();
        } finally {
            if (join.code() == 200) {
                listener.part(auditorium);
            }
        }
    }
}
