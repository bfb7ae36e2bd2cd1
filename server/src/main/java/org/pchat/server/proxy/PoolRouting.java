package org.pchat.server.proxy;

import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.pchat.proxy.NextHopProxy;
import org.pchat.proxy.pool.PoolNodeAddress;
import org.pchat.server.launch.Component;
import org.pchat.server.pool.MemberKind;
import org.pchat.server.pool.NodeStatus;
import org.pchat.server.pool.PoolObserver;
import org.pchat.sip.SipTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxy's view of the pool (pool topology): it joins the pool channel as a member that serves no users and
 * routes new sessions only to the active, not draining chat nodes it hears of; a node that leaves the pool is taken
 * out of routing at once, so requests in its dialogs get 481 and its users re-INVITE onto a live node.
 */
public final class PoolRouting implements Component {

    private static final Logger LOG = LoggerFactory.getLogger(PoolRouting.class);

    private final String name;
    private final Supplier<PoolObserver.Settings> settings;
    private final Supplier<Optional<NextHopProxy>> proxy;
    private final Set<PoolNodeAddress> known = new HashSet<>();
    private volatile PoolObserver observer;

    /**
     * @param settings where the pool is, read at start
     * @param proxy    the running proxy (started before this component)
     */
    public PoolRouting(String name, Supplier<PoolObserver.Settings> settings, Supplier<Optional<NextHopProxy>> proxy) {
        this.name = Objects.requireNonNull(name, "name");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.proxy = Objects.requireNonNull(proxy, "proxy");
    }

    @Override
    public String name() {
        return "pool routing";
    }

    @Override
    public void start() {
        PoolObserver created = new PoolObserver(name, MemberKind.PROXY, settings.get(), this::changed);
        observer = created;
        created.start();
    }

    /** The chat nodes as the proxy last heard of them. */
    public List<NodeStatus> nodes() {
        PoolObserver started = observer;
        return started == null ? List.of() : started.nodes();
    }

    /** Re-reads the pool under the lock: callbacks of several JGroups threads may carry stale snapshots. */
    private synchronized void changed(List<NodeStatus> ignored) {
        Optional<NextHopProxy> running = proxy.get();
        PoolObserver started = observer;
        if (running.isEmpty() || started == null) {
            return;
        }
        List<NodeStatus> nodes = started.nodes();
        Set<PoolNodeAddress> present = new HashSet<>();
        Set<PoolNodeAddress> serving = new HashSet<>();
        for (NodeStatus node : nodes) {
            PoolNodeAddress address = new PoolNodeAddress(node.host(), node.sipPort(), SipTransport.TCP);
            present.add(address);
            if (node.serving()) {
                serving.add(address);
            }
        }
        Set<PoolNodeAddress> gone = new HashSet<>(known);
        gone.removeAll(present);
        known.addAll(present);
        known.removeAll(gone);
        if (!gone.isEmpty()) {
            LOG.warn("{} - chat node(s) {} left the pool", name, gone);
        }
        running.get().membership(serving, gone);
    }

    @Override
    public Optional<String> endpoint() {
        PoolObserver.Settings where = settings.get();
        return Optional.of("pool " + where.cluster() + " via " + where.initialHosts().stream()
                .map(InetSocketAddress::toString).toList());
    }

    @Override
    public void stop() {
        PoolObserver started = observer;
        if (started != null) {
            started.close();
        }
    }
}
