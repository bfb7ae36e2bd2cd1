package org.pchat.sip;

/** Why a dialog ended. */
public enum TerminationReason {
    /** The peer sent BYE. */
    BYE_RECEIVED,
    /** The application sent BYE through {@link DialogHandle#sendBye()}. */
    BYE_SENT,
    /** RFC 4028: no refresh within the session interval; the endpoint sent BYE. */
    SESSION_EXPIRED,
    /** The application discarded the dialog without BYE ({@link DialogHandle#discard()}). */
    DISCARDED,
    /** The stack ended it (no ACK for the 2xx, RFC 3261 §13.3.1.4, or a transport failure). */
    STACK,
    /** The endpoint closed. */
    ENDPOINT_CLOSED
}
