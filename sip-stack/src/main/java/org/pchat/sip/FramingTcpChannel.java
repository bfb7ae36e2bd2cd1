package org.pchat.sip;

import gov.nist.javax.sip.ThreadAffinityIdentifier;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageProcessor;
import gov.nist.javax.sip.stack.QueuedMessageDispatchBase;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.SocketChannel;
import java.text.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RI's NIO TCP channel with its stream framed by {@link SipStreamFramer} instead of the RI's pipeline parser.
 * Each message is then parsed and handled on the stack's thread pool as before, but on the thread its Call-ID
 * maps to: the RI's parse tasks carry no Call-ID affinity, so two messages of one dialog read together could be
 * handled out of order.
 */
final class FramingTcpChannel extends NioTcpMessageChannel {

    private static final Logger LOG = LoggerFactory.getLogger(FramingTcpChannel.class);

    private final SipStreamFramer framer;
    private final MessageParser parser;

    /** A connection the peer opened. */
    FramingTcpChannel(NioTcpMessageProcessor processor, SocketChannel socket) throws IOException {
        super(processor, socket);
        this.framer = new SipStreamFramer(sipStack.getMaxMessageSize(), describePeer());
        this.parser = sipStack.getMessageParserFactory().createMessageParser(sipStack);
    }

    /** A connection we open (or reuse) to {@code address}:{@code port}. */
    FramingTcpChannel(InetAddress address, int port, SIPTransactionStack stack, NioTcpMessageProcessor processor)
            throws IOException {
        super(address, port, stack, processor);
        this.framer = new SipStreamFramer(sipStack.getMaxMessageSize(), describePeer());
        this.parser = sipStack.getMessageParserFactory().createMessageParser(sipStack);
    }

    /** What the RI's processor sets on a channel it hands out for an accepted connection. */
    void attach(NioTcpMessageProcessor processor, SocketChannel socket) throws IOException {
        this.messageProcessor = processor;
        this.myClientInputStream = socket.socket().getInputStream();
    }

    /** What the RI's processor sets on a channel it caches for later sends. */
    void markCached() {
        this.isCached = true;
    }

    /** Whether the connection is open, so bytes written now go to the peer. */
    boolean isUsable() {
        return socketChannel != null && socketChannel.isOpen() && socketChannel.isConnected();
    }

    /** Writes one encoded message to the peer, as the stack writes the messages it encodes. */
    void sendDirect(byte[] message) throws IOException {
        sendMessage(message, true);
    }

    /** What responses on this connection are offered to before they are parsed, if anything. */
    private ResponseShortcut responseShortcut() {
        return messageProcessor instanceof CachingNioMessageProcessorFactory.CachingTcpProcessor processor
                ? processor.responseShortcut() : null;
    }

    /** Selector thread: frames the bytes read; a stream that cannot be framed closes the connection (caller). */
    @Override
    protected void addBytes(byte[] bytes) throws Exception {
        framer.feed(bytes, this::onFrame);
    }

    private void onFrame(SipStreamFramer.Frame frame) {
        // Java 17 has no pattern switch: this chain covers the sealed Frame
        if (frame instanceof SipStreamFramer.Frame.Message message) {
            sipStack.getSelfRoutingThreadpoolExecutor().execute(new ParseTask(message));
        } else if (frame instanceof SipStreamFramer.Frame.Ping) {
            try {
                sendSingleCLRF();
            } catch (Exception e) {
                LOG.debug("keep-alive pong to {} not sent: {}", describePeer(), e.toString());
            }
        } else if (frame instanceof SipStreamFramer.Frame.Pong) {
            cancelPingKeepAliveTimeoutTaskIfStarted();
        }
    }

    private String describePeer() {
        return "TCP:" + getPeerAddress() + ":" + getPeerPort();
    }

    /** Parses one framed message and hands it to the stack, on the thread of its Call-ID. */
    private final class ParseTask implements QueuedMessageDispatchBase, ThreadAffinityIdentifier {

        private final SipStreamFramer.Frame.Message message;
        private final long received = System.currentTimeMillis();

        ParseTask(SipStreamFramer.Frame.Message message) {
            this.message = message;
        }

        @Override
        public void run() {
            if (message.isResponse()) {
                ResponseShortcut shortcut = responseShortcut();
                try {
                    if (shortcut != null && shortcut.take(message)) {
                        return;
                    }
                } catch (RuntimeException e) {
                    LOG.warn("response from {} not taken, handed to the stack: {}", describePeer(), e.toString(), e);
                }
            }
            SIPMessage parsed = parse();
            if (parsed == null) {
                return;
            }
            try {
                processMessage(parsed);
            } catch (Exception e) {
                LOG.info("message from {} not processed: {}", describePeer(), e.toString());
            }
        }

        private SIPMessage parse() {
            SIPMessage parsed;
            try {
                parsed = parser.parseSIPMessage(message.head(), false, false, null);
            } catch (ParseException e) {
                // as the RI: a message whose mandatory headers do not parse is dropped; the stream stays framed
                LOG.debug("unparsable message from {} dropped: {}", describePeer(), e.getMessage());
                return null;
            }
            if (parsed != null && message.body().length > 0) {
                parsed.setMessageContent(message.body());
            }
            return parsed;
        }

        @Override
        public long getReceptionTime() {
            return received;
        }

        @Override
        public Object getThreadHash() {
            return message.callId();
        }
    }
}
