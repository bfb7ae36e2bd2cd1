package org.pchat.server.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pchat.server.db.TestDatabases;
import org.pchat.server.domain.Category;
import org.pchat.server.domain.Principal;
import org.pchat.server.domain.Privacy;
import org.pchat.server.domain.RoomDetails;
import org.pchat.server.domain.RoomRole;
import org.pchat.server.domain.User;
import org.pchat.server.domain.credentials.PasswordHasher;
import org.pchat.server.domain.credentials.PasswordHasherConfig;

/** The read side used by the chat node: search filtered by visibility, lookups, creator rights. */
class RoomDirectoryTest {

    private static final String ALICE = "sip:alice@example.com";
    private static final String BOB = "sip:bob@example.com";
    private static final String EVE = "sip:eve@example.com";

    @TempDir
    Path dataDir;

    private TestDatabases databases;
    private DirectoryService admin;
    private RoomDirectory rooms;

    @BeforeEach
    void openWithRooms() {
        databases = TestDatabases.h2(dataDir);
        admin = new DirectoryService(databases.databases().content(), DirectoryConfig.defaults(),
                new PasswordHasher(new PasswordHasherConfig(1_000, 4_096, 16, 64)),
                Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC));
        rooms = new RoomDirectory(databases.databases().content(), new DirectoryConfig(256, 1024, 2048, 100, 100, 3));
        admin.newCategory(CategorySpec.named("Eng").withAllowed(Set.of(Principal.parse("domain:example.com")))
                .withDenied(Set.of(Principal.parse(EVE))).withCreators(Set.of(Principal.parse(ALICE))));
        admin.newRoom(RoomSpec.of("Open Plan", "Eng").withPrivacy(Privacy.OPEN));
        admin.newRoom(RoomSpec.of("Closed Shop", "Eng").withMembers(Set.of(ALICE)));
        admin.newRoom(RoomSpec.of("Secret Lab", "Eng").withPrivacy(Privacy.SECRET).withMembers(Set.of(ALICE))
                .withManagers(Set.of(BOB)));
    }

    @AfterEach
    void close() throws Exception {
        databases.close();
    }

    private static java.util.List<String> names(java.util.List<RoomDetails> found) {
        return found.stream().map(r -> r.room().name()).toList();
    }

    @Test
    void memberSeesOpenClosedAndHisSecretRooms() {
        assertThat(names(rooms.visibleRooms(ALICE, "", 999))).containsExactly("Closed Shop", "Open Plan",
                "Secret Lab");
    }

    @Test
    void nonMemberDoesNotSeeTheSecretRoom() {
        assertThat(names(rooms.visibleRooms("sip:carol@example.com", "", 999)))
                .containsExactly("Closed Shop", "Open Plan");
    }

    @Test
    void managerSeesTheSecretRoomHeManages() {
        assertThat(names(rooms.visibleRooms(BOB, "secret", 999))).containsExactly("Secret Lab");
    }

    @Test
    void deniedUserSeesNothing() {
        assertThat(rooms.visibleRooms(EVE, "", 999)).isEmpty();
    }

    @Test
    void disabledRoomsAreLeftOutOfSearch() {
        admin.setDisabled("Open Plan", true);

        assertThat(names(rooms.visibleRooms(ALICE, "", 999))).containsExactly("Closed Shop", "Secret Lab");
    }

    @Test
    void searchIsCappedAtTheConfiguredMaximum() {
        admin.newRoom(RoomSpec.of("Zed", "Eng").withPrivacy(Privacy.OPEN));

        assertThat(rooms.visibleRooms(ALICE, null, 999)).hasSize(3);
        assertThat(rooms.visibleRooms(ALICE, null, 2)).hasSize(2);
    }

    @Test
    void foundRoomsCarryTheirFullRoleLists() {
        RoomDetails lab = rooms.visibleRooms(BOB, "lab", 10).get(0);

        assertThat(lab.roles().members()).containsExactly(ALICE);
        assertThat(lab.roles().managers()).containsExactly(BOB);
    }

    @Test
    void roomByNameIgnoresCase() {
        assertThat(rooms.roomByName("secret LAB")).map(r -> r.room().name()).contains("Secret Lab");
    }

    @Test
    void onlyCreatorsAndAdministratorsMayCreate() {
        assertThat(rooms.creatableCategories(new User(ALICE, "Alice", false))).extracting(Category::name)
                .containsExactly("Eng");
        assertThat(rooms.canCreateSomewhere(new User(BOB, "Bob", false))).isFalse();
        assertThat(rooms.canCreateSomewhere(new User("sip:root@other.org", "Root", true))).isTrue();
    }

    @Test
    void roomsWithRoleListsTheRoomsAUserManages() {
        assertThat(names(rooms.roomsWithRole(BOB, RoomRole.MANAGER))).containsExactly("Secret Lab");
        assertThat(names(rooms.roomsWithRole(ALICE, RoomRole.MEMBER))).containsExactly("Closed Shop", "Secret Lab");
    }
}
