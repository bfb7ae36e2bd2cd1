package org.pchat.server.pool;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.pchat.server.domain.PoolNode;
import org.pchat.server.store.PoolNodeRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where to look for the pool at start: the configured seeds and the nodes recently seen in {@code pool_nodes}. */
public final class PoolDiscovery {

    private static final Logger LOG = LoggerFactory.getLogger(PoolDiscovery.class);

    /** Rows in {@code pool_nodes} with a heartbeat younger than this are tried. */
    public static final Duration MAX_AGE = Duration.ofMinutes(2);

    private PoolDiscovery() {
    }

    /**
     * @param who         the member looking, for logs
     * @param seeds       {@code host:port} entries ({@code pool.seeds})
     * @param exceptNode  a node id to leave out (the member itself), or null
     */
    public static List<InetSocketAddress> initialHosts(String who, List<String> seeds, PoolNodeRepository registry,
                                                       Clock clock, String exceptNode) {
        Set<InetSocketAddress> hosts = new LinkedHashSet<>();
        for (String seed : seeds) {
            int colon = seed.lastIndexOf(':');
            String host = seed.substring(0, colon).replace("[", "").replace("]", "");
            hosts.add(new InetSocketAddress(host, Integer.parseInt(seed.substring(colon + 1))));
        }
        try {
            for (PoolNode node : registry.seenSince(clock.instant().minus(MAX_AGE))) {
                if (!node.nodeId().equals(exceptNode)) {
                    hosts.add(new InetSocketAddress(node.host(), node.poolPort()));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("{} - cannot read pool_nodes for discovery: {}", who, e.toString());
        }
        return new ArrayList<>(hosts);
    }
}
