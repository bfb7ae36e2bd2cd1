package org.pchat.server.xmpp;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.pchat.server.chat.ChatService;
import org.pchat.server.domain.credentials.PasswordHasher;
import org.pchat.server.rooms.DirectoryService;
import org.pchat.server.store.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The XMPP client listener of a node: Netty on the configured port, one decoder and one
 * {@link XmppConnection} per connection, a shared stateless encoder, MUC on {@code conference.<domain>}.
 */
public final class XmppEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(XmppEndpoint.class);

    private final XmppEndpointConfig config;
    private final XmppCredentials credentials;
    private final MucDirectory rooms;
    private final Optional<XmppTls> tls;
    private final StanzaRouter router;
    private final XmppEncoder encoder = new XmppEncoder();
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong connections = new AtomicLong();
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private Channel server;

    /**
     * @param tls the certificate for STARTTLS; without it clients can authenticate only when the configuration
     *            allows authentication without TLS
     */
    public XmppEndpoint(XmppEndpointConfig config, Optional<XmppTls> tls, ChatService chat,
                        DirectoryService directory, UserRepository users, PasswordHasher hasher, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.tls = Objects.requireNonNull(tls, "tls");
        this.credentials = new XmppCredentials(config, users, hasher);
        Objects.requireNonNull(chat, "chat");
        MucRenderer render = new MucRenderer(config);
        LocalSessions sessions = new LocalSessions();
        this.rooms = new MucDirectory(config, directory);
        MucService muc = new MucService(config, chat, rooms, render, sessions, Objects.requireNonNull(clock,
                "clock"));
        this.router = new StanzaRouter(config, muc, new MucAdmin(config, muc, rooms, render),
                new MamService(config, chat, muc, render), render, sessions, new UserArchive(config, clock));
    }

    /** Binds the port; returns once listening. */
    public synchronized void start() {
        if (server != null) {
            throw new IllegalStateException("XMPP endpoint of node " + config.nodeId() + " already started");
        }
        boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        workers = new MultiThreadIoEventLoopGroup(0, NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        String id = config.nodeId() + "-x" + connections.incrementAndGet();
                        XmppStreamDecoder decoder = new XmppStreamDecoder(config, id);
                        ch.pipeline()
                                .addLast("idle", new IdleStateHandler(config.idleSeconds(), 0, 0,
                                        TimeUnit.SECONDS))
                                .addLast("decoder", decoder)
                                .addLast("encoder", encoder)
                                .addLast("connection", new XmppConnection(config, credentials, tls, router, decoder, id,
                                        random));
                    }
                });
        try {
            server = bootstrap.bind(new InetSocketAddress(config.bindAddress(), config.port())).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted binding XMPP port " + config.port() + " of node "
                    + config.nodeId(), e);
        } catch (RuntimeException e) {
            close();
            throw new IllegalStateException("cannot bind XMPP " + config.bindAddress() + ":" + config.port()
                    + " of node " + config.nodeId() + ": " + e.getMessage(), e);
        }
        LOG.info("{} - XMPP listening on {} for domain {} (MUC {}, STARTTLS {}, auth without TLS {})",
                config.nodeId(), server.localAddress(), config.domain(), config.mucDomain(), tls.isPresent(),
                config.plaintextAuth());
    }

    /** The bound port (the real one when the configuration asked for 0). */
    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close().syncUninterruptibly();
            server = null;
        }
        if (workers != null) {
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            workers = null;
        }
        credentials.close();
        rooms.close();
        LOG.info("{} - XMPP endpoint stopped", config.nodeId());
    }
}
