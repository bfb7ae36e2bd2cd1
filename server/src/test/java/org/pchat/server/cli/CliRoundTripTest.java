package org.pchat.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin CLI end to end on one embedded database: users, categories with allowed and denied
 * principals, rooms of every privacy and type; refused input leaves everything as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliRoundTripTest {

    private CliRunner cli;

    @BeforeAll
    void createUsersCategoriesAndRooms(@TempDir Path workingDir) {
        cli = new CliRunner(workingDir);
        succeeds(cli.run("db", "migrate"));
        succeeds(cli.runWithStdin("alice-password\n", "user", "add", "sip:alice@example.com", "--password-stdin",
                "--admin", "--display-name", "Alice Admin"));
        for (String user : List.of("bob", "carol", "mallory")) {
            succeeds(cli.runWithStdin(user + "-password\n", "user", "add", "sip:" + user + "@example.com",
                    "--password-stdin"));
        }
        succeeds(cli.run("category", "new", "Engineering", "--allowed", "domain:example.com",
                "--denied", "sip:mallory@example.com", "--creators", "sip:alice@example.com",
                "--description", "Builders", "--invitations", "true"));
        succeeds(cli.run("category", "new", "Public", "--allowed", "everyone", "--file-upload", "false"));
        succeeds(cli.run("room", "new", "Town Square", "--category", "Public", "--privacy", "open",
                "--topic", "Say hello"));
        succeeds(cli.run("room", "new", "Design", "--category", "Engineering",
                "--members", "sip:alice@example.com,sip:bob@example.com", "--managers", "sip:alice@example.com"));
        succeeds(cli.run("room", "new", "Incidents", "--category", "Engineering", "--privacy", "secret",
                "--members", "sip:alice@example.com,sip:carol@example.com", "--invitations", "false"));
        succeeds(cli.run("room", "new", "All Hands", "--category", "Public", "--privacy", "open", "--type",
                "auditorium", "--presenters", "sip:alice@example.com"));
    }

    private static void succeeds(CliRunner.Result result) {
        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
    }

    /** The table rows (header excluded), cells split on the column gaps. */
    private static List<List<String>> rows(CliRunner.Result list) {
        assertThat(list.exitCode()).isZero();
        return list.out().lines().skip(1).map(line -> Arrays.asList(line.split(" {2,}"))).toList();
    }

    private List<List<String>> roomRow(String name) {
        return rows(cli.run("room", "list")).stream().filter(row -> row.get(0).equals(name)).toList();
    }

    /** Everything the CLI can list, to compare before and after a refused command. */
    private String snapshot() {
        return cli.run("user", "list").out() + cli.run("category", "list").out() + cli.run("room", "list").out();
    }

    private void refusedWithoutChange(int exitCode, String errorFragment, String... args) {
        String before = snapshot();

        CliRunner.Result result = cli.run(args);

        assertThat(result.exitCode()).isEqualTo(exitCode);
        assertThat(result.errLines()).singleElement().asString().startsWith("error: ").contains(errorFragment);
        assertThat(result.out()).isEmpty();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void roomListShowsEveryRoomWithItsCategoryPrivacyAndType() {
        List<List<String>> rows = rows(cli.run("room", "list"));

        assertThat(rows).extracting(row -> String.join("|", row.subList(0, 5))).containsExactlyInAnyOrder(
                "All Hands|Public|open|auditorium|enabled",
                "Design|Engineering|closed|normal|enabled",
                "Incidents|Engineering|secret|normal|enabled",
                "Town Square|Public|open|normal|enabled");
    }

    @Test
    void roomListHasAHeaderLine() {
        assertThat(cli.run("room", "list").out().lines().findFirst()).hasValueSatisfying(header -> assertThat(header)
                .startsWith("NAME").contains("CATEGORY", "PRIVACY", "TYPE", "STATE", "MEMBERS", "MANAGERS"));
    }

    @Test
    void roomListShowsTheRoleLists() {
        assertThat(roomRow("Design")).singleElement().asString()
                .contains("sip:alice@example.com,sip:bob@example.com");
        assertThat(roomRow("All Hands")).singleElement().asString().contains("sip:alice@example.com");
    }

    @Test
    void roomListFiltersByCategory() {
        assertThat(rows(cli.run("room", "list", "--category", "Public"))).extracting(row -> row.get(0))
                .containsExactlyInAnyOrder("All Hands", "Town Square");
    }

    @Test
    void categoryListShowsAllowedDeniedAndCreators() {
        List<List<String>> rows = rows(cli.run("category", "list"));

        assertThat(rows).filteredOn(row -> row.get(0).equals("Engineering")).singleElement().asString()
                .contains("domain:example.com", "sip:mallory@example.com", "sip:alice@example.com", "Builders");
        assertThat(rows).filteredOn(row -> row.get(0).equals("Public")).singleElement().asString()
                .contains("everyone");
    }

    @Test
    void userListShowsUsersAndAdministrators() {
        List<List<String>> rows = rows(cli.run("user", "list"));

        assertThat(rows).extracting(row -> row.get(0)).containsExactlyInAnyOrder("sip:alice@example.com",
                "sip:bob@example.com", "sip:carol@example.com", "sip:mallory@example.com");
        assertThat(rows).filteredOn(row -> row.get(0).equals("sip:alice@example.com")).singleElement()
                .isEqualTo(List.of("sip:alice@example.com", "Alice Admin", "yes"));
    }

    @Test
    void unknownCategoryIsRefused() {
        refusedWithoutChange(ExitCodes.DOMAIN_ERROR, "Nowhere", "room", "new", "Lost", "--category", "Nowhere");
    }

    @Test
    void duplicateRoomNameIsRefused() {
        refusedWithoutChange(ExitCodes.DOMAIN_ERROR, "already exists",
                "room", "new", "design", "--category", "Public", "--privacy", "open");
    }

    @Test
    void deniedMemberIsRefused() {
        refusedWithoutChange(ExitCodes.DOMAIN_ERROR, "sip:mallory@example.com",
                "room", "new", "Side Project", "--category", "Engineering",
                "--members", "sip:bob@example.com,sip:mallory@example.com");
    }

    @Test
    void deniedMemberAddedToAnExistingRoomIsRefused() {
        refusedWithoutChange(ExitCodes.DOMAIN_ERROR, "sip:mallory@example.com",
                "room", "set", "Design", "--members", "sip:alice@example.com,sip:mallory@example.com");
    }

    @Test
    void badPrivacyValueIsAUsageError() {
        refusedWithoutChange(ExitCodes.USAGE_ERROR, "privacy 'public' is not one of open|closed|secret",
                "room", "new", "Lounge", "--category", "Public", "--privacy", "public");
    }

    @Test
    void badRoomTypeIsAUsageError() {
        refusedWithoutChange(ExitCodes.USAGE_ERROR, "room type 'stage' is not one of normal|auditorium",
                "room", "new", "Lounge", "--category", "Public", "--type", "stage");
    }

    @Test
    void malformedMemberUriIsAUsageError() {
        refusedWithoutChange(ExitCodes.USAGE_ERROR, "'bob' is not of the form sip:user@domain",
                "room", "new", "Lounge", "--category", "Public", "--members", "bob");
    }

    @Test
    void missingCategoryOptionIsAUsageError() {
        refusedWithoutChange(ExitCodes.USAGE_ERROR, "--category is required", "room", "new", "Lounge");
    }

    @Test
    void duplicateUserIsRefused() {
        String before = snapshot();

        CliRunner.Result result = cli.runWithStdin("again\n", "user", "add", "sip:bob@example.com",
                "--password-stdin");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.DOMAIN_ERROR);
        assertThat(result.errLines()).singleElement().asString().startsWith("error: ").contains("sip:bob@example.com");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void badPrincipalInCategoryIsAUsageError() {
        refusedWithoutChange(ExitCodes.USAGE_ERROR, "principal 'staff' is not one of",
                "category", "new", "Staff", "--allowed", "staff");
    }

    @Test
    void duplicateCategoryIsRefused() {
        refusedWithoutChange(ExitCodes.DOMAIN_ERROR, "already exists",
                "category", "new", "public", "--allowed", "everyone");
    }

    @Test
    void removingACategoryThatHoldsRoomsIsRefused() {
        refusedWithoutChange(ExitCodes.DOMAIN_ERROR, "still holds 2 rooms", "category", "remove", "Public");
    }
}
