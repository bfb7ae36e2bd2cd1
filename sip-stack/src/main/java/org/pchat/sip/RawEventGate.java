package org.pchat.sip;

import gov.nist.javax.sip.DialogTimeoutEvent;
import gov.nist.javax.sip.SipListenerExt;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;

/** The listener of a raw-mode endpoint: passes every stack event to the caller's listener until stopped. */
final class RawEventGate implements SipListenerExt {

    private final SipListener target;
    private volatile boolean delivering = true;

    RawEventGate(SipListener target) {
        this.target = target;
    }

    void stop() {
        delivering = false;
    }

    @Override
    public void processRequest(RequestEvent event) {
        if (delivering) {
            target.processRequest(event);
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        if (delivering) {
            target.processResponse(event);
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (delivering) {
            target.processTimeout(event);
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        if (delivering) {
            target.processIOException(event);
        }
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        if (delivering) {
            target.processTransactionTerminated(event);
        }
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        if (delivering) {
            target.processDialogTerminated(event);
        }
    }

    @Override
    public void processDialogTimeout(DialogTimeoutEvent event) {
        if (delivering && target instanceof SipListenerExt ext) {
            ext.processDialogTimeout(event);
        }
    }
}
