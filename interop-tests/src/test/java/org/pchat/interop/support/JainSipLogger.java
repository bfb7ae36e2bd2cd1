package org.pchat.interop.support;

import gov.nist.core.StackLogger;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAIN-SIP's internal log for the test UAs, delivered to SLF4J (its default writer needs log4j 1.x, which the
 * build bans). Set through {@code gov.nist.javax.sip.STACK_LOGGER}; JAIN-SIP creates it reflectively. Its INFO
 * and DEBUG chatter goes to debug, its warnings (mostly TLS defaults a TCP-only client never uses) to info,
 * its errors to warn.
 */
public final class JainSipLogger implements StackLogger {
    private static final Logger LOG = LoggerFactory.getLogger("org.pchat.interop.jainsip");

    private volatile String stackName = "jain-sip";
    private volatile boolean enabled = true;

    @Override
    public void logStackTrace() {
        logStackTrace(TRACE_DEBUG);
    }

    @Override
    public void logStackTrace(int traceLevel) {
        if (enabled && LOG.isTraceEnabled()) {
            LOG.trace("{} - stack trace requested", stackName, new Throwable("stack trace requested by jain-sip"));
        }
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void logException(Throwable ex) {
        if (enabled) {
            LOG.warn("{} - jain-sip exception: {}", stackName, ex.toString(), ex);
        }
    }

    @Override
    public void logDebug(String message) {
        if (enabled) {
            LOG.debug("{} - {}", stackName, message);
        }
    }

    @Override
    public void logDebug(String message, Exception ex) {
        if (enabled) {
            LOG.debug("{} - {}", stackName, message, ex);
        }
    }

    @Override
    public void logTrace(String message) {
        if (enabled) {
            LOG.trace("{} - {}", stackName, message);
        }
    }

    @Override
    public void logFatalError(String message) {
        if (enabled) {
            LOG.error("{} - jain-sip fatal: {}", stackName, message);
        }
    }

    @Override
    public void logError(String message) {
        if (enabled) {
            LOG.warn("{} - {}", stackName, message);
        }
    }

    @Override
    public void logError(String message, Exception ex) {
        if (enabled) {
            LOG.warn("{} - {}", stackName, message, ex);
        }
    }

    @Override
    public void logWarning(String message) {
        if (enabled) {
            LOG.info("{} - {}", stackName, message);
        }
    }

    @Override
    public void logInfo(String message) {
        if (enabled) {
            LOG.debug("{} - {}", stackName, message);
        }
    }

    @Override
    public boolean isLoggingEnabled() {
        return enabled;
    }

    @Override
    public boolean isLoggingEnabled(int logLevel) {
        if (!enabled || logLevel <= TRACE_NONE) {
            return false;
        }
        if (logLevel <= TRACE_ERROR) {
            return LOG.isWarnEnabled();
        }
        if (logLevel <= TRACE_WARN) {
            return LOG.isInfoEnabled();
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
        LOG.debug("{} - jain-sip build {}", stackName, buildTimeStamp);
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        stackName = stackProperties.getProperty("javax.sip.STACK_NAME", stackName);
    }

    @Override
    public String getLoggerName() {
        return LOG.getName();
    }
}
