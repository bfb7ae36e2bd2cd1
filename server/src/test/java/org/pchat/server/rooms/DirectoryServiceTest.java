package org.pchat.server.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pchat.db.content.Tables.CATEGORIES;
import static org.pchat.db.content.Tables.INVITATIONS;
import static org.pchat.db.content.Tables.ROOMS;
import static org.pchat.db.content.Tables.ROOM_COUNTERS;
import static org.pchat.db.content.Tables.ROOM_ROLES;
import static org.pchat.db.content.Tables.USERS;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.AbstractThrowableAssert;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.pchat.server.db.TestDatabases;
import org.pchat.server.domain.Category;
import org.pchat.server.domain.ChatMessage;
import org.pchat.server.domain.DirectoryException;
import org.pchat.server.domain.Invitations;
import org.pchat.server.domain.Principal;
import org.pchat.server.domain.Privacy;
import org.pchat.server.domain.RoomDetails;
import org.pchat.server.domain.RoomType;
import org.pchat.server.domain.User;
import org.pchat.server.domain.credentials.PasswordHasher;
import org.pchat.server.domain.credentials.PasswordHasherConfig;
import org.pchat.server.store.MessageRepository;
import org.pchat.server.store.MessageStoreConfig;
import org.pchat.server.store.UserRepository;

/** The directory's admin operations and their rules, on embedded H2. */
class DirectoryServiceTest {

    private static final String ALICE = "sip:alice@example.com";
    private static final String BOB = "sip:bob@example.com";
    private static final String EVE = "sip:eve@example.com";
    private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

    @TempDir
    Path dataDir;

    private TestDatabases databases;
    private DSLContext content;
    private PasswordHasher hasher;
    private DirectoryService directory;

    @BeforeEach
    void openDirectoryWithCategoryEng() {
        databases = TestDatabases.h2(dataDir);
        content = databases.databases().content();
        hasher = new PasswordHasher(new PasswordHasherConfig(1_000, 4_096, 16, 64));
        directory = new DirectoryService(content, DirectoryConfig.defaults(), hasher,
                Clock.fixed(NOW, ZoneOffset.UTC));
        directory.newCategory(CategorySpec.named("Eng")
                .withAllowed(Set.of(Principal.parse("domain:example.com")))
                .withDenied(Set.of(Principal.parse(EVE)))
                .withCreators(Set.of(Principal.parse(ALICE)))
                .withInvitations(true));
    }

    @AfterEach
    void close() throws Exception {
        databases.close();
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(Executable call,
            DirectoryException.Kind kind, String message) {
        return assertThatThrownBy(call::execute).isInstanceOf(DirectoryException.class).hasMessage(message)
                .satisfies(e -> assertThat(((DirectoryException) e).kind()).isEqualTo(kind));
    }

    private int rows(org.jooq.Table<?> table) {
        return content.fetchCount(table);
    }

    // ---- rooms ----

    @Test
    void newRoomIsStoredWithItsRolesInItsCategory() {
        RoomDetails created = directory.newRoom(RoomSpec.of("Lobby", "eng").withPrivacy(Privacy.OPEN)
                .withType(RoomType.AUDITORIUM).withMembers(Set.of(ALICE, "sip:Bob@Example.com"))
                .withManagers(Set.of(ALICE)).withPresenters(Set.of(BOB)).withTopic("welcome")
                .withAddinUrl("https://addins.example.com/lobby"));

        assertThat(created.category().name()).isEqualTo("Eng");
        assertThat(created.roles().members()).containsExactlyInAnyOrder(ALICE, BOB);
        assertThat(new RoomDirectory(content, DirectoryConfig.defaults()).room(created.room().id()))
                .contains(created);
    }

    @Test
    void unknownCategoryIsRefusedAndNothingIsWritten() {
        assertRefused(() -> directory.newRoom(RoomSpec.of("Lobby", "Foo").withMembers(Set.of(ALICE))),
                DirectoryException.Kind.NOT_FOUND, "unknown category 'Foo'");

        assertThat(rows(ROOMS)).isZero();
        assertThat(rows(ROOM_ROLES)).isZero();
        assertThat(rows(ROOM_COUNTERS)).isZero();
    }

    @Test
    void duplicateRoomNameIgnoringCaseIsRefusedAndTheExistingRoomIsUntouched() {
        RoomDetails lobby = directory.newRoom(RoomSpec.of("Lobby", "Eng").withMembers(Set.of(ALICE)));

        assertRefused(() -> directory.newRoom(RoomSpec.of("LOBBY", "Eng").withMembers(Set.of(BOB))
                        .withPrivacy(Privacy.OPEN)),
                DirectoryException.Kind.CONFLICT, "room name 'LOBBY' already exists");

        assertThat(rows(ROOMS)).isEqualTo(1);
        assertThat(directory.listRooms(RoomFilter.all())).containsExactly(lobby);
    }

    @Test
    void deniedMemberIsRefusedAndNothingIsWritten() {
        assertRefused(() -> directory.newRoom(RoomSpec.of("Lobby", "Eng").withMembers(Set.of(ALICE, EVE))),
                DirectoryException.Kind.FORBIDDEN, "sip:eve@example.com is denied in category 'Eng'");

        assertThat(rows(ROOMS)).isZero();
        assertThat(rows(ROOM_ROLES)).isZero();
        assertThat(rows(INVITATIONS)).isZero();
    }

    @Test
    void memberOutsideTheAllowedPrincipalsIsRefused() {
        assertRefused(() -> directory.newRoom(RoomSpec.of("Lobby", "Eng").withManagers(Set.of("sip:m@other.org"))),
                DirectoryException.Kind.FORBIDDEN,
                "sip:m@other.org is not among the allowed principals of category 'Eng'");

        assertThat(rows(ROOMS)).isZero();
    }

    @Test
    void badPrivacyTextIsRefusedAndNoRoomIsCreated() {
        assertRefused(() -> directory.newRoom(RoomSpec.of("Lobby", "Eng").withPrivacy(Privacy.parse("public"))),
                DirectoryException.Kind.INVALID, "privacy 'public' is not one of open|closed|secret");

        assertThat(rows(ROOMS)).isZero();
    }

    @Test
    void overlongRoomNameIsRefusedNamingLengthAndLimit() {
        String name = "x".repeat(257);

        assertRefused(() -> directory.newRoom(RoomSpec.of(name, "Eng")), DirectoryException.Kind.INVALID,
                "room name '" + "x".repeat(40) + "…' is 257 characters long, the limit is 256");
    }

    @Test
    void nonHttpAddinUrlIsRefused() {
        assertRefused(() -> directory.newRoom(RoomSpec.of("Lobby", "Eng").withAddinUrl("javascript:alert(1)")),
                DirectoryException.Kind.INVALID, "add-in URL 'javascript:alert(1)' of room 'Lobby' is not an "
                        + "http or https URL");
    }

    @Test
    void newMembersGetInvitationsWhenTheCategoryEnablesThem() {
        RoomDetails invited = directory.newRoom(RoomSpec.of("Invited", "Eng").withMembers(Set.of(ALICE, BOB)));
        directory.newRoom(RoomSpec.of("Quiet", "Eng").withMembers(Set.of(ALICE))
                .withInvitations(Invitations.DISABLED));

        assertThat(content.selectFrom(INVITATIONS).fetch(INVITATIONS.ROOM_ID))
                .containsOnly(invited.room().id()).hasSize(2);
    }

    @Test
    void setRoomReplacesTheGivenRoleListAndKeepsEverythingElse() {
        directory.newRoom(RoomSpec.of("Lobby", "Eng").withMembers(Set.of(ALICE)).withManagers(Set.of(ALICE))
                .withTopic("old"));

        RoomDetails changed = directory.setRoom("lobby", RoomChange.none().withMembers(Set.of(BOB))
                .withPrivacy(Privacy.SECRET));

        assertThat(changed.roles().members()).containsExactly(BOB);
        assertThat(changed.roles().managers()).containsExactly(ALICE);
        assertThat(changed.room().privacy()).isEqualTo(Privacy.SECRET);
        assertThat(changed.room().topic()).isEqualTo("old");
        assertThat(directory.listRooms(RoomFilter.all())).containsExactly(changed);
    }

    @Test
    void setRoomAddingADeniedMemberChangesNothing() {
        RoomDetails before = directory.newRoom(RoomSpec.of("Lobby", "Eng").withMembers(Set.of(ALICE))
                .withTopic("old"));

        assertRefused(() -> directory.setRoom("Lobby", RoomChange.none().withTopic("new")
                        .withMembers(Set.of(ALICE, EVE))),
                DirectoryException.Kind.FORBIDDEN, "sip:eve@example.com is denied in category 'Eng'");

        assertThat(directory.listRooms(RoomFilter.all())).containsExactly(before);
    }

    @Test
    void renamingARoomOntoAnotherRoomsNameIsRefused() {
        directory.newRoom(RoomSpec.of("Lobby", "Eng"));
        RoomDetails other = directory.newRoom(RoomSpec.of("Other", "Eng"));

        assertRefused(() -> directory.setRoom("Other", RoomChange.none().withName("lobby")),
                DirectoryException.Kind.CONFLICT, "room name 'lobby' already exists");

        assertThat(directory.listRooms(RoomFilter.all().nameContaining("other"))).containsExactly(other);
    }

    @Test
    void movingARoomChecksEveryRoleHolderAgainstTheNewCategory() {
        directory.newCategory(CategorySpec.named("Ops").withAllowed(Set.of(Principal.parse("everyone")))
                .withDenied(Set.of(Principal.parse(BOB))));
        RoomDetails before = directory.newRoom(RoomSpec.of("Lobby", "Eng").withMembers(Set.of(ALICE, BOB)));

        assertRefused(() -> directory.setRoom("Lobby", RoomChange.none().withCategoryName("Ops")),
                DirectoryException.Kind.FORBIDDEN, "sip:bob@example.com is denied in category 'Ops'");

        assertThat(directory.listRooms(RoomFilter.all())).containsExactly(before);
    }

    @Test
    void unknownRoomIsNotFound() {
        assertRefused(() -> directory.setRoom("Nowhere", RoomChange.none().withTopic("x")),
                DirectoryException.Kind.NOT_FOUND, "unknown room 'Nowhere'");
    }

    @Test
    void listRoomsFiltersByCategoryNameAndDisabledState() {
        directory.newCategory(CategorySpec.named("Ops").withAllowed(Set.of(Principal.parse("everyone"))));
        directory.newRoom(RoomSpec.of("Eng Lobby", "Eng"));
        directory.newRoom(RoomSpec.of("Eng Archive", "Eng"));
        directory.newRoom(RoomSpec.of("Ops Lobby", "Ops"));
        directory.setDisabled("Eng Archive", true);

        assertThat(directory.listRooms(RoomFilter.all().inCategory("Eng"))).extracting(r -> r.room().name())
                .containsExactly("Eng Lobby");
        assertThat(directory.listRooms(RoomFilter.all().inCategory("Eng").withDisabled(true)))
                .extracting(r -> r.room().name()).containsExactly("Eng Archive", "Eng Lobby");
        assertThat(directory.listRooms(RoomFilter.all().nameContaining("LOBBY"))).extracting(r -> r.room().name())
                .containsExactly("Eng Lobby", "Ops Lobby");
    }

    @Test
    void clearHistoryDeletesOlderMessagesAndReturnsTheCount() {
        RoomDetails lobby = directory.newRoom(RoomSpec.of("Lobby", "Eng"));
        MessageRepository messages = new MessageRepository(content, MessageStoreConfig.defaults());
        for (int i = 0; i < 3; i++) {
            messages.append(lobby.room().id(), ALICE, "m" + i, false, null, NOW.minusSeconds(10 - i));
        }

        assertThat(directory.clearHistory("Lobby", NOW.minusSeconds(8))).isEqualTo(2);
        assertThat(messages.count(lobby.room().id())).isEqualTo(1);
    }

    @Test
    void removeMessageReplacesOrDeletes() {
        RoomDetails lobby = directory.newRoom(RoomSpec.of("Lobby", "Eng"));
        MessageRepository messages = new MessageRepository(content, MessageStoreConfig.defaults());
        ChatMessage first = messages.append(lobby.room().id(), ALICE, "oops", false, null, NOW);
        ChatMessage second = messages.append(lobby.room().id(), ALICE, "bad", false, null, NOW);

        directory.removeMessage(first.id(), Optional.of("This message was removed by an administrator."));
        directory.removeMessage(second.id(), Optional.empty());

        assertThat(messages.byId(first.id())).map(ChatMessage::text)
                .contains("This message was removed by an administrator.");
        assertThat(messages.byId(second.id())).isEmpty();
        assertRefused(() -> directory.removeMessage(second.id(), Optional.empty()),
                DirectoryException.Kind.NOT_FOUND, "unknown message id " + second.id());
    }

    // ---- categories ----

    @Test
    void duplicateCategoryNameIgnoringCaseIsRefused() {
        assertRefused(() -> directory.newCategory(CategorySpec.named("ENG")), DirectoryException.Kind.CONFLICT,
                "category name 'ENG' already exists");

        assertThat(rows(CATEGORIES)).isEqualTo(1);
    }

    @Test
    void setCategoryReplacesTheGivenPrincipalListsOnly() {
        Category changed = directory.setCategory("eng", CategoryChange.none()
                .withDenied(Set.of()).withChatHistory(false).withDescription("engineering"));

        assertThat(changed.denied()).isEmpty();
        assertThat(changed.allowed()).containsExactly(Principal.parse("domain:example.com"));
        assertThat(changed.chatHistory()).isFalse();
        assertThat(directory.listCategories()).containsExactly(changed);
    }

    @Test
    void categoryThatStillHoldsRoomsIsNotRemoved() {
        directory.newRoom(RoomSpec.of("Lobby", "Eng"));

        assertRefused(() -> directory.removeCategory("Eng"), DirectoryException.Kind.CONFLICT,
                "category 'Eng' still holds 1 room: move or remove them first");

        assertThat(rows(CATEGORIES)).isEqualTo(1);
    }

    @Test
    void emptyCategoryIsRemoved() {
        directory.removeCategory("eng");

        assertThat(directory.listCategories()).isEmpty();
    }

    // ---- users ----

    @Test
    void addedUserCanBeFoundAndHisPasswordVerifies() {
        User alice = directory.addUser("sip:Alice@example.com", "Alice", "pw1".toCharArray(), true, "example.com");

        assertThat(directory.findUser(ALICE)).contains(alice);
        assertThat(alice.admin()).isTrue();
        assertThat(hasher.verifyPassword(new UserRepository(content).credentials(ALICE).orElseThrow(),
                "pw1".toCharArray())).isTrue();
    }

    @Test
    void blankDisplayNameBecomesTheUserPart() {
        assertThat(directory.addUser(BOB, " ", "pw".toCharArray(), false, "example.com").displayName())
                .isEqualTo("bob");
    }

    @Test
    void duplicateUserIsRefused() {
        directory.addUser(ALICE, "Alice", "pw1".toCharArray(), false, "example.com");

        assertRefused(() -> directory.addUser("sip:ALICE@example.com", "Other", "pw2".toCharArray(), false,
                "example.com"), DirectoryException.Kind.CONFLICT, "user sip:alice@example.com already exists");

        assertThat(rows(USERS)).isEqualTo(1);
        assertThat(directory.findUser(ALICE)).map(User::displayName).contains("Alice");
    }

    @Test
    void setPasswordReplacesEveryDerivedForm() {
        directory.addUser(ALICE, "Alice", "old".toCharArray(), false, "example.com");

        directory.setPassword(ALICE, "new".toCharArray(), "chat.example.com");

        var credentials = new UserRepository(content).credentials(ALICE).orElseThrow();
        assertThat(hasher.verifyPassword(credentials, "new".toCharArray())).isTrue();
        assertThat(hasher.verifyPassword(credentials, "old".toCharArray())).isFalse();
        assertThat(credentials.digestRealm()).isEqualTo("chat.example.com");
    }

    @Test
    void setPasswordOfAnUnknownUserIsNotFound() {
        assertRefused(() -> directory.setPassword(BOB, "pw".toCharArray(), "example.com"),
                DirectoryException.Kind.NOT_FOUND, "unknown user sip:bob@example.com");
    }
}
