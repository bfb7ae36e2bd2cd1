package org.pchat.server.pool;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jgroups.Address;
import org.jgroups.View;
import org.pchat.server.chat.ChatService;
import org.pchat.server.chat.PoolLink;
import org.pchat.server.chat.RoomEvent;
import org.pchat.server.config.PoolConfig;
import org.pchat.server.config.PoolRole;
import org.pchat.server.domain.NodeRole;
import org.pchat.server.domain.PoolNode;
import org.pchat.server.sip.SessionAdmission;
import org.pchat.server.store.PoolNodeRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chat node's membership of the pool: it registers in {@code pool_nodes}, joins the pool channel, sends its room
 * events to the other nodes and delivers theirs here, keeps its role (a standby takes no sessions until the leader
 * promotes it), obeys administration commands, and after any membership change delivers from the database what
 * it may have missed. Channel callbacks hand control work to one thread of its own; room events go straight to
 * the chat core's room lanes.
 */
public final class PoolMember implements PoolLink, SessionAdmission, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PoolMember.class);
    private static final Duration STATUS_INTERVAL = Duration.ofSeconds(2);
    private static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(10);

    private final String nodeId;
    private final String cluster;
    private final PoolConfig config;
    private final String host;
    private final Supplier<Integer> sipPort;
    private final int httpPort;
    private final Supplier<ChatService> chat;
    private final NodeSessions sessions;
    private final PoolNodeRepository registry;
    private final Clock clock;
    private final PoolView<Address> view = new PoolView<>();
    private final ScheduledExecutorService control;
    private volatile PoolChannel channel;
    private volatile PoolRole role;
    private volatile boolean draining;
    private volatile Instant startedAt;

    /**
     * @param cluster   the pool's name (one per SIP domain)
     * @param host      where the node's SIP endpoint is reached by the proxy
     * @param sipPort   the node's bound SIP port, read at start
     * @param httpPort  the node's web service port (0 when off)
     * @param chat      the chat core, available at start
     * @param sessions  the node's chat sessions
     * @param registry  the {@code pool_nodes} table
     */
    public PoolMember(String nodeId, String cluster, PoolConfig config, String host, Supplier<Integer> sipPort,
                      int httpPort, Supplier<ChatService> chat, NodeSessions sessions, PoolNodeRepository registry,
                      Clock clock) {
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.config = Objects.requireNonNull(config, "config");
        this.host = Objects.requireNonNull(host, "host");
        this.sipPort = Objects.requireNonNull(sipPort, "sipPort");
        this.httpPort = httpPort;
        this.chat = Objects.requireNonNull(chat, "chat");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.role = config.role();
        this.control = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "pchat-pool-" + nodeId);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Registers the node, joins the pool and starts the status, heartbeat and catch-up timers.
     *
     * @throws IllegalStateException when the pool port cannot be bound
     */
    public void start() {
        startedAt = clock.instant();
        List<InetSocketAddress> hosts = initialHosts();
        PoolChannel created = new PoolChannel(nodeId, cluster, config.bindAddress(), config.port(), hosts,
                config.failureTimeout(), new ChannelListener());
        channel = created;
        created.connect();
        register();
        LOG.info("{} - joined pool {} on TCP {}:{} as {} node (discovery: {})", nodeId, cluster, config.bindAddress(),
                created.port(), text(role), hosts);
        control.execute(this::announce);
        control.scheduleWithFixedDelay(this::announce, STATUS_INTERVAL.toMillis(), STATUS_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
        control.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT_INTERVAL.toMillis(), HEARTBEAT_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
        long catchUp = config.catchUpInterval().toMillis();
        control.scheduleWithFixedDelay(() -> chat.get().catchUp(), catchUp, catchUp, TimeUnit.MILLISECONDS);
    }

    /** The pool channel's bound port. */
    public int port() {
        PoolChannel current = channel;
        return current == null ? config.port() : current.port();
    }

    /** The pool channel (tests cut the network under it). */
    PoolChannel channel() {
        return channel;
    }

    /** The statuses of the pool's members as this node knows them, in view order. */
    public List<NodeStatus> members() {
        return view.statuses();
    }

    /** This node's status now. */
    public NodeStatus status() {
        return new NodeStatus(nodeId, MemberKind.NODE, host, sipPort.get(), httpPort, config.role(), role, draining,
                sessions.count());
    }

    @Override
    public void published(RoomEvent event) {
        PoolChannel current = channel;
        if (current != null) {
            current.broadcast(new PoolMessage.Event(event));
        }
    }

    @Override
    public Optional<String> refusal() {
        if (role == PoolRole.STANDBY) {
            return Optional.of("node " + nodeId + " is a standby pool node");
        }
        if (draining) {
            return Optional.of("node " + nodeId + " is draining");
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        control.shutdownNow();
        PoolChannel current = channel;
        if (current != null) {
            current.close();
        }
        try {
            registry.remove(nodeId);
        } catch (RuntimeException e) {
            LOG.warn("{} - cannot remove pool registration: {}", nodeId, e.toString());
        }
        LOG.info("{} - left pool {}", nodeId, cluster);
    }

    private List<InetSocketAddress> initialHosts() {
        return PoolDiscovery.initialHosts(nodeId, config.seeds(), registry, clock, nodeId);
    }

    private void register() {
        Instant now = clock.instant();
        registry.save(new PoolNode(nodeId, host, sipPort.get(), port(), httpPort, nodeRole(), startedAt, now));
    }

    private void heartbeat() {
        try {
            if (!registry.heartbeat(nodeId, clock.instant())) {
                register();
            }
        } catch (RuntimeException e) {
            LOG.warn("{} - pool heartbeat not written: {}", nodeId, e.toString());
        }
    }

    private NodeRole nodeRole() {
        return role == PoolRole.ACTIVE ? NodeRole.ACTIVE : NodeRole.STANDBY;
    }

    /** Tells every member this node's status, and promotes a standby when this node leads and one is missing. */
    private void announce() {
        PoolChannel current = channel;
        if (current == null) {
            return;
        }
        NodeStatus status = status();
        Address self = current.address();
        if (self != null) {
            view.status(self, status);
        }
        current.broadcast(new PoolMessage.Status(status));
        if (self != null) {
            view.promotion(self).ifPresent(standby -> {
                LOG.warn("{} - the pool has fewer active nodes than it wants ({}): promoting {}", nodeId,
                        view.wantedActive(), standby);
                current.send(standby, new PoolMessage.Command("auto-" + clock.millis(), nodeIdOf(standby),
                        PoolMessage.Action.PROMOTE));
            });
        }
    }

    private String nodeIdOf(Address member) {
        return view.statuses().stream().filter(s -> view.member(s.nodeId()).map(member::equals).orElse(false))
                .map(NodeStatus::nodeId).findFirst().orElse(String.valueOf(member));
    }

    private void obey(Address from, PoolMessage.Command command) {
        if (!command.target().equals(nodeId)) {
            return;
        }
        String text;
        switch (command.action()) {
            case PROMOTE -> {
                boolean changed = role != PoolRole.ACTIVE || draining;
                role = PoolRole.ACTIVE;
                draining = false;
                text = changed ? nodeId + " is active and takes sessions" : nodeId + " was active already";
            }
            case DEMOTE -> {
                role = PoolRole.STANDBY;
                announce();
                int ended = sessions.endAll("node demoted to standby");
                text = nodeId + " is standby; " + ended + " session(s) sent elsewhere";
            }
            case DRAIN -> {
                draining = true;
                announce();
                int ended = sessions.endAll("node draining");
                text = nodeId + " is draining; " + ended + " session(s) sent elsewhere";
            }
            default -> throw new IllegalStateException("unknown action " + command.action());
        }
        LOG.warn("{} - {} requested by {}: {}", nodeId, command.action(), from, text);
        try {
            registry.setRole(nodeId, nodeRole());
        } catch (RuntimeException e) {
            LOG.warn("{} - role not written to pool_nodes: {}", nodeId, e.toString());
        }
        announce();
        channel.send(from, new PoolMessage.Answer(command.requestId(), nodeId, true, text));
    }

    private static String text(PoolRole role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    private final class ChannelListener implements PoolChannel.Listener {
        @Override
        public void received(Address from, PoolMessage message) {
            if (message instanceof PoolMessage.Event event) {
                chat.get().remote(event.event());
            } else if (message instanceof PoolMessage.Status status) {
                view.status(from, status.status());
            } else if (message instanceof PoolMessage.Command command) {
                control.execute(() -> obey(from, command));
            } else {
                LOG.debug("{} - {} from {} ignored", nodeId, message, from);
            }
        }

        @Override
        public void viewChanged(View newView, boolean merged) {
            view.members(List.copyOf(newView.getMembers()));
            control.execute(() -> {
                announce();
                chat.get().catchUp();
            });
        }
    }
}
