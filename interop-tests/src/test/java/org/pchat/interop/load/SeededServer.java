package org.pchat.interop.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pchat.interop.support.CommandResult;
import org.pchat.interop.support.PchatProcess;
import org.pchat.interop.support.TestPaths;

/** Prepares a server for a driver test: migrates, seeds load users with {@code seed-model}, starts it. */
final class SeededServer {

    private SeededServer() {
    }

    /**
     * @param seedOptions further {@code seed-model} options (e.g. {@code --no-model-rooms})
     * @return the model file the drivers read
     */
    static Path seedAndStart(PchatProcess server, String testName, int users, String password,
                             String... seedOptions) throws Exception {
        server.cli().migrate();
        Path model = Files.createTempFile(TestPaths.logDir(testName), "model", ".tsv");
        List<String> command = new ArrayList<>(List.of("seed-model", "--users", Integer.toString(users),
                "--domain", server.domain()));
        command.addAll(List.of(seedOptions));
        command.addAll(List.of("--model-out", model.toString(), "--password-stdin"));
        CommandResult seeded = server.cli().run(command, Optional.of(password + "\n"));
        assertThat(seeded.exitCode()).as("seed-model failed: %s", seeded.stderr()).isZero();
        server.start();
        return model;
    }
}
