package org.pchat.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The changing verbs (set, disable, enable, clear, remove, passwd) on a fresh database each. */
class CliAdminCommandsTest {

    @TempDir
    Path workingDir;

    private CliRunner cli;

    @BeforeEach
    void createCategoryAndRoom() {
        cli = new CliRunner(workingDir);
        succeeds(cli.run("db", "migrate"));
        succeeds(cli.run("category", "new", "Team", "--allowed", "everyone"));
        succeeds(cli.run("room", "new", "Standup", "--category", "Team", "--privacy", "open"));
    }

    private static CliRunner.Result succeeds(CliRunner.Result result) {
        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
        return result;
    }

    private String roomLine(String name) {
        return cli.run("room", "list").out().lines().filter(line -> line.startsWith(name + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("room " + name + " not listed"));
    }

    /** A prompt answering from a list and recording the questions. */
    private static final class ScriptedPrompt implements PasswordPrompt {
        final Deque<String> answers;
        final List<String> questions = new ArrayList<>();

        ScriptedPrompt(String... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public Optional<char[]> read(String prompt) {
            questions.add(prompt);
            return Optional.of(answers.removeFirst().toCharArray());
        }
    }

    @Test
    void roomSetChangesOnlyTheGivenOptions() {
        succeeds(cli.run("room", "set", "Standup", "--privacy", "secret", "--topic", "Daily at nine"));

        assertThat(roomLine("Standup")).contains("secret", "normal", "Daily at nine");
    }

    @Test
    void roomSetRenames() {
        succeeds(cli.run("room", "set", "Standup", "--name", "Daily"));

        assertThat(cli.run("room", "list").out()).contains("Daily").doesNotContain("Standup");
    }

    @Test
    void roomSetWithoutChangesIsAUsageError() {
        CliRunner.Result result = cli.run("room", "set", "Standup");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE_ERROR);
        assertThat(result.errLines()).containsExactly(
                "error: room set Standup: nothing to change; give at least one option");
    }

    @Test
    void disableAndEnableToggleTheRoomState() {
        succeeds(cli.run("room", "disable", "Standup"));
        assertThat(roomLine("Standup")).contains("disabled");
        assertThat(cli.run("room", "list", "--enabled-only").out()).doesNotContain("Standup");

        succeeds(cli.run("room", "enable", "Standup"));
        assertThat(roomLine("Standup")).contains("enabled");
    }

    @Test
    void clearReportsHowManyMessagesWereRemoved() {
        CliRunner.Result result = succeeds(cli.run("room", "clear", "Standup", "--before", "2030-01-01"));

        assertThat(result.out()).isEqualTo("removed 0 messages posted before 2030-01-01T00:00:00Z from room Standup"
                + System.lineSeparator());
    }

    @Test
    void clearNeedsBefore() {
        CliRunner.Result result = cli.run("room", "clear", "Standup");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE_ERROR);
        assertThat(result.errLines()).singleElement().asString().contains("--before");
    }

    @Test
    void clearRejectsAnUnreadableDate() {
        CliRunner.Result result = cli.run("room", "clear", "Standup", "--before", "yesterday");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE_ERROR);
        assertThat(result.errLines()).singleElement().asString().contains("'yesterday' is not a date");
    }

    @Test
    void clearOfAnUnknownRoomIsRefused() {
        CliRunner.Result result = cli.run("room", "clear", "Nowhere", "--before", "2030-01-01T12:00:00Z");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.DOMAIN_ERROR);
        assertThat(result.errLines()).singleElement().asString().startsWith("error: ").contains("Nowhere");
    }

    @Test
    void removingAnUnknownMessageIsRefused() {
        CliRunner.Result result = cli.run("message", "remove", "424242", "--replace", "removed by an administrator");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.DOMAIN_ERROR);
        assertThat(result.errLines()).singleElement().asString().startsWith("error: ").contains("424242");
    }

    @Test
    void messageIdMustBeANumber() {
        CliRunner.Result result = cli.run("message", "remove", "abc");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE_ERROR);
        assertThat(result.errLines()).singleElement().asString().contains("'abc'");
    }

    @Test
    void categorySetReplacesTheDeniedList() {
        succeeds(cli.run("category", "set", "Team", "--denied", "sip:eve@example.com", "--chat-history", "false"));

        assertThat(cli.run("category", "list").out()).contains("sip:eve@example.com").contains("false");
    }

    @Test
    void emptyCategoryCanBeRemoved() {
        succeeds(cli.run("category", "new", "Spare", "--allowed", "everyone"));

        succeeds(cli.run("category", "remove", "Spare"));

        assertThat(cli.run("category", "list").out()).doesNotContain("Spare");
    }

    @Test
    void invalidBooleanOptionIsAUsageError() {
        CliRunner.Result result = cli.run("category", "set", "Team", "--file-upload", "maybe");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE_ERROR);
        assertThat(result.errLines()).singleElement().asString().contains("'maybe'");
    }

    @Test
    void passwordIsAskedTwiceOnTheTerminal() {
        ScriptedPrompt prompt = new ScriptedPrompt("s3cret-pw", "s3cret-pw");

        succeeds(cli.runWith("", prompt, "user", "add", "sip:dave@example.com"));

        assertThat(prompt.questions).containsExactly("Password for sip:dave@example.com: ", "Repeat the password: ");
        assertThat(cli.run("user", "list").out()).contains("sip:dave@example.com");
    }

    @Test
    void differingPromptAnswersAddNoUser() {
        CliRunner.Result result = cli.runWith("", new ScriptedPrompt("one-password", "another-one"),
                "user", "add", "sip:dave@example.com");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE_ERROR);
        assertThat(result.errLines()).containsExactly(
                "error: the two passwords typed for sip:dave@example.com differ");
        assertThat(cli.run("user", "list").out()).doesNotContain("dave");
    }

    @Test
    void withoutTerminalOrStdinThePasswordCannotBeRead() {
        CliRunner.Result result = cli.run("user", "add", "sip:dave@example.com");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE_ERROR);
        assertThat(result.errLines()).containsExactly("error: no terminal to ask for the password of "
                + "sip:dave@example.com; pipe it in with --password-stdin");
    }

    @Test
    void emptyPasswordOnStdinIsRefused() {
        CliRunner.Result result = cli.runWithStdin("\n", "user", "add", "sip:dave@example.com", "--password-stdin");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE_ERROR);
        assertThat(result.errLines()).containsExactly("error: the password for sip:dave@example.com is empty");
    }

    @Test
    void passwdChangesAnExistingUsersPassword() {
        succeeds(cli.runWithStdin("first-password\n", "user", "add", "sip:dave@example.com", "--password-stdin"));

        CliRunner.Result result = cli.runWithStdin("second-password\r\n", "user", "passwd", "sip:dave@example.com",
                "--password-stdin");

        assertThat(succeeds(result).out()).contains("changed the password of sip:dave@example.com");
    }

    @Test
    void passwdOfAnUnknownUserIsRefused() {
        CliRunner.Result result = cli.runWithStdin("password\n", "user", "passwd", "sip:nobody@example.com",
                "--password-stdin");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.DOMAIN_ERROR);
        assertThat(result.errLines()).singleElement().asString().contains("sip:nobody@example.com");
    }
}
