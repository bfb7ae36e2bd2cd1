package org.pchat.server.sip;

import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.pchat.server.chat.ChatService;
import org.pchat.server.chat.Participant;
import org.pchat.server.chat.RoomEvent;
import org.pchat.sip.DialogHandle;
import org.pchat.sip.TerminationReason;
import org.pchat.xccos.codec.XccosEncoder;
import org.pchat.xccos.model.XccosElement;
import org.pchat.xccos.model.XccosEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One channel session: a confirmed INVITE dialog from a user (the From URI the proxy authenticated). It is a
 * {@link Participant} of the chat core; replies, notices and room messages leave as in-dialog INFOs through a
 * bounded {@link OutboundInfoQueue}. It ends when the dialog ends (BYE, session expiry), when a server INFO
 * fails (non-2xx, timeout: the dialog is discarded, xccos.md §2.2), or when it falls too far behind (BYE).
 */
final class SipSession implements Participant {

    private static final Logger LOG = LoggerFactory.getLogger(SipSession.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String nodeId;
    private final DialogHandle dialog;
    private final String userUri;
    private final XccosViews views;
    private final ChatService chat;
    private final OutboundInfoQueue outbound;
    /** Queued INFOs from which join/part notices are skipped: half the outbound queue. */
    private final int noticeLimit;
    private final AtomicLong skippedNotices = new AtomicLong();
    private static final int NOTICE_LOG_EVERY = 1000;
    private final AtomicLong envIds = new AtomicLong(RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL);
    private final AtomicBoolean ended = new AtomicBoolean();

    SipSession(SipChatConfig config, DialogHandle dialog, String userUri, XccosViews views, XccosEncoder encoder,
               ChatService chat, InfoBacklog backlog) {
        this.nodeId = config.nodeId();
        this.dialog = Objects.requireNonNull(dialog, "dialog");
        this.userUri = Objects.requireNonNull(userUri, "userUri");
        this.views = views;
        this.chat = chat;
        this.noticeLimit = Math.max(1, config.outboundQueueLimit() / 2);
        this.outbound = new OutboundInfoQueue(body -> dialog.sendInfo(OutboundInfoQueue.CONTENT_TYPE, body),
                elements -> encoder.encodeUtf8(new XccosEnvelope(envIds.incrementAndGet(), elements)),
                config.outboundQueueLimit(), config.maxInFlight(), SipChatConfig.NOTICES_PER_INFO, backlog,
                reason -> end(reason, false));
    }

    @Override
    public String id() {
        return dialog.id();
    }

    @Override
    public String userUri() {
        return userUri;
    }

    DialogHandle dialog() {
        return dialog;
    }

    /** Sends elements in one envelope; a session that cannot queue them is ended (BYE). */
    void send(List<? extends XccosElement> elements) {
        if (!enqueue(elements, false) && !ended.get()) {
            end("outbound queue full: " + outbound.queued() + " server INFOs waiting", true);
        }
    }

    void send(XccosElement element) {
        send(List.of(element));
    }

    @Override
    public boolean deliver(RoomEvent event) {
        if (!(event instanceof RoomEvent.Posted) && outbound.queued() >= noticeLimit) {
            // join/part notices are presence, not history: under a burst (mass sign-in) they yield to posts
            // rather than overflow the queue and cost the client its session
            if (skippedNotices.getAndIncrement() % NOTICE_LOG_EVERY == 0) {
                LOG.info("{} - {} join/part notices skipped for {} so far: {} server INFOs waiting; call-id={}",
                        nodeId, skippedNotices.get(), userUri, outbound.queued(), dialog.callId());
            }
            return true;
        }
        // join/part notices may share an INFO with the notices queued before them; posts travel alone
        return enqueue(List.of(views.event(event)), !(event instanceof RoomEvent.Posted));
    }

    @Override
    public void disconnect(String reason) {
        end(reason, true);
    }

    /** The dialog ended (BYE either way, expiry, discard): leave every room. */
    void terminated(TerminationReason reason) {
        ended.set(true);
        outbound.close();
        LOG.info("{} - session of {} ended ({}): call-id={} peer={}", nodeId, userUri, reason, dialog.callId(),
                dialog.flow());
        chat.leaveAll(this, "dialog ended: " + reason);
    }

    boolean isEnded() {
        return ended.get();
    }

    private boolean enqueue(List<? extends XccosElement> elements, boolean notices) {
        return !ended.get() && outbound.offer(elements, notices);
    }

    /** Ends the session once: BYE when we end it, discard when the client already dropped the dialog. */
    private void end(String reason, boolean bye) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        outbound.close();
        LOG.warn("{} - dropping session of {}: {}; call-id={} peer={}", nodeId, userUri, reason, dialog.callId(),
                dialog.flow());
        if (bye) {
            dialog.sendBye();
        } else {
            dialog.discard();
        }
    }

    @Override
    public String toString() {
        return "SipSession[user=" + userUri + ", call-id=" + dialog.callId() + ", peer=" + dialog.flow() + "]";
    }
}
