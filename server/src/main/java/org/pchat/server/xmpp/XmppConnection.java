package org.pchat.server.xmpp;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: the stream state machine (RFC 6120 §4, §6, §7): header and features, SASL, stream
 * restart, resource binding, then stanzas routed to the {@link StanzaRouter}. Input rule breaks end the stream
 * with a stream error (§4.9) and close only this connection.
 */
final class XmppConnection extends ChannelInboundHandlerAdapter implements XmppSession {

    private static final Logger LOG = LoggerFactory.getLogger(XmppConnection.class);

    private enum Phase { AWAIT_HEADER, AUTHENTICATING, AWAIT_RESTART, BINDING, READY, CLOSED }

    private final XmppEndpointConfig config;
    private final XmppCredentials credentials;
    private final Optional<XmppTls> tls;
    private final StanzaRouter router;
    private final XmppStreamDecoder decoder;
    private final String connectionId;
    private final SecureRandom random;
    private final AtomicInteger pending = new AtomicInteger();
    private Channel channel;
    private SaslAuthenticator sasl;
    private Phase phase = Phase.AWAIT_HEADER;
    private boolean headerSent;
    private boolean secure;
    private volatile String userUri;
    private volatile Jid jid;

    XmppConnection(XmppEndpointConfig config, XmppCredentials credentials, Optional<XmppTls> tls,
                   StanzaRouter router, XmppStreamDecoder decoder, String connectionId, SecureRandom random) {
        this.config = Objects.requireNonNull(config, "config");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.tls = Objects.requireNonNull(tls, "tls");
        this.router = Objects.requireNonNull(router, "router");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.connectionId = Objects.requireNonNull(connectionId, "connectionId");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        sasl = new SaslAuthenticator(config, credentials, ctx.executor(), connectionId, random);
        LOG.info("{} - connection from {}", connectionId, channel.remoteAddress());
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Phase was = phase;
        phase = Phase.CLOSED;
        if (was == Phase.READY) {
            router.closed(this);
        }
        LOG.info("{} - connection of {} closed", connectionId, jid == null ? "(not bound)" : jid);
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (phase == Phase.CLOSED) {
            return;
        }
        if (msg instanceof StreamEvent.Opened opened) {
            opened(opened);
        } else if (msg instanceof StreamEvent.Stanza stanza) {
            stanza(stanza.element());
        } else if (msg instanceof StreamEvent.Closed) {
            LOG.info("{} - {} closed its stream", connectionId, who());
            endStream();
        } else if (msg instanceof StreamEvent.Failed failed) {
            streamError(failed.condition(), failed.reason());
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            streamError(StreamErrorCondition.POLICY_VIOLATION, "connection " + connectionId + " idle too long");
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("{} - connection of {} failed: {}", connectionId, who(), cause.toString(), cause);
        streamError(StreamErrorCondition.INTERNAL_SERVER_ERROR, "internal error on connection " + connectionId);
    }

    private void opened(StreamEvent.Opened opened) {
        if (!opened.name().equals("stream") || !opened.namespace().equals(Namespaces.STREAMS)) {
            streamError(StreamErrorCondition.INVALID_NAMESPACE, "stream root {" + opened.namespace() + "}"
                    + opened.name() + " from connection " + connectionId + " is not {" + Namespaces.STREAMS
                    + "}stream");
            return;
        }
        String to = opened.attributes().getOrDefault("to", "").toLowerCase(Locale.ROOT);
        if (!to.equals(config.domain())) {
            streamError(StreamErrorCondition.HOST_UNKNOWN, "stream to '" + to + "' from connection "
                    + connectionId + " is not for domain " + config.domain());
            return;
        }
        if (!opened.attributes().getOrDefault("version", "").startsWith("1.")) {
            streamError(StreamErrorCondition.UNSUPPORTED_VERSION, "stream version '"
                    + opened.attributes().get("version") + "' from connection " + connectionId + " is not 1.x");
            return;
        }
        header();
        XmlElement.Builder features = XmlElement.builder("features", Namespaces.STREAMS);
        if (phase == Phase.AWAIT_HEADER) {
            if (tls.isPresent() && !secure) {
                XmlElement.Builder starttls = XmlElement.builder("starttls", Namespaces.TLS);
                if (!config.plaintextAuth()) {
                    starttls.child(XmlElement.of("required", Namespaces.TLS));
                }
                features.child(starttls.build());
            }
            XmlElement.Builder mechanisms = XmlElement.builder("mechanisms", Namespaces.SASL);
            sasl.mechanisms(secure).forEach(m -> mechanisms.textChild("mechanism", Namespaces.SASL, m));
            features.child(mechanisms.build());
            phase = Phase.AUTHENTICATING;
        } else if (phase == Phase.AWAIT_RESTART) {
            features.child(XmlElement.of("bind", Namespaces.BIND));
            features.child(XmlElement.builder("session", Namespaces.SESSION)
                    .child(XmlElement.of("optional", Namespaces.SESSION)).build());
            phase = Phase.BINDING;
        } else {
            streamError(StreamErrorCondition.BAD_FORMAT, "a stream header in phase " + phase + " from connection "
                    + connectionId);
            return;
        }
        write(features.build());
    }

    private void header() {
        headerSent = true;
        channel.write(new Outbound.Header(config.domain(), UUID.randomUUID().toString()));
    }

    private void stanza(XmlElement element) {
        switch (phase) {
            case AUTHENTICATING -> {
                if (element.namespace().equals(Namespaces.TLS) && element.name().equals("starttls")) {
                    startTls();
                    return;
                }
                if (!element.namespace().equals(Namespaces.SASL)) {
                    streamError(StreamErrorCondition.NOT_AUTHORIZED, "<" + element.name() + "> before"
                            + " authentication on connection " + connectionId);
                    return;
                }
                sasl.handle(element, secure, new SaslListener());
            }
            case BINDING -> bind(element);
            case READY -> route(element);
            case AWAIT_HEADER, AWAIT_RESTART, CLOSED -> streamError(StreamErrorCondition.BAD_FORMAT, "<"
                    + element.name() + "> in phase " + phase + " on connection " + connectionId);
        }
    }

    /** RFC 6120 §5.4.2: proceed in clear, then TLS, then a fresh stream. */
    private void startTls() {
        if (tls.isEmpty() || secure) {
            channel.write(new Outbound.Element(XmlElement.of("failure", Namespaces.TLS)));
            endStream();
            return;
        }
        channel.pipeline().addFirst("tls", tls.get().newStartTlsHandler(channel.alloc()));
        write(XmlElement.of("proceed", Namespaces.TLS));
        secure = true;
        phase = Phase.AWAIT_HEADER;
        decoder.restart();
        LOG.info("{} - TLS negotiation started", connectionId);
    }

    private void bind(XmlElement iq) {
        var bind = iq.child("bind", Namespaces.BIND);
        if (!iq.name().equals("iq") || !"set".equals(iq.attribute("type").orElse("")) || bind.isEmpty()) {
            if (iq.name().equals("iq") && iq.child("session", Namespaces.SESSION).isPresent()) {
                write(Stanzas.iqResult(iq, null, null));
                return;
            }
            streamError(StreamErrorCondition.NOT_AUTHORIZED, "<" + iq.name() + "> before resource binding on"
                    + " connection " + connectionId);
            return;
        }
        String requested = bind.get().child("resource", Namespaces.BIND).map(XmlElement::text).orElse("").strip();
        String resource = requested.isEmpty() || requested.length() > 256 || requested.contains("/")
                ? "pchat-" + Long.toHexString(random.nextLong()) : requested;
        String uri = userUri;
        String local = uri.substring("sip:".length(), uri.indexOf('@'));
        jid = new Jid(local, config.domain(), resource);
        phase = Phase.READY;
        LOG.info("{} - {} bound {}", connectionId, uri, jid);
        router.bound(this);
        write(Stanzas.iqResult(iq, null, XmlElement.builder("bind", Namespaces.BIND)
                .textChild("jid", Namespaces.BIND, jid.toString()).build()));
    }

    private void route(XmlElement stanza) {
        switch (stanza.name()) {
            case "iq" -> router.iq(this, stanza);
            case "presence" -> router.presence(this, stanza);
            case "message" -> router.message(this, stanza);
            default -> streamError(StreamErrorCondition.UNSUPPORTED_STANZA_TYPE, "<" + stanza.name()
                    + "> from " + jid + " on connection " + connectionId);
        }
    }

    private void streamError(StreamErrorCondition condition, String reason) {
        if (phase == Phase.CLOSED || channel == null) {
            return;
        }
        LOG.warn("{} - stream error {} for {}: {}", connectionId, condition.element(), who(), reason);
        if (!headerSent) {
            header();
        }
        channel.write(new Outbound.Element(Stanzas.streamError(condition, reason)));
        endStream();
    }

    private void endStream() {
        Phase was = phase;
        phase = Phase.CLOSED;
        if (was == Phase.READY) {
            router.closed(this);
        }
        channel.writeAndFlush(new Outbound.End()).addListener(ChannelFutureListener.CLOSE);
    }

    private void write(XmlElement element) {
        channel.writeAndFlush(new Outbound.Element(element));
    }

    private String who() {
        Jid bound = jid;
        if (bound != null) {
            return bound.toString();
        }
        return userUri == null ? "(not authenticated)" : userUri;
    }

    @Override
    public String connectionId() {
        return connectionId;
    }

    @Override
    public String userUri() {
        return userUri;
    }

    @Override
    public Jid jid() {
        return jid;
    }

    @Override
    public boolean send(XmlElement stanza) {
        Channel ch = channel;
        if (ch == null || !ch.isActive()) {
            return false;
        }
        if (pending.incrementAndGet() > config.outboundQueue()) {
            pending.decrementAndGet();
            LOG.warn("{} - outbound queue of {} full ({} stanzas)", connectionId, jid, config.outboundQueue());
            return false;
        }
        ch.writeAndFlush(new Outbound.Element(stanza)).addListener(f -> pending.decrementAndGet());
        return true;
    }

    @Override
    public boolean sendAll(List<XmlElement> stanzas) {
        Channel ch = channel;
        if (ch == null || !ch.isActive()) {
            return false;
        }
        int n = stanzas.size();
        if (pending.addAndGet(n) > config.outboundQueue()) {
            pending.addAndGet(-n);
            LOG.warn("{} - outbound queue of {} cannot take {} stanzas ({} limit)", connectionId, jid, n,
                    config.outboundQueue());
            return false;
        }
        List<XmlElement> copy = List.copyOf(stanzas);
        Runnable writeAll = () -> {
            for (XmlElement stanza : copy) {
                ch.write(new Outbound.Element(stanza)).addListener(f -> pending.decrementAndGet());
            }
            ch.flush();
        };
        if (ch.eventLoop().inEventLoop()) {
            writeAll.run();
        } else {
            ch.eventLoop().execute(writeAll);
        }
        return true;
    }

    @Override
    public void close(String reason) {
        Channel ch = channel;
        if (ch == null) {
            return;
        }
        ch.eventLoop().execute(() -> streamError(StreamErrorCondition.POLICY_VIOLATION, reason));
    }

    /** SASL outcomes, on the event loop. */
    private final class SaslListener implements SaslAuthenticator.Listener {
        @Override
        public void send(XmlElement element) {
            if (phase != Phase.CLOSED) {
                write(element);
            }
        }

        @Override
        public void authenticated(String uri) {
            if (phase == Phase.CLOSED) {
                return;
            }
            userUri = uri;
            phase = Phase.AWAIT_RESTART;
            decoder.restart();
        }

        @Override
        public void tooManyFailures(int failures) {
            streamError(StreamErrorCondition.NOT_AUTHORIZED, failures + " failed authentications on connection "
                    + connectionId + " (limit " + config.maxAuthFailures() + ")");
        }
    }
}
