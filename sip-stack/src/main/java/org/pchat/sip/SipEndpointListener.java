package org.pchat.sip;

/**
 * Endpoint events the application may care about. All methods have empty defaults; they are called on
 * stack or timer threads and must not block.
 */
public interface SipEndpointListener {

    /** No-op listener. */
    SipEndpointListener NONE = new SipEndpointListener() {
    };

    /** A dialog ended; called once per dialog. */
    default void onDialogTerminated(DialogHandle dialog, TerminationReason reason) {
    }

    /**
     * A request the endpoint sent in a dialog did not get a 2xx: a non-2xx (e.g. 487 from a client that
     * dropped the dialog), a timeout (no answer at all) or a transport failure. The same outcome also completes
     * the request's future. The dialog is left to the application: typically it calls
     * {@link DialogHandle#discard()} or {@link DialogHandle#sendBye()}.
     */
    default void onRequestFailed(DialogHandle dialog, String method, RequestOutcome outcome) {
    }

    /** A transport error the stack reported (e.g. a connection reset) for the given peer. */
    default void onTransportError(String peer, String transport) {
    }
}
