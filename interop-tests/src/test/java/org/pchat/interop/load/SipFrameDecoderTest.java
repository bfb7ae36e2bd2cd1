package org.pchat.interop.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Framing SIP over a stream (RFC 3261 §18.3: Content-Length delimits the body; RFC 5626 §3.5.1 CRLF pings). */
class SipFrameDecoderTest {

    private static final String INFO = "INFO sip:a@b SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:5060;branch=z9hG4bK1\r\n"
            + "CSeq: 7 INFO\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello";

    @Test
    void messageSplitAcrossReadsIsDeliveredOnceWhole() {
        EmbeddedChannel channel = new EmbeddedChannel(new SipFrameDecoder(65_536));
        byte[] bytes = INFO.getBytes(StandardCharsets.UTF_8);

        channel.writeInbound(Unpooled.wrappedBuffer(bytes, 0, 40));
        channel.writeInbound(Unpooled.wrappedBuffer(bytes, 40, bytes.length - 40));

        SipMessage message = channel.readInbound();
        assertThat(message.method()).isEqualTo("INFO");
        assertThat(message.cseqNumber()).isEqualTo(7);
        assertThat(message.body()).isEqualTo("hello");
        assertThat((Object) channel.readInbound()).isNull();
    }

    @Test
    void keepAliveCrlfBetweenMessagesIsSkippedAndTwoMessagesInOneReadAreBothDelivered() {
        EmbeddedChannel channel = new EmbeddedChannel(new SipFrameDecoder(65_536));
        String response = "SIP/2.0 200 OK\r\nCSeq: 8 INFO\r\nl: 0\r\n\r\n";

        channel.writeInbound(Unpooled.copiedBuffer("\r\n\r\n" + INFO + "\r\n\r\n" + response, StandardCharsets.UTF_8));

        SipMessage first = channel.readInbound();
        SipMessage second = channel.readInbound();
        assertThat(first.body()).isEqualTo("hello");
        assertThat(second.isResponse()).isTrue();
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.cseqMethod()).isEqualTo("INFO");
    }
}
