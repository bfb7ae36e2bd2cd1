package org.pchat.server.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.pchat.server.config.PchatConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the admin commands: quiet logging, configuration loaded and validated before anything is
 * opened, output to the command's stdout. Failures propagate to {@link ErrorReporter}.
 */
abstract class AdminCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private GlobalOptions global = new GlobalOptions();

    @Override
    public final Integer call() throws Exception {
        CliContext context = ((PchatCommand) spec.root().userObject()).context(global);
        context.environment().logLevels().forAdminCommand(context.verbose());
        PchatConfig config = context.loadConfig();
        PrintWriter out = spec.commandLine().getOut();
        execute(context, config, out);
        out.flush();
        return ExitCodes.OK;
    }

    /** Does the work; throws to report a one-line error. */
    protected abstract void execute(CliContext context, PchatConfig config, PrintWriter out) throws Exception;
}
