package org.pchat.interop.support;

import java.util.Optional;

/**
 * What became of a {@code grpchat} post (xccos.md §5; docs/chat-node.md "Posts"): accepted when the server
 * echoed it to its author (it does so only after the post is stored), refused when the INFO got a non-2xx or
 * the server answered the envelope with an {@code rpl} (e.g. {@code rpl:grpchat}) carrying a non-200 resp.
 *
 * @param accepted whether the echo arrived
 * @param info the SIP answer to the INFO
 * @param refusal the error reply, when the server sent one
 * @param echo the echoed message, when accepted
 */
public record PostOutcome(boolean accepted, SipOutcome info, Optional<XccosReply> refusal,
        Optional<XccosGroupChat> echo) {

    /** A one-line description for failure messages. */
    public String describe() {
        if (accepted) {
            return "accepted (SIP " + info.status() + ", echoed)";
        }
        return "refused (" + info.describe() + refusal.map(r -> ", " + r.describe()).orElse("") + ")";
    }
}
