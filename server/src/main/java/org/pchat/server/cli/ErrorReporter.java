package org.pchat.server.cli;

import java.io.PrintWriter;
import org.pchat.server.config.ConfigException;
import org.pchat.server.domain.DirectoryException;
import org.pchat.server.launch.LaunchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one {@code error: …} line on stderr and an exit code: 1 for a refused
 * request (room model rules, start-up failures), 2 for a wrong command line or configuration.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorReporter.class);

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String help = "see '" + command.getCommandSpec().qualifiedName() + " --help'";
        print(command.getErr(), e.getMessage() + " (" + help + ")");
        return ExitCodes.USAGE_ERROR;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        String name = command.getCommandSpec().qualifiedName();
        if (e instanceof DirectoryException || e instanceof LaunchException || e instanceof UnavailableException) {
            LOG.debug("{} refused: {}", name, e.getMessage(), e);
            print(command.getErr(), e.getMessage());
            return ExitCodes.DOMAIN_ERROR;
        }
        if (e instanceof ConfigException || e instanceof UsageException) {
            LOG.debug("{} refused: {}", name, e.getMessage(), e);
            print(command.getErr(), e.getMessage());
            return ExitCodes.USAGE_ERROR;
        }
        LOG.debug("{} failed", name, e);
        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        print(command.getErr(), message + " (" + e.getClass().getSimpleName() + "; run with --verbose for details)");
        return ExitCodes.DOMAIN_ERROR;
    }

    private static void print(PrintWriter err, String message) {
        err.println("error: " + message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip());
        err.flush();
    }
}
