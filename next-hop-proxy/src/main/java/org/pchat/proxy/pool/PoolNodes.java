package org.pchat.proxy.pool;

import java.time.Clock;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat nodes behind the proxy: which are up, how many chat sessions each holds, and which node each user
 * was sent to. A new session goes to the user's node when it is up (affinity), else to the least loaded live
 * node. Sessions are counted from the dialogs the proxy routed (INVITE 2xx to BYE), forgotten when idle.
 */
public final class PoolNodes {

    private static final Logger LOG = LoggerFactory.getLogger(PoolNodes.class);

    private final String proxyName;
    private final Clock clock;
    private final List<Node> nodes = new CopyOnWriteArrayList<>();
    private final int maxDialogs;
    private final long idleMillis;
    private final Map<String, Node> affinity = new ConcurrentHashMap<>();
    private final Map<String, ChatDialog> dialogs = new ConcurrentHashMap<>();
    private final AtomicInteger roundRobin = new AtomicInteger();

    private static final class Node {
        private final PoolNodeAddress address;
        private final AtomicInteger sessions = new AtomicInteger();
        private volatile boolean up = true;
        private volatile boolean serving = true;
        private volatile int failures;
        /** When the node last answered a request the proxy forwarded to it (clock millis; 0: never). */
        private volatile long lastHeardMillis;

        Node(PoolNodeAddress address) {
            this.address = address;
        }
    }

    private static final class ChatDialog {
        private final Node node;
        private volatile long lastSeenMillis;

        ChatDialog(Node node, long now) {
            this.node = node;
            this.lastSeenMillis = now;
        }
    }

    /**
     * @param maxDialogs  chat dialogs tracked at most (beyond, new ones are not counted)
     * @param idleMillis  a tracked dialog without traffic this long is forgotten
     */
    public PoolNodes(String proxyName, Clock clock, List<PoolNodeAddress> addresses, int maxDialogs,
                     long idleMillis) {
        this.proxyName = Objects.requireNonNull(proxyName, "proxyName");
        this.clock = Objects.requireNonNull(clock, "clock");
        addresses.forEach(a -> nodes.add(new Node(a)));
        this.maxDialogs = maxDialogs;
        this.idleMillis = idleMillis;
    }

    /** Every node with its state. */
    public List<NodeState> states() {
        return nodes.stream().map(n -> new NodeState(n.address, n.up, n.sessions.get(), n.failures, n.serving))
                .toList();
    }

    public List<PoolNodeAddress> addresses() {
        return nodes.stream().map(n -> n.address).toList();
    }

    /**
     * The node for a new session of {@code userUri}, excluding {@code avoid} (nodes this request already
     * failed on or was refused by); empty when no other node is up.
     */
    public Optional<PoolNodeAddress> choose(String userUri, Set<PoolNodeAddress> avoid) {
        Node sticky = affinity.get(userUri);
        if (sticky != null && sticky.up && sticky.serving && !avoid.contains(sticky.address)) {
            return Optional.of(sticky.address);
        }
        List<Node> live = nodes.stream().filter(n -> n.up && n.serving)
                .filter(n -> !avoid.contains(n.address)).toList();
        if (live.isEmpty()) {
            return Optional.empty();
        }
        // read each count once: they change under us, and two reads could leave no node at the minimum
        Map<Node, Integer> load = new IdentityHashMap<>();
        live.forEach(n -> load.put(n, n.sessions.get()));
        int least = load.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
        List<Node> candidates = live.stream().filter(n -> load.get(n) == least).toList();
        Node chosen = candidates.get(Math.floorMod(roundRobin.getAndIncrement(), candidates.size()));
        affinity.put(userUri, chosen);
        return Optional.of(chosen.address);
    }

    /**
     * The pool's membership changed (pool topology): new sessions go only to {@code serving} (nodes not known yet
     * are added); nodes in {@code gone} left the pool and are taken out at once, so in-dialog requests to them get
     * 481 and their users re-INVITE. Other known nodes keep their dialogs but take no new sessions.
     */
    public synchronized void membership(Collection<PoolNodeAddress> serving, Collection<PoolNodeAddress> gone) {
        Set<PoolNodeAddress> wanted = Set.copyOf(serving);
        for (PoolNodeAddress address : wanted) {
            if (find(address).isEmpty()) {
                nodes.add(new Node(address));
                LOG.info("{} - node {} joined the pool", proxyName, address);
            }
        }
        for (Node node : nodes) {
            boolean now = wanted.contains(node.address);
            if (node.serving != now) {
                node.serving = now;
                LOG.info("{} - node {} {} new sessions", proxyName, node.address, now ? "takes" : "takes no");
            }
            if (!now) {
                affinity.values().removeIf(n -> n == node);
            }
        }
        for (PoolNodeAddress address : gone) {
            find(address).ifPresent(node -> {
                if (node.up) {
                    node.failures = Integer.MAX_VALUE / 2;
                    node.up = false;
                    int dropped = dropDialogsOf(node);
                    affinity.values().removeIf(n -> n == node);
                    LOG.warn("{} - node {} left the pool; {} chat sessions forgotten", proxyName, address, dropped);
                }
            });
        }
    }

    /** The node a URI's host and port name, if it is one of ours. */
    public Optional<PoolNodeAddress> nodeAt(String host, int port) {
        return nodes.stream().filter(n -> n.address.matches(host, port)).findFirst().map(n -> n.address);
    }

    public boolean isUp(PoolNodeAddress address) {
        return find(address).map(n -> n.up).orElse(false);
    }

    /** A chat dialog on {@code address} was established (2xx to INVITE). */
    public void sessionStarted(String callId, PoolNodeAddress address) {
        find(address).ifPresent(node -> {
            if (dialogs.size() >= maxDialogs) {
                sweepIdle();
                if (dialogs.size() >= maxDialogs) {
                    LOG.warn("{} - {} chat dialogs tracked, the limit: call-id={} not counted", proxyName,
                            maxDialogs, callId);
                    return;
                }
            }
            if (dialogs.putIfAbsent(callId, new ChatDialog(node, clock.millis())) == null) {
                node.sessions.incrementAndGet();
            }
        });
    }

    /** Traffic on a chat dialog (keeps it from being forgotten as idle). */
    public void touched(String callId) {
        ChatDialog dialog = dialogs.get(callId);
        if (dialog != null) {
            dialog.lastSeenMillis = clock.millis();
        }
    }

    /** A chat dialog ended (BYE). */
    public void sessionEnded(String callId) {
        ChatDialog dialog = dialogs.remove(callId);
        if (dialog != null) {
            dialog.node.sessions.decrementAndGet();
        }
    }

    /** The node answered a request forwarded to it: it is alive, whatever its health check says. */
    public void heardFrom(PoolNodeAddress address) {
        long now = clock.millis();
        for (Node node : nodes) {
            if (node.address.equals(address)) {
                node.lastHeardMillis = now;
                return;
            }
        }
    }

    /** Whether the node answered a forwarded request within the last {@code window}. */
    public boolean heardWithin(PoolNodeAddress address, java.time.Duration window) {
        long since = clock.millis() - window.toMillis();
        return find(address).map(node -> node.lastHeardMillis != 0 && node.lastHeardMillis >= since).orElse(false);
    }

    /** A health check or a forwarded request reached the node. */
    public void markUp(PoolNodeAddress address) {
        find(address).ifPresent(node -> {
            node.failures = 0;
            if (!node.up) {
                node.up = true;
                LOG.info("{} - node {} is back in the pool", proxyName, address);
            }
        });
    }

    /**
     * A health check or a forwarded request failed: the node is taken out after {@code threshold} consecutive
     * failures; its dialogs are forgotten (their in-dialog requests get 481, so clients re-INVITE).
     */
    public void markFailed(PoolNodeAddress address, int threshold, String reason) {
        find(address).ifPresent(node -> {
            node.failures++;
            if (node.up && node.failures >= threshold) {
                node.up = false;
                int dropped = dropDialogsOf(node);
                affinity.values().removeIf(n -> n == node);
                LOG.warn("{} - node {} taken out of the pool ({}); {} chat sessions forgotten", proxyName, address,
                        reason, dropped);
            }
        });
    }

    /** Forgets dialogs idle longer than the idle timeout; returns how many. */
    public int sweepIdle() {
        long oldest = clock.millis() - idleMillis;
        int removed = 0;
        for (Map.Entry<String, ChatDialog> entry : dialogs.entrySet()) {
            if (entry.getValue().lastSeenMillis < oldest && dialogs.remove(entry.getKey(), entry.getValue())) {
                entry.getValue().node.sessions.decrementAndGet();
                removed++;
            }
        }
        return removed;
    }

    private int dropDialogsOf(Node node) {
        int dropped = 0;
        for (Map.Entry<String, ChatDialog> entry : dialogs.entrySet()) {
            if (entry.getValue().node == node && dialogs.remove(entry.getKey(), entry.getValue())) {
                node.sessions.decrementAndGet();
                dropped++;
            }
        }
        return dropped;
    }

    private Optional<Node> find(PoolNodeAddress address) {
        return nodes.stream().filter(n -> n.address.equals(address)).findFirst();
    }

    /** Least-loaded order, for logs and tests. */
    public List<NodeState> byLoad() {
        return states().stream().sorted(Comparator.comparingInt(NodeState::sessions)).toList();
    }
}
