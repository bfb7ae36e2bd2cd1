package org.pchat.sip.logging;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Properties;
import java.util.regex.Pattern;
import javax.sip.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAIN-SIP's message trace, delivered to SLF4J. Set through {@code gov.nist.javax.sip.SERVER_LOGGER}; one
 * instance per stack, so every line names the stack. At debug: direction, peer, first line, Call-ID and CSeq.
 * At trace: the headers too, with credentials masked. Bodies (chat content) are never logged.
 */
public final class Slf4jServerLogger implements ServerLogger {

    private static final Logger LOG = LoggerFactory.getLogger(Slf4jServerLogger.class);
    private static final Pattern CREDENTIALS = Pattern.compile(
            "(?im)^((?:Proxy-)?Authorization|(?:Proxy-)?Authentication-Info)\\s*:.*$");

    private volatile String stackName = "?";

    @Override
    public void closeLogFile() {
        LOG.debug("{} - message trace closed", stackName);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
        log(message, from, to, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) {
        log(message, from, to, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
        log(message, from, to, sender);
    }

    private void log(SIPMessage message, String from, String to, boolean sender) {
        if (!LOG.isDebugEnabled() || message == null) {
            return;
        }
        String arrow = sender ? "-->" : "<--";
        String peer = sender ? to : from;
        String callId = message.getCallId() == null ? "?" : message.getCallId().getCallId();
        String cseq = message.getCSeq() == null ? "?" : message.getCSeq().getSeqNumber() + " "
                + message.getCSeq().getMethod();
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} {} {} call-id={} cseq={}\n{}", stackName, arrow, peer, callId, cseq,
                    maskCredentials(message.encodeMessage(new StringBuilder()).toString()));
        } else {
            LOG.debug("{} {} {} {} call-id={} cseq={}", stackName, arrow, peer, message.getFirstLine().trim(),
                    callId, cseq);
        }
    }

    /** Replaces the value of every credential-bearing header with a mask. */
    public static String maskCredentials(String headers) {
        return CREDENTIALS.matcher(headers).replaceAll("$1: ****");
    }

    @Override
    public void logException(Exception ex) {
        LOG.error("{} - jain-sip exception: {}", stackName, ex.toString(), ex);
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        String name = stackProperties.getProperty("javax.sip.STACK_NAME");
        if (name != null) {
            stackName = name;
        }
    }

    @Override
    public void setSipStack(SipStack sipStack) {
        if (sipStack != null && sipStack.getStackName() != null) {
            stackName = sipStack.getStackName();
        }
    }
}
