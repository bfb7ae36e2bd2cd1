package org.pchat.proxy.core;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pchat.sip.Flow;

/**
 * The TCP/TLS flows known to be connected (a peer's connection we received on, or one we sent on): sending down
 * them does not block, so it happens on the calling thread; anything else (a new connection, which the stack
 * opens blocking) goes to a forwarding lane. UDP never blocks. An entry not used for the idle time is forgotten
 * (the connection may be gone), and the table is bounded: beyond it flows just take the lane.
 */
final class ConnectedFlows {

    private final Clock clock;
    private final int max;
    private final long idleMillis;
    private final Map<Flow, Long> flows = new ConcurrentHashMap<>();

    ConnectedFlows(Clock clock, int max, long idleMillis) {
        this.clock = clock;
        this.max = max;
        this.idleMillis = idleMillis;
    }

    /** Whether sending to {@code flow} may block (a connect). */
    boolean mayBlock(Flow flow) {
        if (!flow.transport().isConnectionOriented()) {
            return false;
        }
        Long seen = flows.get(flow);
        return seen == null || clock.millis() - seen > idleMillis;
    }

    void connected(Flow flow) {
        if (flow.transport().isConnectionOriented() && (flows.size() < max || flows.containsKey(flow))) {
            flows.put(flow, clock.millis());
        }
    }

    /** The connection to {@code address}:{@code port} failed or closed. */
    void lost(String address, int port) {
        flows.keySet().removeIf(f -> f.remotePort() == port && f.remoteAddress().equals(address));
    }

    /** Forgets flows idle longer than the idle time; returns how many. */
    int purgeIdle() {
        long oldest = clock.millis() - idleMillis;
        int before = flows.size();
        flows.values().removeIf(seen -> seen < oldest);
        return before - flows.size();
    }
}
