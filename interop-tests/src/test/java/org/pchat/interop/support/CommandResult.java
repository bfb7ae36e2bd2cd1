package org.pchat.interop.support;

import java.util.List;

/**
 * What a finished process returned.
 *
 * @param command the command line
 * @param exitCode its exit code
 * @param stdout everything it wrote to standard output
 * @param stderr everything it wrote to standard error
 */
public record CommandResult(List<String> command, int exitCode, String stdout, String stderr) {

    public CommandResult {
        command = List.copyOf(command);
    }

    /** Whether the process exited 0. */
    public boolean succeeded() {
        return exitCode == 0;
    }

    /**
     * Fails unless the process exited 0.
     *
     * @return this result
     */
    public CommandResult assertSuccess() {
        if (exitCode != 0) {
            throw new AssertionError("Expected `" + String.join(" ", command) + "` to exit 0 (but it exited "
                    + exitCode + ")\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr);
        }
        return this;
    }
}
