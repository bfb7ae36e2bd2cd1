package org.pchat.sip;

import gov.nist.core.HostPort;
import gov.nist.javax.sip.ListeningPointExt;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.NIOHandler;
import gov.nist.javax.sip.stack.NIOMode;
import gov.nist.javax.sip.stack.NioMessageProcessorFactory;
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageProcessor;
import gov.nist.javax.sip.stack.NioTlsMessageProcessor;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;

/**
 * {@code gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY}: the RI's NIO processors, with two fixes.
 *
 * <p>Every TCP and TLS connection, accepted or opened, gets {@code TCP_NODELAY}. The RI leaves Nagle's algorithm
 * on, so a message written while the previous one on the connection is unacknowledged waits for the peer's
 * delayed ACK (40 ms on Linux): a node answering an INFO with 200 and then sending its reply INFO, or a proxy
 * relaying two messages in a row, added 40 ms to every such exchange.
 *
 * <p>TCP connections the
 * stack opens itself stay cached. JAIN-SIP RI 1.3.0-91 defect: {@code NIOHandler.openOutgoingConnection} puts a
 * new outgoing socket in its table and removes it again before returning (its success flag is never set), so
 * every later request to the same peer opens another connection and closes the previous one, losing responses
 * still in flight on it (a proxy forwarding to a chat node, or a node answering through a proxy, sees requests
 * and responses vanish). The handler below puts the socket back after each send. Created by the RI by
 * reflection with the no-argument constructor.
 */
public final class CachingNioMessageProcessorFactory extends NioMessageProcessorFactory {

    @Override
    public MessageProcessor createMessageProcessor(SIPTransactionStack sipStack, InetAddress ipAddress, int port,
                                                   String transport) throws IOException {
        if (ListeningPointExt.TCP.equalsIgnoreCase(transport)) {
            return new CachingTcpProcessor(ipAddress, sipStack, port);
        }
        if (ListeningPointExt.TLS.equalsIgnoreCase(transport)) {
            return new NoDelayTlsProcessor(ipAddress, sipStack, port);
        }
        return super.createMessageProcessor(sipStack, ipAddress, port, transport);
    }

    /** Turns Nagle's algorithm off on a connection. */
    static SocketChannel noDelay(SocketChannel channel) throws IOException {
        if (channel != null && channel.isOpen()) {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        }
        return channel;
    }

    /** The RI's NIO TLS processor, with {@code TCP_NODELAY} on every connection. */
    static final class NoDelayTlsProcessor extends NioTlsMessageProcessor {

        NoDelayTlsProcessor(InetAddress ipAddress, SIPTransactionStack sipStack, int port) {
            super(ipAddress, sipStack, port);
        }

        @Override
        public NioTcpMessageChannel createMessageChannel(NioTcpMessageProcessor processor, SocketChannel client)
                throws IOException {
            return super.createMessageChannel(processor, noDelay(client));
        }

        @Override
        public SocketChannel connect(InetSocketAddress address, InetAddress localAddress, int localPort)
                throws IOException {
            return noDelay(super.connect(address, localAddress, localPort));
        }
    }

    /** The RI's NIO TCP processor with a {@link CachingHandler} and {@code TCP_NODELAY} on every connection. */
    static final class CachingTcpProcessor extends NioTcpMessageProcessor {

        private volatile ResponseShortcut responseShortcut;

        CachingTcpProcessor(InetAddress ipAddress, SIPTransactionStack sipStack, int port) {
            super(ipAddress, sipStack, port);
            NIOHandler replaced = this.nioHandler;
            this.nioHandler = new CachingHandler(sipStack, this);
            replaced.stop();
        }

        /** What its connections offer each response to before the stack parses it; null for nothing. */
        ResponseShortcut responseShortcut() {
            return responseShortcut;
        }

        /** Set by the endpoint after the stack created this processor (the RI creates it by reflection). */
        void responseShortcut(ResponseShortcut shortcut) {
            this.responseShortcut = shortcut;
        }

        /** An accepted connection: its channel frames with {@link SipStreamFramer} (the RI's method, own channel). */
        @Override
        public NioTcpMessageChannel createMessageChannel(NioTcpMessageProcessor processor, SocketChannel client)
                throws IOException {
            noDelay(client);
            NioTcpMessageChannel channel = nioHandler.getMessageChannel(client);
            if (channel != null && !(channel instanceof FramingTcpChannel)) {
                return super.createMessageChannel(processor, client);
            }
            FramingTcpChannel framing = (FramingTcpChannel) channel;
            if (framing == null) {
                framing = new FramingTcpChannel(processor, client);
                nioHandler.putMessageChannel(client, framing);
            }
            framing.attach(processor, client);
            return framing;
        }

        @Override
        public SocketChannel connect(InetSocketAddress address, InetAddress localAddress, int localPort)
                throws IOException {
            return noDelay(super.connect(address, localAddress, localPort));
        }

        /**
         * The RI builds the channel key with {@code String.replaceAll} (a regex compiled per call) on every client
         * transaction; the same key is built here without it. A connection we open gets a {@link FramingTcpChannel}.
         */
        @Override
        public MessageChannel createMessageChannel(InetAddress host, int port) throws IOException {
            MessageChannel cached = messageChannels.get(channelKey(transport, host, port));
            return cached != null ? cached : openChannel(MessageChannel.getKey(host, port, transport), host, port);
        }

        @Override
        public MessageChannel createMessageChannel(HostPort target) throws IOException {
            String key = MessageChannel.getKey(target, transport);
            MessageChannel cached = messageChannels.get(key);
            return cached != null ? cached : openChannel(key, target.getInetAddress(), target.getPort());
        }

        /**
         * The RI's private {@code createMessageChannel(key, host, port)} with our channel: on the processor's
         * monitor, as the RI's, so a channel is made once per key.
         */
        private synchronized MessageChannel openChannel(String key, InetAddress host, int port) throws IOException {
            MessageChannel existing = messageChannels.get(key);
            if (existing != null) {
                return existing;
            }
            FramingTcpChannel channel = new FramingTcpChannel(host, port, sipStack, this);
            messageChannels.put(key, channel);
            channel.markCached();
            if (sipStack.nioMode == NIOMode.BLOCKING) {
                selector.wakeup();
            }
            return channel;
        }
    }

    /** {@code MessageChannel.getKey}: transport, host address without IPv6 brackets and port, lower case. */
    static String channelKey(String transport, InetAddress host, int port) {
        String address = host.getHostAddress();
        if (address.indexOf('[') >= 0 || address.indexOf(']') >= 0) {
            address = address.replace("[", "").replace("]", "");
        }
        return (transport + ":" + address + ":" + port).toLowerCase(java.util.Locale.ROOT);
    }

    /** Keeps outgoing sockets in the handler's table after a send, so the next send reuses them. */
    static final class CachingHandler extends NIOHandler {

        CachingHandler(SIPTransactionStack sipStack, NioTcpMessageProcessor processor) {
            super(sipStack, processor);
        }

        @Override
        public SocketChannel sendBytes(InetAddress senderAddress, InetAddress receiverAddress, int contactPort,
                                       String transport, byte[] bytes, boolean isClient,
                                       NioTcpMessageChannel messageChannel) throws IOException {
            SocketChannel socket = super.sendBytes(senderAddress, receiverAddress, contactPort, transport, bytes,
                    isClient, messageChannel);
            keep(makeKey(receiverAddress, contactPort), socket);
            return socket;
        }

        @Override
        public SocketChannel createOrReuseSocket(InetAddress address, int port) throws IOException {
            SocketChannel socket = super.createOrReuseSocket(address, port);
            keep(makeKey(address, port), socket);
            return socket;
        }

        private void keep(String key, SocketChannel socket) {
            if (socket != null && socket.isOpen() && socket.isConnected() && getSocket(key) == null) {
                putSocket(key, socket);
            }
        }
    }
}
