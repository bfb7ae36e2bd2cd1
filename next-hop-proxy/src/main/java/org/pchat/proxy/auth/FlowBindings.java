package org.pchat.proxy.auth;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.pchat.sip.Flow;

/**
 * Connections (TCP/TLS flows) on which a user authenticated (xccos.md §11: bind the connection to the registered
 * user and do not challenge again on it). A binding lasts as long as the registration made on it (or a fixed time
 * after a digest check) and is forgotten earlier when the connection fails. UDP flows are never bound: their
 * source address can be forged.
 */
public final class FlowBindings {

    private record Bound(String userUri, long expiresAtMillis) {
    }

    private final Clock clock;
    private final int maxFlows;
    private final Map<Flow, Bound> users = new ConcurrentHashMap<>();

    public FlowBindings(Clock clock, int maxFlows) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxFlows = maxFlows;
    }

    /**
     * Binds {@code flow} to {@code userUri} for {@code seconds}; false when the flow is not connection-oriented or
     * the table is full of live bindings.
     */
    public boolean bind(Flow flow, String userUri, long seconds) {
        Objects.requireNonNull(userUri, "userUri");
        if (!flow.transport().isConnectionOriented()) {
            return false;
        }
        if (users.size() >= maxFlows && !users.containsKey(flow) && purgeExpired() == 0) {
            return false;
        }
        users.put(flow, new Bound(userUri, clock.millis() + seconds * 1000L));
        return true;
    }

    /** The user authenticated on {@code flow}, while the binding lasts. */
    public Optional<String> userOf(Flow flow) {
        Bound bound = users.get(flow);
        if (bound == null) {
            return Optional.empty();
        }
        if (bound.expiresAtMillis() <= clock.millis()) {
            users.remove(flow, bound);
            return Optional.empty();
        }
        return Optional.of(bound.userUri());
    }

    /** Forgets a flow (its user signed out on it). */
    public void unbind(Flow flow) {
        users.remove(flow);
    }

    /** Forgets every flow to {@code address}:{@code port} whatever the transport (its connection failed). */
    public void unbind(String address, int port) {
        users.keySet().removeIf(f -> f.remoteAddress().equals(address) && f.remotePort() == port);
    }

    /** Drops expired bindings; returns how many. */
    public int purgeExpired() {
        long now = clock.millis();
        int before = users.size();
        users.values().removeIf(b -> b.expiresAtMillis() <= now);
        return before - users.size();
    }

    public int size() {
        return users.size();
    }
}
