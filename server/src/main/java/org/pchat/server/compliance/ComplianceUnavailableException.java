package org.pchat.server.compliance;

/**
 * Compliance cannot be recorded now, so the action is refused. The message is one line, safe to show to
 * the client: {@code compliance database unreachable: …; action refused}.
 */
public final class ComplianceUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ComplianceUnavailableException(String message) {
        super(message);
    }
}
