package org.pchat.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pchat.sip.SipStreamFramer.Frame;

/** Framing of a SIP stream (RFC 3261 §18.3, §7.3.3, §20.14; RFC 5626 §4.4.1). */
class SipStreamFramerTest {

    private static final int MAX = 4096;

    /** An INFO whose body holds an empty line, which must not end the message (only Content-Length does). */
    private static final String INFO = crlf("""
            INFO sip:alice@127.0.0.1:5070;transport=tcp SIP/2.0
            Via: SIP/2.0/TCP 127.0.0.1:5061;branch=z9hG4bK-node-1
            From: <sip:ocschat@example.com>;tag=n1
            To: <sip:alice@example.com>;tag=a1
            Call-ID: chat-1@example.com
            CSeq: 7 INFO
            Max-Forwards: 70
            Content-Type: application/cccp+xml
            Content-Length: 11

            """) + "<a>\r\n\r\n</a>";

    private static final String OK = crlf("""
            SIP/2.0 200 OK
            Via: SIP/2.0/TCP 127.0.0.1:5061;branch=z9hG4bK-node-1
            From: <sip:ocschat@example.com>;tag=n1
            To: <sip:alice@example.com>;tag=a1
            Call-ID: chat-1@example.com
            CSeq: 7 INFO
            Content-Length: 0

            """);

    private static String crlf(String text) {
        return text.replace("\n", "\r\n");
    }

    private static List<Frame> frames(String... chunks) throws Exception {
        SipStreamFramer framer = new SipStreamFramer(MAX, "test");
        List<Frame> out = new ArrayList<>();
        for (String chunk : chunks) {
            framer.feed(chunk.getBytes(StandardCharsets.UTF_8), out::add);
        }
        return out;
    }

    private static String text(Frame frame) {
        Frame.Message message = (Frame.Message) frame;
        return new String(message.head(), StandardCharsets.UTF_8) + new String(message.body(), StandardCharsets.UTF_8);
    }

    @Test
    void aMessageIsItsHeadersThroughTheEmptyLineAndContentLengthBytesOfBody_rfc3261_18_3() throws Exception {
        List<Frame> frames = frames(INFO);

        assertThat(frames).hasSize(1);
        Frame.Message message = (Frame.Message) frames.get(0);
        assertThat(new String(message.body(), StandardCharsets.UTF_8)).isEqualTo("<a>\r\n\r\n</a>");
        assertThat(new String(message.head(), StandardCharsets.UTF_8)).startsWith("INFO ").endsWith("11\r\n\r\n");
        assertThat(message.callId()).isEqualTo("chat-1@example.com");
        assertThat(message.contentLength()).isEqualTo(11);
        assertThat(message.bodyTooLarge()).isFalse();
    }

    @Test
    void severalMessagesInOneChunkComeOutInOrder() throws Exception {
        assertThat(frames(INFO + OK + INFO)).extracting(SipStreamFramerTest::text).containsExactly(INFO, OK, INFO);
    }

    @Test
    void theSameFramesComeOutWhereverTheStreamIsCut() throws Exception {
        String stream = INFO + "\r\n\r\n" + OK + "\r\n" + INFO;
        List<Frame> whole = frames(stream);
        assertThat(whole).extracting(f -> f.getClass().getSimpleName())
                .containsExactly("Message", "Pong", "Ping", "Message", "Pong", "Message");

        for (int cut = 0; cut <= stream.length(); cut++) {
            assertThat(frames(stream.substring(0, cut), stream.substring(cut))).as("cut at %d", cut)
                    .extracting(f -> f instanceof Frame.Message ? text(f) : f.getClass().getSimpleName())
                    .containsExactlyElementsOf(whole.stream()
                            .map(f -> f instanceof Frame.Message ? text(f) : f.getClass().getSimpleName()).toList());
        }
    }

    @Test
    void theSameMessagesComeOutWhenTheStreamArrivesByteByByte() throws Exception {
        String stream = INFO + OK + INFO;
        String[] bytes = stream.chars().mapToObj(c -> String.valueOf((char) c)).toArray(String[]::new);

        assertThat(frames(bytes)).extracting(SipStreamFramerTest::text).containsExactly(INFO, OK, INFO);
    }

    @Test
    void compactHeaderNamesAnyCaseAndSpaceBeforeTheColonAreRead_rfc3261_7_3_3() throws Exception {
        String message = crlf("""
                MESSAGE sip:bob@example.com SIP/2.0
                v: SIP/2.0/TCP 127.0.0.1:5061;branch=z9hG4bK-c
                i : compact-1
                CONTENT-length\t: 5

                """) + "hello";

        Frame.Message frame = (Frame.Message) frames(message + OK).get(0);

        assertThat(frame.callId()).isEqualTo("compact-1");
        assertThat(new String(frame.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(frames(message.replace("CONTENT-length\t", "l") + OK)).extracting(SipStreamFramerTest::text)
                .containsExactly(message.replace("CONTENT-length\t", "l"), OK);
    }

    @Test
    void aResponseIsKnownByItsStatusLineAndCarriesItsStatusAndTopViaBranch_rfc3261_7_2() throws Exception {
        String twoVias = OK.replace("Via: SIP/2.0/TCP 127.0.0.1:5061;branch=z9hG4bK-node-1\r\n",
                "v : SIP/2.0/TCP 127.0.0.1:5080 ; BRANCH = z9hG4bK-proxy-1 ;rport=5080, SIP/2.0/TCP h;branch=x\r\n"
                        + "Via: SIP/2.0/TCP 127.0.0.1:5061;branch=z9hG4bK-node-1\r\n")
                .replace("200 OK", "481 Call Leg Does Not Exist");

        List<Frame> frames = frames(INFO + OK + twoVias);

        Frame.Message info = (Frame.Message) frames.get(0);
        Frame.Message ok = (Frame.Message) frames.get(1);
        Frame.Message rejected = (Frame.Message) frames.get(2);
        assertThat(info.isResponse()).isFalse();
        assertThat(info.statusCode()).isEqualTo(-1);
        assertThat(info.topViaBranch()).isEqualTo("z9hG4bK-node-1");
        assertThat(ok.isResponse()).isTrue();
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.topViaBranch()).isEqualTo("z9hG4bK-node-1");
        assertThat(rejected.statusCode()).isEqualTo(481);
        assertThat(rejected.topViaBranch()).as("first value of the first Via header").isEqualTo("z9hG4bK-proxy-1");
    }

    @Test
    void aMessageWithoutViaBranchHasNone_rfc2543() throws Exception {
        Frame.Message frame = (Frame.Message) frames(OK.replace(";branch=z9hG4bK-node-1", "")).get(0);

        assertThat(frame.topViaBranch()).isNull();
    }

    @Test
    void linesEndingInABareLineFeedAreFramedAsTheRiFramesThem() throws Exception {
        String lf = INFO.replace("\r\n", "\n").replace("<a>\n\n</a>", "<a>\r\n\r\n</a>");

        assertThat(frames(lf + OK)).extracting(SipStreamFramerTest::text).containsExactly(lf, OK);
    }

    @Test
    void aMessageWithoutContentLengthHasNoBody() throws Exception {
        String message = OK.replace("Content-Length: 0\r\n", "");

        assertThat(frames(message + OK)).extracting(SipStreamFramerTest::text).containsExactly(message, OK);
    }

    @Test
    void aDoubleCrlfIsAPingAndASingleOneAPong_rfc5626_4_4_1() throws Exception {
        assertThat(frames("\r\n\r\n")).containsExactly(new Frame.Pong(), new Frame.Ping());
        assertThat(frames("\r\n")).containsExactly(new Frame.Pong());
        assertThat(frames(OK + "\r\n\r\n" + OK)).extracting(f -> f.getClass().getSimpleName())
                .containsExactly("Message", "Pong", "Ping", "Message");
    }

    @Test
    void aBodyOverTheLimitIsSkippedAndTheMessageHandedOnForA513() throws Exception {
        byte[] big = new byte[MAX + 1];
        Arrays.fill(big, (byte) 'x');
        String head = crlf("""
                MESSAGE sip:bob@example.com SIP/2.0
                Via: SIP/2.0/TCP 127.0.0.1:5061;branch=z9hG4bK-big
                Call-ID: big-1
                Content-Length: %d

                """.formatted(big.length));
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        stream.writeBytes(big);
        stream.writeBytes(OK.getBytes(StandardCharsets.UTF_8));
        SipStreamFramer framer = new SipStreamFramer(MAX, "test");
        List<Frame> out = new ArrayList<>();
        byte[] bytes = stream.toByteArray();
        for (int i = 0; i < bytes.length; i += 1000) {
            framer.feed(Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + 1000)), out::add);
        }

        assertThat(out).hasSize(2);
        Frame.Message skipped = (Frame.Message) out.get(0);
        assertThat(skipped.bodyTooLarge()).isTrue();
        assertThat(skipped.body()).isEmpty();
        assertThat(skipped.contentLength()).isEqualTo(MAX + 1);
        assertThat(new String(skipped.head(), StandardCharsets.UTF_8)).isEqualTo(head);
        assertThat(text(out.get(1))).isEqualTo(OK);
    }

    @Test
    void aHeaderSectionOverTheLimitClosesTheConnectionNamingSizeAndLimit() {
        String endless = "INFO sip:a@example.com SIP/2.0\r\nX-Long: " + "y".repeat(MAX);

        assertThatThrownBy(() -> frames(endless)).isInstanceOf(SipStreamFramer.FramingException.class)
                .hasMessageContaining("exceeds maxMessageSize 4096").hasMessageContaining("from test");
        assertThatThrownBy(() -> frames(endless.substring(0, 100), endless.substring(100)))
                .isInstanceOf(SipStreamFramer.FramingException.class);
    }

    @Test
    void aContentLengthThatIsNotANumberClosesTheConnection_rfc3261_20_14() {
        assertThatThrownBy(() -> frames(OK.replace("Content-Length: 0", "Content-Length: ten")))
                .isInstanceOf(SipStreamFramer.FramingException.class).hasMessageContaining("'ten'");
        assertThatThrownBy(() -> frames(OK.replace("Content-Length: 0", "Content-Length: -1")))
                .isInstanceOf(SipStreamFramer.FramingException.class);
    }

    @Test
    void framesBeforeAFaultAreHandedOn() {
        List<Frame> out = new ArrayList<>();
        SipStreamFramer framer = new SipStreamFramer(MAX, "test");

        assertThatThrownBy(() -> framer.feed((OK + OK.replace("Content-Length: 0", "Content-Length: x"))
                .getBytes(StandardCharsets.UTF_8), out::add)).isInstanceOf(SipStreamFramer.FramingException.class);
        assertThat(out).extracting(SipStreamFramerTest::text).containsExactly(OK);
    }
}
