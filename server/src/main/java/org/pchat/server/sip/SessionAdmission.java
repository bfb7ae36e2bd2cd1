package org.pchat.server.sip;

import java.util.Optional;

/** Whether the node takes new chat sessions now (a standby or draining pool node does not). */
@FunctionalInterface
public interface SessionAdmission {

    /** Every session is taken. */
    SessionAdmission OPEN = () -> Optional.empty();

    /** Empty when a new session is taken, else why not (the reason phrase of the 503). */
    Optional<String> refusal();
}
