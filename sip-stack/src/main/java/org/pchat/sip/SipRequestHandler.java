package org.pchat.sip;

/**
 * The application's handler for requests the endpoint does not answer itself. The endpoint answers ACK,
 * UPDATE (session refresh), BYE, CANCEL of unknown transactions and requests on unknown dialogs (481); every
 * other request, including INVITE and in-dialog INFO, comes here.
 *
 * <p>Called on a JAIN-SIP processing thread: answer quickly or hand the work to an executor; the
 * {@link IncomingRequest} may be answered from any thread.
 */
@FunctionalInterface
public interface SipRequestHandler {

    void onRequest(IncomingRequest request);
}
