package org.pchat.interop.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How a sipp run ended. sipp exits 0 when every call succeeded, 1 when one failed, 99 when no call ran,
 * 255/254 on fatal errors.
 *
 * @param command the command line
 * @param exitCode sipp's exit code
 * @param logDir where its message trace, error log, screen and action log are
 */
public record SippResult(List<String> command, int exitCode, Path logDir) {
    private static final int TAIL_CHARS = 6000;

    public SippResult {
        command = List.copyOf(command);
    }

    /** The message trace (every SIP message sent and received). */
    public String messages() {
        return read("messages.log");
    }

    /** The error log (failed checks, unexpected messages). */
    public String errors() {
        return read("errors.log");
    }

    /** The final statistics screen. */
    public String screen() {
        return read("screen.log");
    }

    /** sipp's stdout and stderr. */
    public String output() {
        return read("sipp.out");
    }

    /**
     * Fails unless sipp exited 0 (its one call succeeded).
     *
     * @return this result
     */
    public SippResult assertSuccess() {
        if (exitCode != 0) {
            throw new AssertionError("Expected sipp " + command.get(2) + " to pass with exit 0 (but it exited "
                    + exitCode + "); logs in " + logDir + "\n--- errors ---\n" + tail(errors()) + "\n--- output ---\n"
                    + tail(output()) + "\n--- messages ---\n" + tail(messages()));
        }
        return this;
    }

    private String read(String name) {
        Path file = logDir.resolve(name);
        try {
            return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String tail(String text) {
        return text.length() <= TAIL_CHARS ? text : "…" + text.substring(text.length() - TAIL_CHARS);
    }
}
