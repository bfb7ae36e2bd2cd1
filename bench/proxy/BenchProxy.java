import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.pchat.proxy.NextHopProxy;
import org.pchat.proxy.ProxyConfig;
import org.pchat.proxy.pool.PoolNodeAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The next-hop proxy alone, for the benchmark: domain example.com on 127.0.0.1, loopback trusted (no digest
 * challenge, like the Kamailio it is compared with), optionally routing the chat URI to one node.
 * Arguments: port [nodePort]; -Dbench.threads=N sets the stack threads (default 4). Runs until killed.
 */
public final class BenchProxy {

    private static final Logger LOG = LoggerFactory.getLogger(BenchProxy.class);

    private BenchProxy() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        List<PoolNodeAddress> nodes = new ArrayList<>();
        if (args.length > 1) {
            nodes.add(PoolNodeAddress.parse("127.0.0.1:" + args[1]));
        }
        ProxyConfig config = ProxyConfig.builder("bench-proxy", "example.com")
                .bindAddress("127.0.0.1").port(port).nodes(nodes)
                .trustedPeers(List.of("127.0.0.1"))
                .healthCheckInterval(Duration.ofSeconds(2))
                .forwardLanes(4, 100_000)
                .stackThreads(Integer.getInteger("bench.threads", 4))
                .build();
        NextHopProxy proxy = new NextHopProxy(config, (username, realm) -> Optional.empty(), Clock.systemUTC());
        proxy.start();
        LOG.warn("bench proxy ready on 127.0.0.1:{} (UDP and TCP), nodes {}", port, nodes);
        new CountDownLatch(1).await();
    }
}
