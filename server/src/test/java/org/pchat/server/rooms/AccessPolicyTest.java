package org.pchat.server.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pchat.server.domain.Category;
import org.pchat.server.domain.Invitations;
import org.pchat.server.domain.Principal;
import org.pchat.server.domain.Privacy;
import org.pchat.server.domain.Room;
import org.pchat.server.domain.RoomRoles;
import org.pchat.server.domain.RoomType;
import org.pchat.server.domain.User;

/** The room model rules of ARCHITECTURE.md §5 and xccos.md §7. */
class AccessPolicyTest {

    private static final String ALICE = "sip:alice@example.com";
    private static final String BOB = "sip:bob@example.com";
    private static final String EVE = "sip:eve@example.com";
    private static final String OUTSIDER = "sip:mallory@other.org";

    private final Category eng = new Category(UUID.randomUUID(), "Eng", "",
            Set.of(Principal.parse("domain:example.com")), Set.of(Principal.parse(EVE)),
            Set.of(Principal.parse(ALICE)), false, true, true);

    private Room room(Privacy privacy, RoomType type, boolean disabled) {
        return new Room(UUID.randomUUID(), "Lobby", "", "", eng.id(), privacy, type, disabled, null,
                Invitations.INHERIT);
    }

    private static RoomRoles members(String... uris) {
        return new RoomRoles(Set.of(uris), Set.of(), Set.of());
    }

    @Test
    void openRoomIsVisibleAndJoinableByAnyoneInScope() {
        Room open = room(Privacy.OPEN, RoomType.NORMAL, false);

        assertThat(AccessPolicy.canSee(BOB, open, eng, RoomRoles.none())).isTrue();
        assertThat(AccessPolicy.canJoin(BOB, open, eng, RoomRoles.none())).isTrue();
        assertThat(AccessPolicy.canPost(BOB, open, eng, RoomRoles.none())).isTrue();
    }

    @Test
    void nobodyOutsideTheScopeSeesOrJoinsEvenAnOpenRoom() {
        Room open = room(Privacy.OPEN, RoomType.NORMAL, false);

        assertThat(AccessPolicy.canSee(OUTSIDER, open, eng, RoomRoles.none())).isFalse();
        assertThat(AccessPolicy.canJoin(OUTSIDER, open, eng, RoomRoles.none())).isFalse();
    }

    @Test
    void deniedBeatsAllowedEvenForAMember() {
        Room closed = room(Privacy.CLOSED, RoomType.NORMAL, false);

        assertThat(AccessPolicy.isInScope(EVE, eng)).isFalse();
        assertThat(AccessPolicy.canSee(EVE, closed, eng, members(EVE))).isFalse();
        assertThat(AccessPolicy.canJoin(EVE, closed, eng, members(EVE))).isFalse();
    }

    @Test
    void closedRoomIsVisibleToAllInScopeButJoinableByMembersOnly() {
        Room closed = room(Privacy.CLOSED, RoomType.NORMAL, false);
        RoomRoles roles = members(ALICE);

        assertThat(AccessPolicy.canSee(BOB, closed, eng, roles)).isTrue();
        assertThat(AccessPolicy.canJoin(BOB, closed, eng, roles)).isFalse();
        assertThat(AccessPolicy.canJoin(ALICE, closed, eng, roles)).isTrue();
    }

    @Test
    void secretRoomIsInvisibleToNonMembers() {
        Room secret = room(Privacy.SECRET, RoomType.NORMAL, false);
        RoomRoles roles = members(ALICE);

        assertThat(AccessPolicy.canSee(BOB, secret, eng, roles)).isFalse();
        assertThat(AccessPolicy.canSee(ALICE, secret, eng, roles)).isTrue();
    }

    @Test
    void managerWhoIsNotAMemberSeesAndManagesButCannotJoin() {
        Room secret = room(Privacy.SECRET, RoomType.NORMAL, false);
        RoomRoles roles = new RoomRoles(Set.of(), Set.of(BOB), Set.of());
        User bob = new User(BOB, "Bob", false);

        assertThat(AccessPolicy.canSee(BOB, secret, eng, roles)).isTrue();
        assertThat(AccessPolicy.canManage(bob, secret, eng, roles)).isTrue();
        assertThat(AccessPolicy.canJoin(BOB, secret, eng, roles)).isFalse();
    }

    @Test
    void inAnAuditoriumOnlyPresentersPost() {
        Room auditorium = room(Privacy.OPEN, RoomType.AUDITORIUM, false);
        RoomRoles roles = new RoomRoles(Set.of(), Set.of(), Set.of(ALICE));

        assertThat(AccessPolicy.canJoin(BOB, auditorium, eng, roles)).isTrue();
        assertThat(AccessPolicy.canPost(BOB, auditorium, eng, roles)).isFalse();
        assertThat(AccessPolicy.canPost(ALICE, auditorium, eng, roles)).isTrue();
    }

    @Test
    void disabledRoomCannotBeJoinedButStaysVisible() {
        Room disabled = room(Privacy.OPEN, RoomType.NORMAL, true);

        assertThat(AccessPolicy.canJoin(BOB, disabled, eng, RoomRoles.none())).isFalse();
        assertThat(AccessPolicy.canSee(BOB, disabled, eng, RoomRoles.none())).isTrue();
    }

    @Test
    void historyNeedsJoinRightsAndACategoryThatKeepsHistory() {
        Room open = room(Privacy.OPEN, RoomType.NORMAL, false);
        Category noHistory = new Category(eng.id(), "Eng", "", eng.allowed(), eng.denied(), eng.creators(), false,
                true, false);

        assertThat(AccessPolicy.canReadHistory(BOB, open, eng, RoomRoles.none())).isTrue();
        assertThat(AccessPolicy.canReadHistory(BOB, open, noHistory, RoomRoles.none())).isFalse();
        assertThat(AccessPolicy.canReadHistory(OUTSIDER, open, eng, RoomRoles.none())).isFalse();
    }

    @Test
    void creatorsInScopeAndAdministratorsMayCreateRooms() {
        assertThat(AccessPolicy.canCreateIn(new User(ALICE, "Alice", false), eng)).isTrue();
        assertThat(AccessPolicy.canCreateIn(new User(BOB, "Bob", false), eng)).isFalse();
        assertThat(AccessPolicy.canCreateIn(new User(OUTSIDER, "Admin", true), eng)).isTrue();
    }

    @Test
    void deniedCreatorMayNotCreate() {
        Category creatorsDenied = new Category(eng.id(), "Eng", "", eng.allowed(), eng.denied(),
                Set.of(Principal.parse("everyone")), false, true, true);

        assertThat(AccessPolicy.canCreateIn(new User(EVE, "Eve", false), creatorsDenied)).isFalse();
    }

    @Test
    void ordinaryUserWithoutManagerRoleCannotManage() {
        Room open = room(Privacy.OPEN, RoomType.NORMAL, false);

        assertThat(AccessPolicy.canManage(new User(BOB, "Bob", false), open, eng, members(BOB))).isFalse();
        assertThat(AccessPolicy.canManage(new User(OUTSIDER, "Admin", true), open, eng, RoomRoles.none())).isTrue();
    }
}
