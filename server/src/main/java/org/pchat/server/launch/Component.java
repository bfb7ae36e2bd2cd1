package org.pchat.server.launch;

import java.util.Optional;

/**
 * One part of a running process (databases, SIP endpoint, proxy, XMPP, HTTP, pool channel). A
 * topology starts its components in order and stops them in reverse order, so a component may use
 * anything started before it. Implementations take their config record by constructor.
 */
public interface Component {

    /** A short lower-case name for logs, for example {@code databases} or {@code sip endpoint}. */
    String name();

    /**
     * Starts the component and returns when it is ready to serve.
     *
     * @throws Exception when it cannot start; the topology then stops what was already started
     */
    void start() throws Exception;

    /**
     * Where the started component listens or what it opened, for the start-up log, for example
     * {@code TCP 0.0.0.0:5070}; empty when it opens nothing worth naming.
     */
    Optional<String> endpoint();

    /**
     * Stops the component and releases what it holds. Called once, only after a successful start.
     *
     * @throws Exception when it could not stop cleanly; later components are still stopped
     */
    void stop() throws Exception;
}
