package org.pchat.sip;

import gov.nist.javax.sip.ListeningPointExt;
import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.NIOHandler;
import gov.nist.javax.sip.stack.NioMessageProcessorFactory;
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageProcessor;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.SocketChannel;

/**
 * {@code gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY}: the RI's NIO processors, except that TCP connections the
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
        return super.createMessageProcessor(sipStack, ipAddress, port, transport);
    }

    /** The RI's NIO TCP processor with a {@link CachingHandler}. */
    static final class CachingTcpProcessor extends NioTcpMessageProcessor {

        CachingTcpProcessor(InetAddress ipAddress, SIPTransactionStack sipStack, int port) {
            super(ipAddress, sipStack, port);
            NIOHandler replaced = this.nioHandler;
            this.nioHandler = new CachingHandler(sipStack, this);
            replaced.stop();
        }
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
