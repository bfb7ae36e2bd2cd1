package org.pchat.server.proxy;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.pchat.proxy.NextHopProxy;
import org.pchat.proxy.ProxyConfig;
import org.pchat.server.db.Databases;
import org.pchat.server.launch.Component;
import org.pchat.sip.BoundListeningPoint;

/**
 * The next-hop proxy as a process component: users' credentials come from the content database, which must be
 * started before it. In the Standard topology it routes to this process's chat node; in the pool topology
 * ({@code pchat proxy}) to the configured nodes.
 */
public final class ProxyComponent implements Component {

    private final Supplier<ProxyConfig> configAtStart;
    private final Supplier<Databases> databases;
    private final Clock clock;
    private volatile ProxyConfig config;
    private volatile NextHopProxy proxy;

    /**
     * @param config    the proxy's configuration ({@link ProxySettings#from})
     * @param databases the open databases, available once the database component has started
     * @param clock     wall clock (nonces, registrations)
     */
    public ProxyComponent(ProxyConfig config, Supplier<Databases> databases, Clock clock) {
        this(constant(Objects.requireNonNull(config, "config")), databases, clock);
    }

    /**
     * @param configAtStart the proxy's configuration, built when the component starts (in the Standard topology
     *                      the local node's port is known only once the chat node listens)
     * @param databases     the open databases, available once the database component has started
     * @param clock         wall clock (nonces, registrations)
     */
    public ProxyComponent(Supplier<ProxyConfig> configAtStart, Supplier<Databases> databases, Clock clock) {
        this.configAtStart = Objects.requireNonNull(configAtStart, "configAtStart");
        this.databases = Objects.requireNonNull(databases, "databases");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private static Supplier<ProxyConfig> constant(ProxyConfig config) {
        return () -> config;
    }

    @Override
    public String name() {
        return "proxy";
    }

    @Override
    public void start() {
        config = configAtStart.get();
        NextHopProxy started = new NextHopProxy(config, new DirectoryCredentialStore(databases.get().content()),
                clock);
        started.start();
        proxy = started;
    }

    @Override
    public Optional<String> endpoint() {
        NextHopProxy running = proxy;
        if (running == null) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder("SIP");
        for (BoundListeningPoint point : running.listeningPoints()) {
            text.append(' ').append(point.transport()).append(' ').append(point.address()).append(':')
                    .append(point.port());
        }
        text.append(", routing ").append(config.chatServiceUris()).append(" to ").append(config.nodes());
        return Optional.of(text.toString());
    }

    @Override
    public void stop() {
        NextHopProxy running = proxy;
        proxy = null;
        if (running != null) {
            running.close();
        }
    }

    /** The running proxy (tests, admin); empty before start and after stop. */
    public Optional<NextHopProxy> proxy() {
        return Optional.ofNullable(proxy);
    }
}
