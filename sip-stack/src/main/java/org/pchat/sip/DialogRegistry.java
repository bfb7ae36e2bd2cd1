package org.pchat.sip;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.Dialog;
import javax.sip.DialogState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The endpoint's live dialogs, and the one place a dialog ends (timer cancelled, application told once). */
final class DialogRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(DialogRegistry.class);

    private final Map<String, DialogHandle> dialogs = new ConcurrentHashMap<>();
    private final SessionTimer sessionTimer;
    private final SipEndpointListener listener;

    DialogRegistry(SessionTimer sessionTimer, SipEndpointListener listener) {
        this.sessionTimer = sessionTimer;
        this.listener = listener;
    }

    void add(DialogHandle handle) {
        handle.jainSipDialog().setApplicationData(handle);
        dialogs.put(handle.id(), handle);
    }

    /** The live handle of a JAIN-SIP dialog, if the endpoint knows it. */
    Optional<DialogHandle> of(Dialog dialog) {
        if (dialog == null || !(dialog.getApplicationData() instanceof DialogHandle handle)
                || handle.isTerminated()) {
            return Optional.empty();
        }
        return Optional.of(handle);
    }

    Optional<DialogHandle> byId(String id) {
        return Optional.ofNullable(dialogs.get(id));
    }

    List<DialogHandle> all() {
        return List.copyOf(dialogs.values());
    }

    /** Ends the dialog: idempotent; the application hears of it only if the dialog had been confirmed. */
    void terminate(DialogHandle handle, TerminationReason reason) {
        DialogHandle.State previous = handle.markTerminated(reason);
        if (previous == DialogHandle.State.TERMINATED) {
            return;
        }
        dialogs.remove(handle.id());
        sessionTimer.cancel(handle);
        Dialog dialog = handle.jainSipDialog();
        if (dialog.getState() != DialogState.TERMINATED
                && (reason == TerminationReason.DISCARDED || reason == TerminationReason.ENDPOINT_CLOSED
                || reason == TerminationReason.STACK || previous == DialogHandle.State.EARLY)) {
            // Without this the RI would keep matching requests to it; after it they get our 481.
            dialog.delete();
        }
        if (previous == DialogHandle.State.EARLY) {
            // an INVITE answered with an error (e.g. 503 while busy): no session was ever up
            LOG.debug("early dialog ended: call-id={} peer={} reason={}", handle.callId(), handle.flow(), reason);
        } else {
            LOG.info("dialog ended: call-id={} peer={} reason={}", handle.callId(), handle.flow(), reason);
        }
        if (previous == DialogHandle.State.CONFIRMED) {
            try {
                listener.onDialogTerminated(handle, reason);
            } catch (RuntimeException e) {
                LOG.error("onDialogTerminated failed: call-id={} peer={}: {}", handle.callId(), handle.flow(),
                        e.toString(), e);
            }
        }
    }
}
