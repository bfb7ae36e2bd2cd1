package org.pchat.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pchat seed-model} on a fresh database: users, rooms, history and the model file. */
class SeedModelCommandTest {

    @TempDir
    Path workingDir;

    private CliRunner cli;

    @BeforeEach
    void migrate() {
        cli = new CliRunner(workingDir);
        assertThat(cli.run("db", "migrate").exitCode()).isZero();
    }

    @Test
    void seedsUsersRoomsHistoryAndWritesTheModelFile() throws Exception {
        Path model = workingDir.resolve("model.tsv");

        CliRunner.Result result = cli.runWithStdin("shared-secret\n", "seed-model", "--users", "40",
                "--hot-room-users", "20", "--history-messages", "2500", "--model-out", model.toString(),
                "--password-stdin");

        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("seeded 40 users");
        List<String> users = cli.run("user", "list").out().lines().filter(l -> l.startsWith("sip:load")).toList();
        assertThat(users).hasSize(40);
        List<String> lines = Files.readAllLines(model);
        long roomLines = lines.stream().filter(l -> l.startsWith("room\t")).count();
        String rooms = cli.run("room", "list", "--category", "load").out();
        assertThat(rooms.lines().filter(l -> l.startsWith("load-")).count()).isEqualTo(roomLines);
        assertThat(rooms).contains("load-hot").contains("load-history");
        assertThat(lines.stream().filter(l -> l.startsWith("member\t")).count()).isEqualTo(40);
    }

    @Test
    void withoutModelRoomsOnlyUsersAreSeeded() {
        Path model = workingDir.resolve("model.tsv");

        CliRunner.Result result = cli.runWithStdin("shared-secret\n", "seed-model", "--users", "3",
                "--no-model-rooms", "--model-out", model.toString(), "--password-stdin");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(cli.run("user", "list").out().lines().filter(l -> l.startsWith("sip:load"))).hasSize(3);
        assertThat(cli.run("room", "list", "--category", "load").out().lines()
                .filter(l -> l.startsWith("load-"))).isEmpty();
    }

    @Test
    void seedingTwiceIsRefusedBecauseTheCategoryExists() {
        Path model = workingDir.resolve("model.tsv");
        cli.runWithStdin("shared-secret\n", "seed-model", "--users", "3", "--model-out", model.toString(),
                "--password-stdin");

        CliRunner.Result again = cli.runWithStdin("shared-secret\n", "seed-model", "--users", "3", "--model-out",
                model.toString(), "--password-stdin");

        assertThat(again.exitCode()).isNotZero();
        assertThat(again.err()).contains("load");
    }
}
