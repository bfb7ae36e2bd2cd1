package org.pchat.server.cli;

import ch.qos.logback.classic.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Log verbosity per command: admin commands print only warnings (their output is the table or the
 * error line), {@code serve} logs at info; {@code --verbose} adds debug for the project's loggers.
 * Part of {@link CliEnvironment} so in-process tests leave the shared logging setup alone.
 */
public interface LogLevels {

    /** Before an admin command runs. */
    void forAdminCommand(boolean verbose);

    /** Before {@code serve} starts. */
    void forServer(boolean verbose);

    /** Sets the logback levels of the root and {@code org.pchat} loggers. */
    static LogLevels logback() {
        return new LogLevels() {
            @Override
            public void forAdminCommand(boolean verbose) {
                set(Logger.ROOT_LOGGER_NAME, verbose ? Level.INFO : Level.WARN);
                set("org.pchat", verbose ? Level.DEBUG : Level.WARN);
            }

            @Override
            public void forServer(boolean verbose) {
                set(Logger.ROOT_LOGGER_NAME, Level.INFO);
                set("org.pchat", verbose ? Level.DEBUG : Level.INFO);
            }

            private void set(String loggerName, Level level) {
                if (LoggerFactory.getLogger(loggerName) instanceof ch.qos.logback.classic.Logger logger) {
                    logger.setLevel(level);
                }
            }
        };
    }

    /** Leaves the levels as they are. */
    static LogLevels unchanged() {
        return new LogLevels() {
            @Override
            public void forAdminCommand(boolean verbose) {
                // levels stay as configured
            }

            @Override
            public void forServer(boolean verbose) {
                // levels stay as configured
            }
        };
    }
}
