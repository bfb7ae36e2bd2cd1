package org.pchat.server.pool;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pchat.server.config.PoolRole;

/**
 * What one member knows of the pool: the members in view order and the last status each sent, and how many active
 * nodes the pool wants. The wanted count grows with the active nodes seen and shrinks when an administrator demotes
 * or drains one; when a failure leaves fewer active nodes than wanted, the leader (the first chat node in view order)
 * promotes a standby. Pure logic, the same on every member; the caller serialises access.
 *
 * @param <A> how members are addressed
 */
public final class PoolView<A> {

    private final Map<A, NodeStatus> statuses = new LinkedHashMap<>();
    private final List<A> members = new ArrayList<>();
    private int wantedActive;
    private A pendingPromotion;

    /** A new membership view (in view order); members that left are forgotten. */
    public synchronized void members(List<A> view) {
        members.clear();
        members.addAll(view);
        statuses.keySet().retainAll(view);
        if (pendingPromotion != null && !view.contains(pendingPromotion)) {
            pendingPromotion = null;
        }
    }

    /** A member's status; an administrator's demotion or drain lowers the wanted number of active nodes. */
    public synchronized void status(A member, NodeStatus status) {
        Objects.requireNonNull(status, "status");
        if (!members.contains(member)) {
            return;
        }
        NodeStatus before = statuses.put(member, status);
        if (before != null && before.serving() && !status.serving()) {
            wantedActive = Math.max(0, wantedActive - 1);
        }
        if (status.serving() && member.equals(pendingPromotion)) {
            pendingPromotion = null;
        }
        wantedActive = Math.max(wantedActive, serving());
    }

    /** The statuses known, in view order. */
    public synchronized List<NodeStatus> statuses() {
        List<NodeStatus> ordered = new ArrayList<>();
        for (A member : members) {
            NodeStatus status = statuses.get(member);
            if (status != null) {
                ordered.add(status);
            }
        }
        return ordered;
    }

    /** Where a member is, by node id. */
    public synchronized Optional<A> member(String nodeId) {
        return statuses.entrySet().stream().filter(e -> e.getValue().nodeId().equals(nodeId))
                .map(Map.Entry::getKey).findFirst();
    }

    /** How many active nodes the pool wants. */
    public synchronized int wantedActive() {
        return wantedActive;
    }

    /** Whether {@code self} is the leader: the first chat node in view order. */
    public synchronized boolean leads(A self) {
        for (A member : members) {
            NodeStatus status = statuses.get(member);
            if (status != null && status.kind() == MemberKind.NODE) {
                return member.equals(self);
            }
        }
        return false;
    }

    /**
     * The standby the leader should promote now, if the pool has fewer active nodes than it wants and none is
     * being promoted already; the choice is remembered as pending until it serves or leaves.
     */
    public synchronized Optional<A> promotion(A self) {
        if (!leads(self) || pendingPromotion != null || serving() >= wantedActive) {
            return Optional.empty();
        }
        Optional<A> chosen = statuses.entrySet().stream()
                .filter(e -> e.getValue().kind() == MemberKind.NODE && e.getValue().role() == PoolRole.STANDBY
                        && !e.getValue().draining())
                .sorted(Comparator.comparing(e -> e.getValue().nodeId()))
                .map(Map.Entry::getKey)
                .findFirst();
        chosen.ifPresent(a -> pendingPromotion = a);
        return chosen;
    }

    private int serving() {
        return (int) statuses.values().stream().filter(NodeStatus::serving).count();
    }
}
