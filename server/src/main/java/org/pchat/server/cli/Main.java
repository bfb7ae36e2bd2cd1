package org.pchat.server.cli;

import picocli.CommandLine;

/** Entry point of {@code pchat.jar}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // before any jOOQ class loads: no banner, no tips on the console
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        int exitCode = commandLine(CliEnvironment.system()).execute(args);
        System.exit(exitCode);
    }

    /** The {@code pchat} command line wired to an environment; tests call this with their own. */
    public static CommandLine commandLine(CliEnvironment environment) {
        CommandLine commandLine = new CommandLine(new PchatCommand(environment));
        ErrorReporter errors = new ErrorReporter();
        commandLine.setExecutionExceptionHandler(errors);
        commandLine.setParameterExceptionHandler(errors);
        return commandLine;
    }
}
