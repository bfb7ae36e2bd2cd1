package org.pchat.server.cli;

/** A command was invoked wrongly in a way picocli cannot see (no terminal for a password prompt…). */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
