package org.pchat.server.cli;

import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;

/**
 * {@code pchat}: the root command. Its options may also be given after a subcommand. Without a subcommand it
 * runs {@code serve}, so {@code java -jar pchat.jar} starts a Standard-topology server.
 */
@Command(name = "pchat", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Persistent group chat server: XCCOS over SIP, XMPP MUC, HTTP.",
            "Without a command, runs 'serve'."},
        subcommands = {ServeCommand.class, DbCommand.class, UserCommand.class, CategoryCommand.class,
            RoomCommand.class, MessageCommand.class, ProxyCommand.class, ComplianceCommand.class,
            SeedModelCommand.class, PoolCommand.class, HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 refused (room model rules, start-up failure), 2 usage or config error.",
            "Config precedence: --set/--data-dir > PCHAT_* environment > config file > defaults."})
public final class PchatCommand implements Callable<Integer> {

    @Mixin
    private GlobalOptions global = new GlobalOptions();

    private final CliEnvironment environment;

    /** @param environment the process environment, stdin and terminal the commands use */
    public PchatCommand(CliEnvironment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    public Integer call() throws InterruptedException {
        return new ServeCommand().serve(context(new GlobalOptions()));
    }

    /**
     * What a subcommand needs: the environment and the global options given before its name
     * combined with those given after it.
     */
    CliContext context(GlobalOptions subcommandOptions) {
        GlobalOptions options = global.then(subcommandOptions);
        return new CliContext(environment, options.configRequest(), options.verbose);
    }
}
