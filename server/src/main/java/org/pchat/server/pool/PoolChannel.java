package org.pchat.server.pool;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jgroups.Address;
import org.jgroups.BytesMessage;
import org.jgroups.JChannel;
import org.jgroups.MergeView;
import org.jgroups.Message;
import org.jgroups.Receiver;
import org.jgroups.View;
import org.jgroups.protocols.FD_ALL3;
import org.jgroups.protocols.FRAG4;
import org.jgroups.protocols.MERGE3;
import org.jgroups.protocols.MFC;
import org.jgroups.protocols.TCP;
import org.jgroups.protocols.TCPPING;
import org.jgroups.protocols.UFC;
import org.jgroups.protocols.UNICAST3;
import org.jgroups.protocols.VERIFY_SUSPECT2;
import org.jgroups.protocols.pbcast.GMS;
import org.jgroups.protocols.pbcast.NAKACK2;
import org.jgroups.protocols.pbcast.STABLE;
import org.jgroups.stack.IpAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One member's connection to the pool channel: JGroups over TCP only (one port, 8011 by default: discovery from a
 * static host list, heartbeat failure detection, reliable FIFO delivery per sender, merge after partitions), with
 * {@link PoolMessage}s as payload. The listener is called on JGroups' threads and must not block.
 */
public final class PoolChannel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PoolChannel.class);

    /** What the channel hands its owner. */
    public interface Listener {
        /** A message from another member. */
        void received(Address from, PoolMessage message);

        /**
         * A new membership view.
         *
         * @param merged whether it came from merging partitions (members may have missed each other's messages)
         */
        void viewChanged(View view, boolean merged);
    }

    private final String name;
    private final String cluster;
    private final PoolCodec codec = new PoolCodec();
    private final JChannel channel;

    /**
     * @param name           this member's name in views and logs
     * @param cluster        the pool's name; members of other pools on the same hosts are not seen
     * @param bindAddress    the address to bind
     * @param port           the TCP port (0: any free port)
     * @param initialHosts   where other members may be ({@code host:port}), for discovery
     * @param failureTimeout how long a silent member is suspected before it is removed
     * @throws IllegalStateException when the JGroups stack cannot be built
     */
    public PoolChannel(String name, String cluster, String bindAddress, int port, List<InetSocketAddress> initialHosts,
                       Duration failureTimeout, Listener listener) {
        this.name = Objects.requireNonNull(name, "name");
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(listener, "listener");
        long timeout = failureTimeout.toMillis();
        try {
            InetAddress bind = InetAddress.getByName(bindAddress);
            TCP tcp = new TCP().setBindAddress(bind).setBindPort(port == 0 ? freePort(bind) : port).setPortRange(0);
            TCPPING ping = new TCPPING().setInitialHosts(initialHosts).setPortRange(0);
            this.channel = new JChannel(tcp, ping,
                    new MERGE3().setMinInterval(1_000).setMaxInterval(3_000),
                    new FD_ALL3().setTimeout(timeout).setInterval(Math.max(250, timeout / 3)),
                    new VERIFY_SUSPECT2().setTimeout(Math.max(500, timeout / 3)),
                    new NAKACK2(), new UNICAST3(), new STABLE(),
                    new GMS().setJoinTimeout(1_000).printLocalAddress(false),
                    new UFC(), new MFC(), new FRAG4());
        } catch (UnknownHostException e) {
            throw new IllegalStateException(name + " - pool bind address " + bindAddress + " does not resolve", e);
        } catch (Exception e) {
            throw new IllegalStateException(name + " - cannot build the pool channel: " + e.getMessage(), e);
        }
        channel.name(name);
        channel.setDiscardOwnMessages(true);
        channel.setReceiver(new Receiver() {
            @Override
            public void receive(Message message) {
                PoolMessage decoded;
                try {
                    decoded = codec.decode(message.getArray());
                } catch (IllegalArgumentException e) {
                    LOG.warn("{} - pool frame from {} refused: {}", name, message.getSrc(), e.getMessage());
                    return;
                }
                try {
                    listener.received(message.getSrc(), decoded);
                } catch (RuntimeException e) {
                    LOG.error("{} - handling {} from {} failed: {}", name, decoded.getClass().getSimpleName(),
                            message.getSrc(), e.toString(), e);
                }
            }

            @Override
            public void viewAccepted(View view) {
                LOG.info("{} - pool view {}{}", name, view, view instanceof MergeView ? " (merged)" : "");
                try {
                    listener.viewChanged(view, view instanceof MergeView);
                } catch (RuntimeException e) {
                    LOG.error("{} - handling view {} failed: {}", name, view.getViewId(), e.toString(), e);
                }
            }
        });
    }

    /** A free port for a member that may bind any (JGroups needs a fixed one when discovery is static). */
    private static int freePort(InetAddress bind) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, bind)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Joins the pool (or founds it when nobody answers).
     *
     * @throws IllegalStateException when the port cannot be bound or the join fails
     */
    public void connect() {
        try {
            channel.connect(cluster);
        } catch (Exception e) {
            throw new IllegalStateException(name + " - cannot join pool " + cluster + ": " + e.getMessage(), e);
        }
    }

    /** Sends to every other member. */
    public void broadcast(PoolMessage message) {
        send(null, message);
    }

    /** Sends to one member ({@code null}: every other member); failures are logged, never thrown. */
    public void send(Address to, PoolMessage message) {
        if (!channel.isConnected()) {
            return;
        }
        try {
            channel.send(new BytesMessage(to, codec.encode(message)));
        } catch (Exception e) {
            LOG.warn("{} - {} to {} not sent: {}", name, message.getClass().getSimpleName(),
                    to == null ? "the pool" : to, e.toString());
        }
    }

    /** This member's address (null before connect). */
    public Address address() {
        return channel.getAddress();
    }

    /** The current view's members, coordinator first. */
    public List<Address> members() {
        View view = channel.getView();
        return view == null ? List.of() : view.getMembers();
    }

    /** The TCP port bound. */
    public int port() {
        Object physical = channel.getProtocolStack().getTransport().localPhysicalAddress();
        return physical instanceof IpAddress ip ? ip.getPort() : 0;
    }

    /** The JGroups channel (tests insert protocols to cut the network). */
    JChannel jgroups() {
        return channel;
    }

    @Override
    public void close() {
        channel.close();
    }
}
