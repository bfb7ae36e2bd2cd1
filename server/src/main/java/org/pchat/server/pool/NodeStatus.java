package org.pchat.server.pool;

import java.util.Objects;
import org.pchat.server.config.PoolRole;

/**
 * What a member tells the pool about itself; chat nodes send it at every membership change and periodically.
 *
 * @param nodeId     the member's name ({@code node.id})
 * @param kind       chat node, proxy or admin client
 * @param host       where its SIP endpoint is reached (nodes)
 * @param sipPort    its SIP endpoint's port (nodes; 0 otherwise)
 * @param httpPort   its web service's port (nodes; 0 when off)
 * @param configured the role it was configured with
 * @param role       the role it has now (a standby may have been promoted)
 * @param draining   whether it takes no new sessions and has sent its users elsewhere
 * @param sessions   chat sessions it holds now
 */
public record NodeStatus(String nodeId, MemberKind kind, String host, int sipPort, int httpPort, PoolRole configured,
        PoolRole role, boolean draining, int sessions) {

    public NodeStatus {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(configured, "configured");
        Objects.requireNonNull(role, "role");
    }

    /** An administration client or proxy: no SIP endpoint, no role of its own. */
    public static NodeStatus observer(String nodeId, MemberKind kind) {
        return new NodeStatus(nodeId, kind, "", 0, 0, PoolRole.STANDBY, PoolRole.STANDBY, false, 0);
    }

    /** Whether new sessions should be routed here. */
    public boolean serving() {
        return kind == MemberKind.NODE && role == PoolRole.ACTIVE && !draining;
    }
}
