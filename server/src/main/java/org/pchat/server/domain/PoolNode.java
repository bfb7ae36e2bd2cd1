package org.pchat.server.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A chat node registered in the pool.
 *
 * @param nodeId    unique node id
 * @param host      host name or address other nodes and proxies reach it at
 * @param sipPort   the node's SIP port (proxy to node)
 * @param poolPort  the pool channel port (8011 by default)
 * @param httpPort  the web services port
 * @param role      active or standby
 * @param startedAt when the node (re)started
 * @param lastSeen  the node's last heartbeat
 */
public record PoolNode(String nodeId, String host, int sipPort, int poolPort, int httpPort, NodeRole role,
        Instant startedAt, Instant lastSeen) {
    public PoolNode {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }
}
