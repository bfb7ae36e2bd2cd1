package org.pchat.server.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.pchat.server.config.PchatConfig;
import org.pchat.server.db.Databases;
import org.pchat.server.launch.PoolComponent;
import org.pchat.server.pool.MemberKind;
import org.pchat.server.pool.NodeStatus;
import org.pchat.server.pool.PoolMessage;
import org.pchat.server.pool.PoolObserver;
import org.pchat.server.store.PoolNodeRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code pchat pool status|promote|demote|drain}: administration of a running pool over its channel (TCP 8011),
 * after Get-CsPersistentChatState and Set-CsPersistentChatState. The command joins the pool for its run as a
 * member that serves no users; it finds the pool through {@code pool.seeds} and the {@code pool_nodes} table.
 */
@Command(name = "pool", mixinStandardHelpOptions = true,
        description = "The pool's nodes: status, and promote/demote/drain one of them.",
        subcommands = {PoolCommand.Status.class, PoolCommand.Promote.class, PoolCommand.Demote.class,
            PoolCommand.Drain.class})
public final class PoolCommand {

    /** How long the command waits for the nodes to tell their state. */
    static final Duration SETTLE = Duration.ofSeconds(5);
    /** How long a node has to answer a command. */
    static final Duration ANSWER = Duration.ofSeconds(15);

    private PoolCommand() {
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Members, roles, whether each takes sessions, and session counts.")
    static final class Status extends AdminCommand {
        @Override
        protected void execute(CliContext context, PchatConfig config, PrintWriter out) {
            try (PoolObserver pool = join(config)) {
                List<NodeStatus> nodes = pool.nodes();
                out.println("pool " + PoolComponent.cluster(config) + ": " + nodes.size() + " node(s), "
                        + nodes.stream().filter(NodeStatus::serving).count() + " taking sessions");
                TextTable table = new TextTable("node", "role", "configured", "state", "sessions", "sip", "http");
                for (NodeStatus node : nodes) {
                    table.row(node.nodeId(), lower(node.role()), lower(node.configured()), state(node),
                            node.sessions(), node.host() + ":" + node.sipPort(),
                            node.httpPort() == 0 ? "off" : Integer.toString(node.httpPort()));
                }
                table.print(out);
            }
        }
    }

    @Command(name = "promote", mixinStandardHelpOptions = true,
            description = "Make a standby node active, or let a drained node take sessions again.")
    static final class Promote extends NodeCommand {
        Promote() {
            super(PoolMessage.Action.PROMOTE);
        }
    }

    @Command(name = "demote", mixinStandardHelpOptions = true,
            description = "Make an active node standby; its users sign in again on the other nodes.")
    static final class Demote extends NodeCommand {
        Demote() {
            super(PoolMessage.Action.DEMOTE);
        }
    }

    @Command(name = "drain", mixinStandardHelpOptions = true,
            description = "Stop a node taking sessions and move its users to the other nodes.")
    static final class Drain extends NodeCommand {
        Drain() {
            super(PoolMessage.Action.DRAIN);
        }
    }

    /** A command for one node, named by its {@code node.id}. */
    abstract static class NodeCommand extends AdminCommand {
        private final PoolMessage.Action action;

        @Parameters(index = "0", paramLabel = "NODE", description = "The node's id (node.id).")
        private String node;

        NodeCommand(PoolMessage.Action action) {
            this.action = action;
        }

        @Override
        protected void execute(CliContext context, PchatConfig config, PrintWriter out) {
            try (PoolObserver pool = join(config)) {
                PoolMessage.Answer answer;
                try {
                    answer = pool.command(node, action, ANSWER);
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                } catch (IllegalStateException e) {
                    throw new UnavailableException(e.getMessage());
                }
                if (!answer.ok()) {
                    throw new UnavailableException(answer.text());
                }
                out.println(answer.text());
            }
        }
    }

    /** Joins the pool and waits until every member told its state (or {@link #SETTLE} passed). */
    static PoolObserver join(PchatConfig config) {
        PoolObserver.Settings settings;
        try (Databases databases = AdminSession.openDatabases(config)) {
            settings = PoolComponent.observerSettings(config, new PoolNodeRepository(databases.content()),
                    Clock.systemUTC());
        }
        if (settings.initialHosts().isEmpty()) {
            throw new UsageException("no pool node known: set pool.seeds=host:port or start a node that registers "
                    + "in pool_nodes");
        }
        PoolObserver pool = new PoolObserver(config.node().nodeId() + "-admin-" + ProcessHandle.current().pid(),
                MemberKind.ADMIN, settings, nodes -> { });
        try {
            pool.start();
            long deadline = System.nanoTime() + SETTLE.toNanos();
            while (System.nanoTime() < deadline && (pool.nodes().isEmpty()
                    || pool.members().size() < pool.viewSize() - 1)) {
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            pool.close();
            throw new UnavailableException("cannot join pool " + settings.cluster() + " at "
                    + settings.initialHosts() + ": " + e.getMessage());
        }
        if (pool.nodes().isEmpty()) {
            pool.close();
            throw new UnavailableException("no chat node of pool " + settings.cluster() + " answered at "
                    + settings.initialHosts());
        }
        return pool;
    }

    private static String state(NodeStatus node) {
        if (node.draining()) {
            return "draining";
        }
        return node.serving() ? "serving" : "waiting";
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
