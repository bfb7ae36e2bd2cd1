package org.pchat.sip;

import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.NIOHandler;
import gov.nist.javax.sip.stack.NioTcpMessageProcessor;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Connections the stack accepts run without Nagle's algorithm: with it, a message written while the previous one
 * is unacknowledged waits for the peer's delayed ACK (40 ms on Linux).
 */
class TcpNoDelayTest {

    @Test
    void anAcceptedTcpConnectionHasTcpNoDelay() throws Exception {
        RecordingApp app = new RecordingApp();
        SipEndpoint endpoint = TestEndpoints.start(TestEndpoints.config("nodelay").build(), app);
        try (RawTransport tcp = RawTransport.tcp(endpoint.boundPort(SipTransport.TCP))) {
            tcp.send(RawTransport.crlf("""
                    OPTIONS sip:ocschat@127.0.0.1 SIP/2.0
                    Via: SIP/2.0/TCP 127.0.0.1:%d;branch=z9hG4bK%s
                    From: <sip:alice@example.com>;tag=a1
                    To: <sip:ocschat@example.com>
                    Call-ID: %s
                    CSeq: 1 OPTIONS
                    Max-Forwards: 70
                    Content-Length: 0

                    """.formatted(tcp.localPort(), UUID.randomUUID(), UUID.randomUUID())));
            Optional<RawSipMessage> answer = tcp.receive(Duration.ofSeconds(10));
            assertThat(answer).as("a response within 10 s").isPresent();

            List<SocketChannel> channels = tcpChannels(endpoint);
            assertThat(channels).as("the accepted connection").isNotEmpty();
            for (SocketChannel channel : channels) {
                assertThat(channel.getOption(StandardSocketOptions.TCP_NODELAY)).as(channel.toString()).isTrue();
            }
        } finally {
            endpoint.close();
        }
    }

    /** The connections of the endpoint's TCP processor (RI internals, read by reflection). */
    private static List<SocketChannel> tcpChannels(SipEndpoint endpoint) throws Exception {
        Field stackField = SipEndpoint.class.getDeclaredField("stack");
        stackField.setAccessible(true);
        Object stack = stackField.get(endpoint);
        Method processors = SIPTransactionStack.class.getDeclaredMethod("getMessageProcessors");
        processors.setAccessible(true);
        Field handlerField = NioTcpMessageProcessor.class.getDeclaredField("nioHandler");
        handlerField.setAccessible(true);
        Field mapField = NIOHandler.class.getDeclaredField("channelMap");
        mapField.setAccessible(true);
        List<SocketChannel> channels = new ArrayList<>();
        for (MessageProcessor processor : (MessageProcessor[]) processors.invoke(stack)) {
            if (processor instanceof NioTcpMessageProcessor tcp) {
                Map<?, ?> map = (Map<?, ?>) mapField.get(handlerField.get(tcp));
                synchronized (map) {
                    map.keySet().forEach(k -> channels.add((SocketChannel) k));
                }
            }
        }
        return channels;
    }
}
