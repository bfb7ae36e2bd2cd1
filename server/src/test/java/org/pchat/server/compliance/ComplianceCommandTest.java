package org.pchat.server.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pchat.server.cli.CliEnvironment;
import org.pchat.server.cli.ComplianceCommand;
import org.pchat.server.cli.LogLevels;
import org.pchat.server.cli.Main;
import org.pchat.server.db.DatabaseConfig;
import org.pchat.server.db.Databases;
import org.pchat.server.store.ComplianceEventRepository;
import picocli.CommandLine;

/** {@code pchat compliance status|export|run}, run in-process on a data directory with three events. */
class ComplianceCommandTest {

    @TempDir
    Path workingDir;

    private record Result(int exitCode, String out, String err) {
    }

    private Result run(String... args) {
        CliEnvironment environment = new CliEnvironment(Map.of(), workingDir, new ByteArrayInputStream(new byte[0]),
                prompt -> Optional.empty(), (name, hook) -> {
                    throw new AssertionError("no command here registers shutdown hooks: " + name);
                }, LogLevels.unchanged());
        CommandLine commandLine = Main.commandLine(environment);
        if (!commandLine.getSubcommands().containsKey("compliance")) {
            commandLine.addSubcommand(ComplianceCommand.class);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = workingDir.resolve("data").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int exitCode = commandLine.execute(all);
        return new Result(exitCode, out.toString(), err.toString());
    }

    @BeforeEach
    void migrateAndSeedThreeEvents() {
        assertThat(run("db", "migrate").exitCode()).isZero();
        try (Databases databases = Databases.open(DatabaseConfig.embedded(workingDir.resolve("data")))) {
            ExportedFiles.seed(new ComplianceEventRepository(databases.compliance()), List.of(UUID.randomUUID()), 3);
        }
    }

    @Test
    void statusShowsEventsBacklogAndAdapterCheckpoints() {
        Result result = run("compliance", "status");

        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("compliance: disabled", "events: 3 (last id 3)", "outbox backlog: 0 events");
        assertThat(result.out().lines()).anyMatch(line -> line.matches("xml\\s+yes\\s+none\\s+3\\s*"));
    }

    @Test
    void exportWritesTheEventsInTheChosenFormatWithoutAProgressBarWhenNotOnATerminal() {
        Result result = run("compliance", "export", "--format", "jsonl", "--out", "exported");

        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo("exported 3 events in 1 jsonl files to " + workingDir.resolve("exported")
                + System.lineSeparator());
        assertThat(ExportedFiles.jsonlEventIds(workingDir.resolve("exported"))).containsExactly(1L, 2L, 3L);
    }

    @Test
    void exportRefusesAnUnknownFormatNamingTheAcceptedOnes() {
        Result result = run("compliance", "export", "--format", "pdf", "--out", "exported");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("export format 'pdf' is not one of xml|jsonl|csv");
    }

    @Test
    void exportRefusesAnEndBeforeTheStart() {
        Result result = run("compliance", "export", "--format", "xml", "--out", "x", "--from", "2024-05-02",
                "--to", "2024-05-01");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--to 2024-05-01T00:00:00Z is not after --from 2024-05-02T00:00:00Z");
    }

    @Test
    void runExportsTheConfiguredAdaptersFromTheirCheckpoints() {
        Result first = run("compliance", "run");
        Result second = run("compliance", "run");

        assertThat(first.out()).isEqualTo("xml: exported 3 events in 1 files; checkpoint 3" + System.lineSeparator());
        assertThat(second.out()).isEqualTo("xml: exported 0 events in 0 files; checkpoint 3"
                + System.lineSeparator());
        assertThat(ExportedFiles.files(workingDir.resolve("data").resolve("compliance-export").resolve("xml")))
                .hasSize(1);
    }
}
