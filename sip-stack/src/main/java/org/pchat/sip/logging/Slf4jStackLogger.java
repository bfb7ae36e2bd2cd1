package org.pchat.sip.logging;

import gov.nist.core.StackLogger;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAIN-SIP's internal log, delivered to SLF4J. Set through {@code gov.nist.javax.sip.STACK_LOGGER}; the RI
 * creates it with the no-argument constructor and (quirk) keeps the last one created in a JVM-wide static,
 * {@code CommonLogger.legacyLogger}, for all stacks, so this class holds no per-stack state.
 *
 * <p>Levels: JAIN-SIP's FATAL and ERROR map to error, WARN to warn, its chatty INFO and DEBUG to debug, TRACE
 * to trace. Message traces ({@code TRACE_MESSAGES} = INFO) are therefore on when debug is.
 *
 * <p>The RI puts whole SIP messages (bodies included) into some error texts, e.g. for malformed input a peer
 * sent; at error and warn only the first line is kept, the full text goes to debug.
 */
public final class Slf4jStackLogger implements StackLogger {

    private static final Logger LOG = LoggerFactory.getLogger(Slf4jStackLogger.class);

    /** Longest first line kept at error/warn. */
    static final int MAX_SUMMARY = 200;

    private volatile boolean enabled = true;

    /** First line of a (possibly multi-line) text, capped, with a note of what was cut. */
    static String summary(String message) {
        if (message == null) {
            return "null";
        }
        int newline = message.indexOf('\n');
        int end = Math.min(newline < 0 ? message.length() : newline, MAX_SUMMARY);
        String first = message.substring(0, end).stripTrailing();
        int cut = message.length() - end;
        return cut > 0 ? first + " [+" + cut + " chars at debug]" : first;
    }

    private static void debugFull(String message) {
        if (message != null && (message.length() > MAX_SUMMARY || message.indexOf('\n') >= 0)) {
            LOG.debug("full text: {}", message);
        }
    }

    @Override
    public void logStackTrace() {
        logStackTrace(TRACE_DEBUG);
    }

    @Override
    public void logStackTrace(int traceLevel) {
        if (isLoggingEnabled(traceLevel)) {
            LOG.debug("jain-sip stack trace of thread {}", Thread.currentThread().getName(),
                    new Throwable("stack trace requested by jain-sip"));
        }
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void logException(Throwable ex) {
        if (enabled) {
            LOG.error("jain-sip exception: {}", summary(ex.toString()));
            LOG.debug("jain-sip exception", ex);
        }
    }

    @Override
    public void logDebug(String message) {
        if (enabled) {
            LOG.debug("{}", message);
        }
    }

    @Override
    public void logDebug(String message, Exception ex) {
        if (enabled) {
            LOG.debug("{}", message, ex);
        }
    }

    @Override
    public void logTrace(String message) {
        if (enabled) {
            LOG.trace("{}", message);
        }
    }

    @Override
    public void logFatalError(String message) {
        if (enabled) {
            LOG.error("jain-sip fatal: {}", summary(message));
            debugFull(message);
        }
    }

    @Override
    public void logError(String message) {
        if (enabled) {
            LOG.error("{}", summary(message));
            debugFull(message);
        }
    }

    @Override
    public void logError(String message, Exception ex) {
        if (enabled) {
            LOG.error("{}: {}", summary(message), ex == null ? "" : summary(ex.toString()));
            LOG.debug("{}", message, ex);
        }
    }

    @Override
    public void logWarning(String message) {
        if (enabled) {
            LOG.warn("{}", summary(message));
            debugFull(message);
        }
    }

    @Override
    public void logInfo(String message) {
        if (enabled) {
            LOG.debug("{}", message);
        }
    }

    @Override
    public boolean isLoggingEnabled() {
        return enabled && LOG.isErrorEnabled();
    }

    @Override
    public boolean isLoggingEnabled(int logLevel) {
        if (!enabled) {
            return false;
        }
        if (logLevel <= TRACE_NONE) {
            return false;
        }
        if (logLevel <= TRACE_ERROR) {
            return LOG.isErrorEnabled();
        }
        if (logLevel <= TRACE_WARN) {
            return LOG.isWarnEnabled();
        }
        if (logLevel <= TRACE_DEBUG) {
            return LOG.isDebugEnabled();
        }
        return LOG.isTraceEnabled();
    }

    @Override
    public void disableLogging() {
        enabled = false;
    }

    @Override
    public void enableLogging() {
        enabled = true;
    }

    @Override
    public void setBuildTimeStamp(String buildTimeStamp) {
        LOG.debug("jain-sip build {}", buildTimeStamp);
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        LOG.debug("jain-sip stack logger bound to stack {}", stackProperties.getProperty("javax.sip.STACK_NAME"));
    }

    @Override
    public String getLoggerName() {
        return LOG.getName();
    }
}
