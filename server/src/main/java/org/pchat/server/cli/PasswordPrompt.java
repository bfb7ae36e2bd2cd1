package org.pchat.server.cli;

import java.io.Console;
import java.util.Optional;

/** Asks a person for a password without echoing it. */
@FunctionalInterface
public interface PasswordPrompt {

    /**
     * Shows {@code prompt} and reads a password.
     *
     * @return the password, or empty when there is no terminal to ask on
     */
    Optional<char[]> read(String prompt);

    /** The process terminal ({@link System#console()}); empty when input or output is redirected. */
    static PasswordPrompt console() {
        return prompt -> {
            Console console = System.console();
            return console == null ? Optional.empty() : Optional.ofNullable(console.readPassword("%s", prompt));
        };
    }
}
