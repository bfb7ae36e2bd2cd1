package org.pchat.server.cli;

/** Something the command needs is not available right now (a database held by another process…). */
final class UnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnavailableException(String message) {
        super(message);
    }
}
