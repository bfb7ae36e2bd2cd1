package org.pchat.server.pool;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jgroups.Address;
import org.jgroups.View;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pool member that serves no users: the proxy (to learn which nodes take sessions) or an administration client
 * (to read the pool's state and send commands). It hears every chat node's status and tells its owner of each
 * change.
 */
public final class PoolObserver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PoolObserver.class);

    private final String name;
    private final PoolView<Address> view = new PoolView<>();
    private final Consumer<List<NodeStatus>> onChange;
    private final Map<String, CompletableFuture<PoolMessage.Answer>> pending = new ConcurrentHashMap<>();
    private final PoolChannel channel;
    private final NodeStatus self;

    /**
     * Where the pool is and how to join it.
     *
     * @param cluster        the pool's name
     * @param bindAddress    the address to bind
     * @param port           the TCP port to bind (0: any free port)
     * @param initialHosts   chat nodes' pool addresses to contact
     * @param failureTimeout how long a silent member is suspected before it is removed
     */
    public record Settings(String cluster, String bindAddress, int port, List<InetSocketAddress> initialHosts,
            Duration failureTimeout) {
        public Settings {
            Objects.requireNonNull(cluster, "cluster");
            Objects.requireNonNull(bindAddress, "bindAddress");
            initialHosts = List.copyOf(initialHosts);
            Objects.requireNonNull(failureTimeout, "failureTimeout");
        }
    }

    /**
     * @param onChange called with the chat nodes' statuses (view order) after every status or view change; on a
     *                 JGroups thread, must not block
     */
    public PoolObserver(String name, MemberKind kind, Settings settings, Consumer<List<NodeStatus>> onChange) {
        this.name = Objects.requireNonNull(name, "name");
        this.onChange = Objects.requireNonNull(onChange, "onChange");
        this.self = NodeStatus.observer(name, kind);
        if (kind == MemberKind.NODE) {
            throw new IllegalArgumentException(name + " - an observer is not a chat node");
        }
        this.channel = new PoolChannel(name, settings.cluster(), settings.bindAddress(), settings.port(),
                settings.initialHosts(), settings.failureTimeout(),
                new PoolChannel.Listener() {
                    @Override
                    public void received(Address from, PoolMessage message) {
                        if (message instanceof PoolMessage.Status status) {
                            view.status(from, status.status());
                            changed();
                        } else if (message instanceof PoolMessage.Answer answer) {
                            CompletableFuture<PoolMessage.Answer> waiting = pending.remove(answer.requestId());
                            if (waiting != null) {
                                waiting.complete(answer);
                            }
                        }
                    }

                    @Override
                    public void viewChanged(View newView, boolean merged) {
                        view.members(List.copyOf(newView.getMembers()));
                        channel().broadcast(new PoolMessage.Status(self));
                        changed();
                    }
                });
    }

    private PoolChannel channel() {
        return channel;
    }

    /**
     * Joins the pool.
     *
     * @throws IllegalStateException when the join fails
     */
    public void start() {
        channel.connect();
        LOG.info("{} - observing the pool", name);
    }

    /** The chat nodes' statuses as known now, in view order. */
    public List<NodeStatus> nodes() {
        return view.statuses().stream().filter(s -> s.kind() == MemberKind.NODE).toList();
    }

    /** Every member's status (proxies and admin clients too), in view order. */
    public List<NodeStatus> members() {
        return view.statuses();
    }

    /** How many members the channel's view holds. */
    public int viewSize() {
        return channel.members().size();
    }

    /**
     * Asks a node to act and waits for its answer.
     *
     * @throws IllegalArgumentException when no such node is in the pool
     * @throws IllegalStateException when it does not answer within {@code timeout}
     */
    public PoolMessage.Answer command(String nodeId, PoolMessage.Action action, Duration timeout) {
        Optional<Address> target = view.member(nodeId);
        if (target.isEmpty()) {
            throw new IllegalArgumentException("no node '" + nodeId + "' in the pool (members: "
                    + nodes().stream().map(NodeStatus::nodeId).toList() + ")");
        }
        String requestId = name + "-" + UUID.randomUUID();
        CompletableFuture<PoolMessage.Answer> answer = new CompletableFuture<>();
        pending.put(requestId, answer);
        channel.send(target.get(), new PoolMessage.Command(requestId, nodeId, action));
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("node '" + nodeId + "' did not answer " + action + " within "
                    + timeout.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(action + " to '" + nodeId + "' failed: " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for '" + nodeId + "'", e);
        } finally {
            pending.remove(requestId);
        }
    }

    private void changed() {
        try {
            onChange.accept(nodes());
        } catch (RuntimeException e) {
            LOG.error("{} - pool change handler failed: {}", name, e.toString(), e);
        }
    }

    @Override
    public void close() {
        channel.close();
    }
}
