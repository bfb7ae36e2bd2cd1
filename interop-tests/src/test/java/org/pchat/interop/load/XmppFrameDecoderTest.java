package org.pchat.interop.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cutting a server's stream into header, top-level elements and end (RFC 6120 §4.2, §4.3.3, §4.4), with the
 * server's side of the SASL exchange of RFC 6120 §9.1 as the example.
 */
class XmppFrameDecoderTest {
    private static final String HEADER = "<stream:stream from='im.example.com' id='t7AMCin9zjMNwQKDnplntZPIDEI='"
            + " to='juliet@im.example.com' version='1.0' xml:lang='en' xmlns='jabber:client'"
            + " xmlns:stream='http://etherx.jabber.org/streams'>";
    private static final String FEATURES = "<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
            + "<mechanism>SCRAM-SHA-1-PLUS</mechanism><mechanism>SCRAM-SHA-1</mechanism><mechanism>PLAIN</mechanism>"
            + "</mechanisms></stream:features>";
    private static final String CHALLENGE = "<challenge xmlns=\"urn:ietf:params:xml:ns:xmpp-sasl\">"
            + "cj1vTXNUQUF3QUFBQU1BQUFBTlAwVEFBQUFBQUJQVTBBQSxzPWRHNHdXT1JHdE8wRUY5a3NpR1c3PT0saT00MDk2"
            + "</challenge>";
    private static final String SUCCESS = "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
            + "dj1wTk5ERlZFUXh1WHhDb1NFaVc4R0VaKzFSU289</success>";
    /** A '>' inside an attribute value and a self-closing stanza: neither may end the element early. */
    private static final String MESSAGE = "<message from='room@muc/a&gt;b' to='x@y' note='1 > 0' type='groupchat'>"
            + "<body>lt-1-2</body><x xmlns='urn:x'><y a=\"'\"/></x></message>";
    private static final String PRESENCE = "<presence from='room@muc/nick' to='x@y'/>";
    private static final String STREAM = "<?xml version='1.0'?>" + HEADER + FEATURES + CHALLENGE + SUCCESS
            + HEADER + " \n" + MESSAGE + " " + PRESENCE + "</stream:stream>";
    private static final List<String> FRAMES = List.of(HEADER, FEATURES, CHALLENGE, SUCCESS, HEADER, MESSAGE,
            PRESENCE, "</stream:stream>");

    @Test
    void streamInOneReadGivesHeaderElementsAndEnd() {
        assertThat(decode(STREAM.getBytes(StandardCharsets.UTF_8), STREAM.length())).isEqualTo(FRAMES);
    }

    @Test
    void streamCutAtEveryOffsetGivesTheSameFrames() {
        byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
        for (int cut = 1; cut < bytes.length; cut++) {
            assertThat(decode(bytes, cut)).as("cut at %d", cut).isEqualTo(FRAMES);
        }
    }

    @Test
    void streamFedOneByteAtATimeGivesTheSameFrames() {
        assertThat(decode(STREAM.getBytes(StandardCharsets.UTF_8), 1, true)).isEqualTo(FRAMES);
    }

    @Test
    void multiByteCharactersSplitAcrossReadsAreKept() {
        String message = "<message><body>caf\u00e9 \u2603</body></message>";
        byte[] bytes = (HEADER + message).getBytes(StandardCharsets.UTF_8);
        for (int cut = HEADER.length() + 1; cut < bytes.length; cut++) {
            assertThat(decode(bytes, cut)).as("cut at %d", cut).containsExactly(HEADER, message);
        }
    }

    @Test
    void elementLongerThanTheLimitIsRefused() {
        EmbeddedChannel channel = new EmbeddedChannel(new XmppFrameDecoder(64));
        String big = HEADER + "<message><body>" + "x".repeat(200) + "</body></message>";

        assertThatThrownBy(() -> channel.writeInbound(Unpooled.copiedBuffer(big, StandardCharsets.UTF_8)))
                .isInstanceOf(TooLongFrameException.class).hasMessageContaining("64 bytes");
    }

    private static List<String> decode(byte[] bytes, int cut) {
        return decode(bytes, cut, false);
    }

    private static List<String> decode(byte[] bytes, int cut, boolean everyByte) {
        EmbeddedChannel channel = new EmbeddedChannel(new XmppFrameDecoder(4096));
        if (everyByte) {
            for (int i = 0; i < bytes.length; i++) {
                channel.writeInbound(Unpooled.wrappedBuffer(bytes, i, 1));
            }
        } else {
            channel.writeInbound(Unpooled.wrappedBuffer(bytes, 0, cut));
            if (cut < bytes.length) {
                channel.writeInbound(Unpooled.wrappedBuffer(bytes, cut, bytes.length - cut));
            }
        }
        List<String> frames = new ArrayList<>();
        for (Object frame; (frame = channel.readInbound()) != null; ) {
            frames.add((String) frame);
        }
        return frames;
    }
}
