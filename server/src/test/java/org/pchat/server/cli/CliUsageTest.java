package org.pchat.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Help, usage errors and configuration errors: one line on stderr, exit code 2, nothing opened. */
class CliUsageTest {

    @TempDir
    Path workingDir;

    private CliRunner.Result raw(String... args) {
        return new CliRunner(workingDir).runRaw("", prompt -> Optional.empty(), args);
    }

    private static void usageError(CliRunner.Result result, String expectedLine) {
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE_ERROR);
        assertThat(result.errLines()).containsExactly(expectedLine);
        assertThat(result.out()).isEmpty();
    }

    @Test
    void helpListsEveryCommand() {
        CliRunner.Result result = raw("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("serve", "db", "user", "category", "room", "message");
    }

    @Test
    void roomNewHelpListsTheRoomOptions() {
        CliRunner.Result result = raw("room", "new", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("--category", "--privacy=open|closed|secret", "--type=normal|auditorium",
                "--members", "--managers", "--presenters", "--description", "--topic",
                "--invitations=inherit|true|false", "--addin", "--data-dir", "--set");
    }

    @Test
    void versionIsPrinted() {
        CliRunner.Result result = raw("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("pchat ");
    }

    @Test
    void unknownOptionIsOneLineWithAHelpHint() {
        usageError(raw("room", "list", "--colour"),
                "error: Unknown option: '--colour' (see 'pchat room list --help')");
    }

    @Test
    void missingSubcommandIsAUsageError() {
        CliRunner.Result result = raw("room");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE_ERROR);
        assertThat(result.errLines()).singleElement().asString().startsWith("error: Missing required subcommand");
    }

    @Test
    void invalidConfigValueNamesKeyValueAndRange() {
        usageError(raw("room", "list", "--set", "sip.port=70000"),
                "error: sip.port=70000 is not a port (1-65535, or 0 for any free port), from flag --set");
    }

    @Test
    void invalidEnvironmentValueNamesTheVariable() {
        CliRunner.Result result = new CliRunner(workingDir, Map.of("PCHAT_XMPP_PORT", "-1"))
                .runRaw("", prompt -> Optional.empty(), "room", "list");

        usageError(result, "error: xmpp.port=-1 is not a port (1-65535, or 0 for any free port), "
                + "from environment PCHAT_XMPP_PORT");
    }

    @Test
    void unknownConfigKeyInTheFileIsAUsageError() throws Exception {
        Path file = Files.writeString(workingDir.resolve("pchat.properties"), "demo.sead=false\n");

        usageError(raw("room", "list"),
                "error: unknown config key demo.sead in config file " + file + " (did you mean demo.seed?)");
    }

    @Test
    void configErrorOpensNoDatabase() {
        raw("--data-dir", "d", "room", "list", "--set", "db.pool.size=0");

        assertThat(workingDir.resolve("d")).doesNotExist();
    }

    @Test
    void adminCommandOnAnUnmigratedDatabaseAsksForDbMigrate() {
        CliRunner.Result result = raw("--data-dir", "d", "room", "list");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE_ERROR);
        assertThat(result.errLines()).singleElement().asString()
                .matches("error: the database schemas are not current \\(\\d+ migrations pending\\); "
                        + "run 'pchat db migrate' first");
    }

    @Test
    void globalOptionsGivenBeforeAndAfterTheCommandAreCombined() {
        CliRunner.Result result = raw("--set", "sip.port=6000", "room", "list", "--set", "proxy.port=6000");

        usageError(result, "error: proxy.port=6000 clashes with sip.port=6000 "
                + "(both TCP on 0.0.0.0; every listener of one process needs its own port)");
    }

    @Test
    void dbMigrateReportsBothSchemas() {
        CliRunner.Result result = raw("--data-dir", "d", "db", "migrate");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains("content database at schema version", "compliance database at schema version");
        assertThat(workingDir.resolve("d/content.mv.db")).exists();
        assertThat(workingDir.resolve("d/compliance.mv.db")).exists();
    }

    @Test
    void proxyWithoutNodesOutsideAPoolIsAUsageError() {
        usageError(raw("--data-dir", "d", "proxy"),
                "error: give --nodes host:port,... or set pool.enabled=true to route to the pool's active nodes");
    }

    @Test
    void poolStatusWithNoKnownNodeSaysWhereNodesComeFrom() {
        assertThat(raw("--data-dir", "d", "db", "migrate").exitCode()).isZero();

        usageError(raw("--data-dir", "d", "pool", "status"), "error: no pool node known: set pool.seeds=host:port "
                + "or start a node that registers in pool_nodes");
    }
}
