package org.pchat.sip;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPDialog;
import gov.nist.javax.sip.stack.SIPMessageValve;
import java.text.ParseException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.SipStack;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works around a JAIN-SIP RI 1.3.0-91 defect: an ACK without Via branch (RFC 2543 style, as pidgin-sipe sends
 * it, xccos.md §11) that the dialog does not consume (a retransmission, or one after the dialog ended) reaches
 * {@code SIPTransactionStack.findTransactionPendingAck}, which looks the null branch up in a
 * {@code ConcurrentHashMap} and throws NullPointerException (logged as an error with the message).
 *
 * <p>When such an ACK belongs to a dialog the stack knows, it is given a branch that is not an RFC 3261
 * branch (no magic cookie), so the lookup finds nothing and the ACK goes on to the dialog as before. ACKs
 * without a dialog are left alone: they may be the ACK of a non-2xx response, which the RI matches to its
 * INVITE transaction by comparing the top Via (RFC 3261 §17.2.3), unless no server transaction matches them
 * either: then they are in-dialog ACKs passing through a proxy (raw mode, no dialog state), and get the same
 * synthetic branch so that the RI delivers them instead of failing. Set through
 * {@code gov.nist.javax.sip.SIP_MESSAGE_VALVE}; the RI creates it with the no-argument constructor.
 */
public final class BranchlessAckValve implements SIPMessageValve {

    private static final Logger LOG = LoggerFactory.getLogger(BranchlessAckValve.class);
    /** Not z9hG4bK: the RI keeps treating the request as RFC 2543 style. A proxy removes it before forwarding. */
    public static final String SYNTHETIC_BRANCH_PREFIX = "pchat-rfc2543-ack-";

    private final AtomicLong counter = new AtomicLong();
    private volatile SipStackImpl stack;

    @Override
    public boolean processRequest(SIPRequest request, MessageChannel channel) {
        SipStackImpl current = stack;
        if (current == null || !Request.ACK.equals(request.getMethod())) {
            return true;
        }
        ViaHeader via = request.getTopmostVia();
        if (via == null || via.getBranch() != null) {
            return true;
        }
        SIPDialog dialog = current.getDialog(request.getDialogId(true));
        if (dialog != null || current.findTransaction(request, true) == null) {
            try {
                via.setBranch(SYNTHETIC_BRANCH_PREFIX + counter.incrementAndGet());
            } catch (ParseException e) {
                LOG.warn("branch-less ACK left as is: call-id={} peer={}: {}", request.getCallId().getCallId(),
                        channel.getPeerAddress() + ":" + channel.getPeerPort(), e.toString());
            }
        }
        return true;
    }

    @Override
    public boolean processResponse(Response response, MessageChannel channel) {
        return true;
    }

    @Override
    public void init(SipStack sipStack) {
        this.stack = (SipStackImpl) sipStack;
    }

    @Override
    public void destroy() {
        this.stack = null;
    }
}
