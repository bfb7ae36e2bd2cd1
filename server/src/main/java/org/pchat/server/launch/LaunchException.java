package org.pchat.server.launch;

/** A component could not start; the message is one line naming the node and the component. */
public final class LaunchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
