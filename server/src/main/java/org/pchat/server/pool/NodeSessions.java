package org.pchat.server.pool;

/** The chat sessions a node holds, as the pool sees them. */
public interface NodeSessions {

    /** How many sessions the node holds now. */
    int count();

    /**
     * Ends every session so that its client signs in again through the proxy and lands on another node.
     *
     * @return how many were ended
     */
    int endAll(String reason);
}
