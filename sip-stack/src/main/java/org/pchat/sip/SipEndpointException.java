package org.pchat.sip;

/** The endpoint could not start, or could not send a response; the message names the stack and the peer. */
public final class SipEndpointException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SipEndpointException(String message) {
        super(message);
    }

    public SipEndpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
