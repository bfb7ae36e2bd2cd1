package org.pchat.server.sip;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import org.pchat.sip.IncomingRequest;
import org.pchat.xccos.codec.XccosDecoder;
import org.pchat.xccos.codec.XccosException;
import org.pchat.xccos.model.XccosEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers an in-dialog INFO (xccos.md §2.2) on the stack thread: transport-level problems are found before the
 * 200 by decoding on the spot (bounded by the codec limits, no database): wrong Content-Type 415 (with
 * {@code Accept: text/plain}), body over the limit 413, malformed or hostile XML 400 with a reason naming the
 * problem, a dialog without session 481. Everything else is queued to the command handler (non-blocking) and
 * then answered 200; the XCCOS reply travels in a new INFO.
 */
final class InfoHandler {

    private static final Logger LOG = LoggerFactory.getLogger(InfoHandler.class);
    static final String TEXT_PLAIN = "text/plain";

    private final SipChatConfig config;
    private final SipSessions sessions;
    private final XccosDecoder decoder;
    private final XccosCommandHandler commands;
    private final HeaderFactory headers;
    private final Clock clock;

    InfoHandler(SipChatConfig config, SipSessions sessions, XccosCommandHandler commands, HeaderFactory headers,
                Clock clock) {
        this.config = config;
        this.sessions = sessions;
        this.decoder = new XccosDecoder(config.xccosLimits());
        this.commands = commands;
        this.headers = headers;
        this.clock = clock;
    }

    void onInfo(IncomingRequest in) {
        Instant receivedAt = clock.instant();
        Optional<SipSession> found = in.dialog().flatMap(d -> sessions.get(d.id()));
        if (found.isEmpty() || found.get().isEnded()) {
            LOG.info("{} - INFO outside a live channel session answered 481: call-id={} peer={}", config.nodeId(),
                    in.callId(), in.flow());
            in.respond(481, "Call/Transaction Does Not Exist");
            return;
        }
        SipSession session = found.get();
        byte[] body = in.body();
        Optional<String> type = in.contentType().map(t -> t.toLowerCase(Locale.ROOT));
        if (body.length == 0 && type.isEmpty()) {
            in.respond(200);
            return;
        }
        if (type.isEmpty() || !type.get().equals(TEXT_PLAIN)) {
            LOG.info("{} - INFO of {} with Content-Type {} answered 415: call-id={}", config.nodeId(),
                    session.userUri(), type.orElse("none"), in.callId());
            unsupported(in, "Content-Type " + type.orElse("missing") + ", XCCOS travels as text/plain");
            return;
        }
        XccosEnvelope envelope;
        try {
            envelope = decoder.decode(body);
        } catch (XccosException e) {
            reject(in, session, e);
            return;
        }
        // The 200 goes out before any XCCOS reply can (clients such as sipp expect that order), and the
        // commands reach their lanes before the next INFO of the dialog can: a client sends it only after this
        // 200, and it may arrive on another stack thread, which waits here for the session until this INFO's
        // commands are queued. Queueing never blocks, so the wait is short.
        synchronized (session) {
            in.respond(200);
            commands.onEnvelope(session, envelope, receivedAt);
        }
    }

    private void reject(IncomingRequest in, SipSession session, XccosException e) {
        LOG.info("{} - INFO of {} rejected ({}): {}; call-id={}", config.nodeId(), session.userUri(), e.kind(),
                e.getMessage(), in.callId());
        switch (e.kind()) {
            case SYNTAX -> in.respond(400, SipReasons.of("Bad Request: malformed XCCOS XML", e.getMessage()));
            case FORBIDDEN_CONSTRUCT -> in.respond(400, SipReasons.of("Bad Request: forbidden XML construct",
                    e.getMessage()));
            case FORMAT -> in.respond(400, SipReasons.of("Bad Request", e.getMessage()));
            case LIMIT_EXCEEDED -> in.respond(413, SipReasons.of("Request Entity Too Large", e.getMessage()));
            case NOT_XCCOS -> unsupported(in, e.getMessage());
        }
    }

    private void unsupported(IncomingRequest in, String detail) {
        List<Header> accept;
        try {
            accept = List.of(headers.createAcceptHeader("text", "plain"));
        } catch (ParseException e) {
            throw new IllegalStateException("cannot build Accept: text/plain", e);
        }
        in.respond(415, SipReasons.of("Unsupported Media Type", detail), accept, null, null);
    }
}
