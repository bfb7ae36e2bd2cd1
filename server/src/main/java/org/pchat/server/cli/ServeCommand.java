package org.pchat.server.cli;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import org.pchat.server.config.PchatConfig;
import org.pchat.server.launch.StandardLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code pchat serve}: runs the Standard topology in this process until it is stopped (SIGTERM or
 * Ctrl-C), then shuts down gracefully in reverse start order.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the server (Standard topology: everything in one process) until stopped.",
            "With no config: data in ./data, default ports, demo category and room on first start."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private GlobalOptions global = new GlobalOptions();

    @Override
    public Integer call() throws InterruptedException {
        return serve(((PchatCommand) spec.root().userObject()).context(global));
    }

    /** Starts, blocks until the shutdown hook has stopped everything, returns the exit code. */
    int serve(CliContext context) throws InterruptedException {
        context.environment().logLevels().forServer(context.verbose());
        PchatConfig config = context.loadConfig();
        StandardLauncher launcher = new StandardLauncher(config, Clock.systemUTC(), System::nanoTime);
        CountDownLatch stopped = new CountDownLatch(1);
        context.environment().shutdownHooks().register("pchat-shutdown", () -> {
            launcher.stop();
            stopped.countDown();
        });
        launcher.start(processStart());
        stopped.await();
        return ExitCodes.OK;
    }

    /** When the JVM started (millisecond precision, unlike the process start time Linux reports). */
    private static Instant processStart() {
        return Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    }
}
