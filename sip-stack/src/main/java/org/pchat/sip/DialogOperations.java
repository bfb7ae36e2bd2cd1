package org.pchat.sip;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sip.header.Header;

/** What a {@link DialogHandle} asks of its endpoint. */
interface DialogOperations {

    /**
     * Sends a request in the dialog without blocking the caller.
     *
     * @param terminateAs when not null, the dialog is terminated with this reason once the request is sent
     */
    CompletableFuture<RequestOutcome> send(DialogHandle dialog, String method, List<Header> headers,
                                           String contentType, byte[] body, TerminationReason terminateAs);

    /** Ends the dialog locally, without BYE. */
    void terminate(DialogHandle dialog, TerminationReason reason);
}
