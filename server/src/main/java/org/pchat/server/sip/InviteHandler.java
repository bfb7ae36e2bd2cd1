package org.pchat.server.sip;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.IntSupplier;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import org.pchat.server.domain.DirectoryException;
import org.pchat.server.domain.UserUris;
import org.pchat.sip.DialogHandle;
import org.pchat.sip.IncomingRequest;
import org.pchat.sip.SipEndpointException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a new INVITE (xccos.md §2.1, §11): to one of the node's chat URIs (Request-URI or To) it opens a
 * channel session for the From user and answers 200 with an SDP echo (the endpoint adds Contact and
 * Session-Expires); to any other URI 404; a From that is not a user URI 403.
 */
final class InviteHandler {

    private static final Logger LOG = LoggerFactory.getLogger(InviteHandler.class);

    private final SipChatConfig config;
    private final SipSessions sessions;
    private final BiFunction<DialogHandle, String, SipSession> sessionFactory;
    private final IntSupplier port;

    InviteHandler(SipChatConfig config, SipSessions sessions, BiFunction<DialogHandle, String, SipSession> factory,
                  IntSupplier port) {
        this.config = config;
        this.sessions = sessions;
        this.sessionFactory = factory;
        this.port = port;
    }

    void onInvite(IncomingRequest in) {
        Request request = in.request();
        Optional<String> target = chatTarget(request);
        if (target.isEmpty()) {
            String uri = request.getRequestURI().toString();
            LOG.info("{} - INVITE to {} answered 404 (not a chat URI of this node): call-id={} peer={}",
                    config.nodeId(), uri, in.callId(), in.flow());
            in.respond(404, SipReasons.of("Not Found", "no chat service at " + uri));
            return;
        }
        Optional<String> user = user(request);
        if (user.isEmpty()) {
            LOG.info("{} - INVITE from {} answered 403 (not a user URI): call-id={} peer={}", config.nodeId(),
                    request.getHeader(FromHeader.NAME), in.callId(), in.flow());
            in.respond(403, "Forbidden: From is not a sip:user@domain URI");
            return;
        }
        DialogHandle dialog = in.dialog().orElseThrow(() -> new IllegalStateException("INVITE without dialog"));
        SipSession session = sessionFactory.apply(dialog, user.get());
        sessions.add(session);
        try {
            in.respond(200, null, List.of(), SdpAnswer.CONTENT_TYPE,
                    SdpAnswer.answer(in.body(), config.advertisedHost(), port.getAsInt()));
        } catch (SipEndpointException e) {
            sessions.remove(session.id());
            LOG.warn("{} - 200 to INVITE of {} not sent: {}; call-id={} peer={}", config.nodeId(), user.get(),
                    e.getMessage(), in.callId(), in.flow());
            return;
        }
        LOG.info("{} - channel session of {} opened on {}: call-id={} peer={}", config.nodeId(), user.get(),
                target.get(), in.callId(), in.flow());
    }

    /** Answers a re-INVITE in a live session (a refresh) with 200 and the same SDP answer. */
    void onReInvite(IncomingRequest in) {
        in.respond(200, null, List.of(), SdpAnswer.CONTENT_TYPE,
                SdpAnswer.answer(in.body(), config.advertisedHost(), port.getAsInt()));
    }

    private Optional<String> chatTarget(Request request) {
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        for (URI uri : new URI[] {request.getRequestURI(), to == null ? null : to.getAddress().getURI()}) {
            Optional<String> key = userAtHost(uri);
            if (key.isPresent() && config.chatUris().contains(key.get())) {
                return key;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> user(Request request) {
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        Optional<String> uri = userAtHost(from == null ? null : from.getAddress().getURI());
        if (uri.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UserUris.normalize(uri.get()));
        } catch (DirectoryException e) {
            return Optional.empty();
        }
    }

    /** {@code sip:user@host} of a SIP URI with a user part, lower-case. */
    private static Optional<String> userAtHost(URI uri) {
        if (!(uri instanceof SipURI sip) || sip.getUser() == null || sip.getHost() == null) {
            return Optional.empty();
        }
        return Optional.of(("sip:" + sip.getUser() + "@" + sip.getHost()).toLowerCase(Locale.ROOT));
    }
}
