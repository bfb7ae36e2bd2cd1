package org.pchat.server.cli;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.pchat.proxy.pool.PoolNodeAddress;
import org.pchat.server.config.PchatConfig;
import org.pchat.server.proxy.PoolProxyLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pchat proxy --nodes host:port,...}: runs only the next-hop proxy (pool topology), routing to the given
 * chat nodes, until stopped.
 */
@Command(name = "proxy", mixinStandardHelpOptions = true,
        description = {"Run the next-hop SIP proxy of a pool (proxy.* keys) in front of the given chat nodes.",
            "Users' passwords come from the content database (database.* keys)."})
final class ProxyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private GlobalOptions global = new GlobalOptions();

    @Option(names = "--nodes", split = ",", paramLabel = "HOST:PORT",
            description = {"Chat nodes' SIP endpoints (sip.port, default 5070), comma-separated.",
                "Leave out with pool.enabled=true: the proxy then joins the pool (pool.seeds, pool_nodes) and routes",
                "to its active nodes."})
    private List<String> nodes = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        CliContext context = ((PchatCommand) spec.root().userObject()).context(global);
        context.environment().logLevels().forServer(context.verbose());
        List<PoolNodeAddress> addresses = new ArrayList<>();
        for (String node : nodes) {
            try {
                addresses.add(PoolNodeAddress.parse(node));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--nodes: " + e.getMessage());
            }
        }
        PchatConfig config = context.loadConfig();
        if (addresses.isEmpty() && !config.pool().enabled()) {
            throw new UsageException("give --nodes host:port,... or set pool.enabled=true to route to the pool's "
                    + "active nodes");
        }
        PoolProxyLauncher launcher = new PoolProxyLauncher(config, addresses, Clock.systemUTC(), System::nanoTime);
        CountDownLatch stopped = new CountDownLatch(1);
        context.environment().shutdownHooks().register("pchat-proxy-shutdown", () -> {
            launcher.stop();
            stopped.countDown();
        });
        launcher.start();
        stopped.await();
        return ExitCodes.OK;
    }
}
