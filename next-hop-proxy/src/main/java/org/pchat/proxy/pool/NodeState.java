package org.pchat.proxy.pool;

/**
 * A node as routing sees it.
 *
 * @param serving whether it takes new sessions (an active, not draining pool member)
 */
public record NodeState(PoolNodeAddress address, boolean up, int sessions, int consecutiveFailures,
        boolean serving) {

    /** A node of a fixed node list, which always takes new sessions while up. */
    public NodeState(PoolNodeAddress address, boolean up, int sessions, int consecutiveFailures) {
        this(address, up, sessions, consecutiveFailures, true);
    }
}
