package org.pchat.proxy.pool;

/** A node as routing sees it. */
public record NodeState(PoolNodeAddress address, boolean up, int sessions, int consecutiveFailures) {
}
