package org.pchat.server.launch;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.pchat.server.chat.PoolLink;
import org.pchat.server.chat.RoomEvent;
import org.pchat.server.config.PchatConfig;
import org.pchat.server.config.PoolRole;
import org.pchat.server.db.Databases;
import org.pchat.server.pool.PoolDiscovery;
import org.pchat.server.pool.PoolMember;
import org.pchat.server.pool.PoolObserver;
import org.pchat.server.sip.SessionAdmission;
import org.pchat.server.sip.SipChatConfig;
import org.pchat.server.store.PoolNodeRepository;

/**
 * The pool channel of a chat node ({@code pool.enabled}): started after the chat node, it joins the pool on
 * {@code pool.port} (8011). Before it starts, room events stay local and a standby refuses sessions.
 */
public final class PoolComponent implements Component, PoolLink, SessionAdmission {

    private final PchatConfig config;
    private final Supplier<Databases> databases;
    private final ChatNodeComponent chatNode;
    private final Clock clock;
    private volatile PoolMember member;

    /**
     * @param chatNode the node's chat core and sessions; must start before this component
     */
    public PoolComponent(PchatConfig config, Supplier<Databases> databases, ChatNodeComponent chatNode, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.databases = Objects.requireNonNull(databases, "databases");
        this.chatNode = Objects.requireNonNull(chatNode, "chatNode");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The pool's name: one pool per SIP domain. */
    public static String cluster(PchatConfig config) {
        return "pchat-" + config.node().sipDomain();
    }

    /** Where this node is reached by the proxy and the other nodes. */
    public static String advertisedHost(PchatConfig config) {
        return config.pool().advertiseHost().orElseGet(() -> SipChatConfig.from(config).advertisedHost());
    }

    /**
     * How a member that serves no users (the proxy, an administration client) finds the pool: {@code pool.seeds} and
     * the nodes in {@code pool_nodes}; it binds {@code pool.bind-address} on any free port.
     */
    public static PoolObserver.Settings observerSettings(PchatConfig config, PoolNodeRepository registry,
                                                         Clock clock) {
        return new PoolObserver.Settings(cluster(config), config.pool().bindAddress(), 0,
                PoolDiscovery.initialHosts(config.node().nodeId(), config.pool().seeds(), registry, clock, null),
                config.pool().failureTimeout());
    }

    @Override
    public String name() {
        return "pool channel";
    }

    @Override
    public void start() {
        PoolMember created = new PoolMember(config.node().nodeId(), cluster(config), config.pool(),
                advertisedHost(config), chatNode::sipPort, config.http().enabled() ? config.http().port() : 0,
                chatNode::chat, chatNode.sessions(), new PoolNodeRepository(databases.get().content()), clock);
        member = created;
        created.start();
    }

    /** The node's pool membership (tests, status). */
    public PoolMember member() {
        PoolMember started = member;
        if (started == null) {
            throw new IllegalStateException(config.node().nodeId() + " - pool channel is not started");
        }
        return started;
    }

    @Override
    public void published(RoomEvent event) {
        PoolMember started = member;
        if (started != null) {
            started.published(event);
        }
    }

    @Override
    public Optional<String> refusal() {
        PoolMember started = member;
        if (started != null) {
            return started.refusal();
        }
        return config.pool().role() == PoolRole.STANDBY
                ? Optional.of("node " + config.node().nodeId() + " is a standby pool node")
                : Optional.empty();
    }

    @Override
    public Optional<String> endpoint() {
        PoolMember started = member;
        int port = started != null ? started.port() : config.pool().port();
        return Optional.of("pool TCP " + config.pool().bindAddress() + ":" + port + " (" + cluster(config) + ")");
    }

    @Override
    public void stop() {
        PoolMember started = member;
        if (started != null) {
            started.close();
        }
    }
}
