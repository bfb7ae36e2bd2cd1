package org.pchat.sip;

/**
 * Takes responses off a TCP connection after framing and before the stack parses them: for responses that are
 * recognised by their status and top Via branch alone ({@link SipStreamFramer.Frame.Message#topViaBranch()}),
 * such as the answers to requests a chat node wrote without a transaction, or those a proxy relays statelessly
 * (RFC 3261 §16.11). Runs on a stack thread, on the thread of the response's Call-ID; must not block.
 */
@FunctionalInterface
public interface ResponseShortcut {

    /** @return true when the response was handled here and the stack must not see it */
    boolean take(SipStreamFramer.Frame.Message response);
}
