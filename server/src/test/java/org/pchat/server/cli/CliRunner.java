package org.pchat.server.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/** Runs {@code pchat} in-process against one data directory, capturing stdout, stderr and the exit code. */
final class CliRunner {

    /** What one command run produced. */
    record Result(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private final Path workingDir;
    private final Path dataDir;
    private final Map<String, String> environment;

    CliRunner(Path workingDir, Map<String, String> environment) {
        this.workingDir = workingDir;
        this.dataDir = workingDir.resolve("data");
        this.environment = environment;
    }

    CliRunner(Path workingDir) {
        this(workingDir, Map.of());
    }

    Path dataDir() {
        return dataDir;
    }

    /** Runs with the test data directory and cheap password hashing; no stdin, no terminal. */
    Result run(String... args) {
        return runWith("", prompt -> Optional.empty(), args);
    }

    /** Runs with {@code stdin} as standard input. */
    Result runWithStdin(String stdin, String... args) {
        return runWith(stdin, prompt -> Optional.empty(), args);
    }

    /** Runs with the given stdin and password prompt. */
    Result runWith(String stdin, PasswordPrompt prompt, String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString(),
                "--set", "password.pbkdf2-iterations=1000"));
        all.addAll(List.of(args));
        return runRaw(stdin, prompt, all.toArray(String[]::new));
    }

    /** Runs exactly these arguments. */
    Result runRaw(String stdin, PasswordPrompt prompt, String... args) {
        CliEnvironment env = new CliEnvironment(environment, workingDir,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), prompt, (name, hook) -> {
                    throw new AssertionError("no test registers shutdown hooks: " + name);
                }, LogLevels.unchanged());
        CommandLine commandLine = Main.commandLine(env);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }
}
