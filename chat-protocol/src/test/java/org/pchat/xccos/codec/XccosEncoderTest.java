package org.pchat.xccos.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.pchat.xccos.model.ChatMessage;
import org.pchat.xccos.model.Command;
import org.pchat.xccos.model.FileToken;
import org.pchat.xccos.model.FileTokenData;
import org.pchat.xccos.model.FileTransfer;
import org.pchat.xccos.model.GroupChat;
import org.pchat.xccos.model.JoinData;
import org.pchat.xccos.model.Reply;
import org.pchat.xccos.model.ResponseCode;
import org.pchat.xccos.model.XccosEnvelope;

/** Encoder wire facts; each test cites the xccos.md section it checks. */
class XccosEncoderTest {

    private static final Instant TS = Instant.parse("2013-08-05T10:11:12Z");

    private final XccosEncoder encoder = new XccosEncoder();
    private final XccosDecoder decoder = new XccosDecoder();

    private static XccosEnvelope chat(String text) {
        return XccosEnvelope.of(1, GroupChat.of(ChatMessage.of(XccosExamples.ROOM, "sip:alice@contoso.com", TS, text)));
    }

    @Test
    @DisplayName("§3.1: the root has the default XCCOS namespace, ver 1 and the unsigned envid, no XML declaration")
    void writesEnvelopeAsPeersExpect() {
        String xml = encoder.encode(new XccosEnvelope(Long.parseUnsignedLong("18446744073709551615"), List.of()));

        assertThat(xml).isEqualTo(
                "<xccos xmlns=\"urn:parlano:xml:ns:xccos\" ver=\"1\" envid=\"18446744073709551615\"></xccos>");
    }

    @Test
    @DisplayName("§3.3: a success reply carries commandid, resp 200 SUCCESS_OK and data")
    void writesSuccessReply() {
        Command command = Command.of(new FileTokenData(FileTransfer.UPLOAD, XccosExamples.NXL_ROOM, "a.txt"));
        Reply reply = Reply.success(command, 139132350L, new FileToken("tok", "https://fe/PersistentChat/MGCWebService.asmx"));

        String xml = encoder.encode(XccosEnvelope.of(7, reply));

        assertThat(xml).contains("<rpl id=\"rpl:getftok\" seqid=\"1\"><commandid seqid=\"1\" envid=\"139132350\"/>"
                + "<resp code=\"200\">SUCCESS_OK</resp><data><token token=\"tok\" "
                + "serveruri=\"https://fe/PersistentChat/MGCWebService.asmx\"/></data></rpl>");
    }

    @Test
    @DisplayName("§3.3: an error reply carries the code, the UPPER_SNAKE text and empty data")
    void writesErrorReply() {
        Reply reply = Reply.error(Command.of(JoinData.of(XccosExamples.ROOM)), 5, ResponseCode.ACCESS_DENIED);

        assertThat(encoder.encode(XccosEnvelope.of(8, reply)))
                .contains("<resp code=\"403\">ACCESS_DENIED</resp><data/></rpl>");
    }

    @Test
    @DisplayName("§3.1: several replies go into one envelope as siblings and come back in order")
    void writesSeveralRepliesInOneEnvelope() throws XccosException {
        Command join = Command.of(JoinData.of(XccosExamples.ROOM));
        XccosEnvelope envelope = XccosEnvelope.of(9, Reply.success(join, 1), Reply.error(join, 2,
                ResponseCode.NOT_FOUND));

        String xml = encoder.encode(envelope);

        assertThat(xml.split("<rpl ", -1)).hasSize(3);
        assertThat(decoder.decode(xml)).isEqualTo(envelope);
    }

    @Test
    @DisplayName("§5.1: server timestamps are written with 7 fraction digits and Z")
    void writesSevenDigitTimestamps() {
        XccosEnvelope envelope = XccosEnvelope.of(1, GroupChat.of(ChatMessage.of(XccosExamples.ROOM,
                "sip:alice@contoso.com", Instant.parse("2010-09-14T14:26:17.62063569Z"), "x")));

        assertThat(encoder.encode(envelope)).contains("ts=\"2010-09-14T14:26:17.6206356Z\"");
    }

    @Test
    @DisplayName("§5.1: grpchat is written with id, seqid, chanUri, author, ts and a chat child")
    void writesGroupChatAsSipeReadsIt() {
        assertThat(encoder.encode(chat("hi"))).isEqualTo("<xccos xmlns=\"urn:parlano:xml:ns:xccos\" ver=\"1\" envid=\"1\">"
                + "<grpchat id=\"grpchat\" seqid=\"1\" chanUri=\"" + XccosExamples.ROOM + "\" "
                + "author=\"sip:alice@contoso.com\" ts=\"2013-08-05T10:11:12.0000000Z\"><chat>hi</chat></grpchat>"
                + "</xccos>");
    }

    @Test
    @DisplayName("§5.1: markup characters in chat text are escaped")
    void escapesMarkupInChatText() {
        assertThat(encoder.encode(chat("a < b & c > d"))).contains("<chat>a &lt; b &amp; c &gt; d</chat>");
    }

    @Test
    @DisplayName("§5.1: quotes and markup in attribute values are escaped and survive decoding")
    void escapesAttributeValues() throws XccosException {
        XccosEnvelope envelope = XccosEnvelope.of(1, GroupChat.of(ChatMessage.of(XccosExamples.ROOM,
                "sip:\"evil\"<x>&@contoso.com", TS, "x")));

        String xml = encoder.encode(envelope);

        assertThat(xml).contains("author=\"sip:&quot;evil&quot;&lt;x&gt;&amp;@contoso.com\"");
        assertThat(decoder.decode(xml)).isEqualTo(envelope);
    }

    @Test
    @DisplayName("§5.1: a CRLF line break in chat text survives the XML round trip")
    void preservesCarriageReturnInChatText() throws XccosException {
        XccosEnvelope envelope = chat("first\r\nsecond");

        String xml = encoder.encode(envelope);

        assertThat(xml).contains("<chat>first&#13;\nsecond</chat>");
        assertThat(decoder.decode(xml)).isEqualTo(envelope);
    }

    @Test
    @DisplayName("§5.1: text XML cannot carry is refused naming the element")
    void refusesCharactersXmlCannotCarry() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> encoder.encode(chat("bell\u0007")));

        assertThat(e.getMessage()).isEqualTo("the text of chat contains U+0007 at index 4, which XML 1.0 cannot carry");
    }

    @Test
    @DisplayName("§5.1: an unpaired surrogate is refused")
    void refusesUnpairedSurrogate() {
        assertThrows(IllegalArgumentException.class, () -> encoder.encode(chat("x\uD83D")));
    }

    @Test
    @DisplayName("§5.3: msgid and alert are written only when set")
    void writesMessageIdAndAlertOnlyWhenSet() throws XccosException {
        ChatMessage plain = ChatMessage.of(XccosExamples.ROOM, "sip:alice@contoso.com", TS, "x");
        XccosEnvelope marked = XccosEnvelope.of(1, GroupChat.of(plain.withMessageId(12).withAlert(true)));

        assertThat(encoder.encode(chat("x"))).doesNotContain("msgid", "alert");
        assertThat(encoder.encode(marked)).contains("msgid=\"12\" alert=\"true\"");
        assertThat(decoder.decode(encoder.encode(marked))).isEqualTo(marked);
    }

    @Test
    @DisplayName("§2.2: UTF-8 output carries non-ASCII text as UTF-8 bytes")
    void encodesUtf8Bytes() {
        byte[] body = encoder.encodeUtf8(chat("Grüße"));

        assertThat(new String(body, StandardCharsets.UTF_8)).contains("<chat>Grüße</chat>");
        assertThat(body).hasSize(encoder.encode(chat("Grüße")).length() + 2);
    }

    @Test
    @DisplayName("the encoder is shareable: concurrent encodings are identical")
    void concurrentEncodingsAreIdentical() throws InterruptedException, ExecutionException {
        XccosEnvelope envelope = XccosExamples.JOIN_REPLY.expected();
        String expected = encoder.encode(envelope);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> encoder.encode(envelope)));
            }
            for (Future<String> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
