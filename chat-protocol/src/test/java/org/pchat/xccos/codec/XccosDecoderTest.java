package org.pchat.xccos.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.pchat.xccos.model.BackchatData;
import org.pchat.xccos.model.BackchatQuery;
import org.pchat.xccos.model.ChatMessage;
import org.pchat.xccos.model.Command;
import org.pchat.xccos.model.GroupChat;
import org.pchat.xccos.model.Notice;
import org.pchat.xccos.model.Reply;
import org.pchat.xccos.model.RequestUriData;
import org.pchat.xccos.model.Response;
import org.pchat.xccos.model.UnknownCommandData;
import org.pchat.xccos.model.XccosEnvelope;

/** Decoder behaviour beyond the documented examples; each test cites the xccos.md section it checks. */
class XccosDecoderTest {

    private static final String OPEN = "<xccos ver=\"1\" envid=\"42\" xmlns=\"urn:parlano:xml:ns:xccos\">";
    private static final String CLOSE = "</xccos>";
    private static final String ROOM = "ma-chan://contoso.com/094f5a4a-c492-4f6b-91c2-385eba134fd3";

    private final XccosDecoder decoder = new XccosDecoder();

    private static String grpchat(String attributes, String chat) {
        return OPEN + "<grpchat id=\"grpchat\" seqid=\"1\" chanUri=\"" + ROOM + "\" author=\"sip:alice@contoso.com\" "
                + attributes + "><chat>" + chat + "</chat></grpchat>" + CLOSE;
    }

    private ChatMessage decodeMessage(String body) throws XccosException {
        return ((GroupChat) decoder.decode(body).payload().get(0)).message();
    }

    @Test
    @DisplayName("§3.1: an envid above Long.MAX_VALUE parses as unsigned 64-bit")
    void envidAboveSignedRangeParsesUnsigned() throws XccosException {
        XccosEnvelope envelope = decoder.decode(
                "<xccos ver=\"1\" envid=\"18446744073709551615\" xmlns=\"urn:parlano:xml:ns:xccos\"/>");

        assertThat(envelope.envId()).isEqualTo(-1L);
        assertThat(envelope.envIdString()).isEqualTo("18446744073709551615");
    }

    @Test
    @DisplayName("§3.1: an envid beyond 64 bits is a format error naming xccos/@envid and the value")
    void envidBeyond64BitsIsFormatError() {
        XccosFormatException e = assertThrows(XccosFormatException.class, () -> decoder.decode(
                "<xccos ver=\"1\" envid=\"18446744073709551616\" xmlns=\"urn:parlano:xml:ns:xccos\"/>"));

        assertThat(e.element()).isEqualTo("xccos");
        assertThat(e.attribute()).contains("envid");
        assertThat(e.value()).contains("18446744073709551616");
        assertThat(e.kind()).isEqualTo(XccosErrorKind.FORMAT);
    }

    @Test
    @DisplayName("§3.1: a negative envid is a format error")
    void negativeEnvidIsFormatError() {
        assertThrows(XccosFormatException.class, () -> decoder.decode(
                "<xccos ver=\"1\" envid=\"-5\" xmlns=\"urn:parlano:xml:ns:xccos\"/>"));
    }

    @Test
    @DisplayName("§3.1: a missing envid is a format error naming the attribute")
    void missingEnvidIsFormatError() {
        XccosFormatException e = assertThrows(XccosFormatException.class, () -> decoder.decode(
                "<xccos ver=\"1\" xmlns=\"urn:parlano:xml:ns:xccos\"/>"));

        assertThat(e.getMessage()).isEqualTo("XCCOS xccos lacks the required attribute envid");
        assertThat(e.value()).isEmpty();
    }

    @Test
    @DisplayName("§3.1: a missing ver reads as version 1")
    void missingVersionReadsAsOne() throws XccosException {
        assertThat(decoder.decode("<xccos envid=\"7\" xmlns=\"urn:parlano:xml:ns:xccos\"/>").version()).isEqualTo(1);
    }

    @Test
    @DisplayName("§3.1: several rpl siblings in one envelope are all read, in order")
    void severalReplySiblingsAreRead() throws XccosException {
        String body = OPEN
                + "<rpl id=\"rpl:getinv\" seqid=\"1\"><commandid seqid=\"1\" envid=\"10\"/><resp code=\"200\">"
                + "SUCCESS_OK</resp><data/></rpl>"
                + "<rpl id=\"rpl:bjoin\" seqid=\"1\"><commandid seqid=\"1\" envid=\"11\"/><resp code=\"200\">"
                + "SUCCESS_OK</resp><data/></rpl>" + CLOSE;

        assertThat(decoder.decode(body).payload()).extracting(e -> ((Reply) e).id())
                .containsExactly("rpl:getinv", "rpl:bjoin");
    }

    @Test
    @DisplayName("§3.1: unknown elements and attributes are ignored")
    void unknownElementsAndAttributesAreIgnored() throws XccosException {
        String body = "<xccos ver=\"1\" envid=\"42\" extra=\"x\" xmlns=\"urn:parlano:xml:ns:xccos\">"
                + "<future a=\"1\"><cmd id=\"cmd:part\" seqid=\"1\"/></future>"
                + "<cmd id=\"cmd:requri\" seqid=\"1\" flavour=\"new\"><extension/><data><what/></data></cmd>" + CLOSE;

        assertThat(decoder.decode(body)).isEqualTo(XccosEnvelope.of(42, Command.of(new RequestUriData())));
    }

    @Test
    @DisplayName("§3.1: elements in a foreign namespace are not taken for XCCOS elements")
    void foreignNamespaceElementsAreIgnored() throws XccosException {
        String body = OPEN + "<cmd xmlns=\"urn:example:other\" id=\"cmd:requri\" seqid=\"1\"/>" + CLOSE;

        assertThat(decoder.decode(body).payload()).isEmpty();
    }

    @Test
    @DisplayName("§3.1: a prefixed XCCOS namespace is read like the default one")
    void prefixedNamespaceIsAccepted() throws XccosException {
        String body = "<x:xccos ver=\"1\" envid=\"1804289383\" xmlns:x=\"urn:parlano:xml:ns:xccos\">"
                + "<x:cmd id=\"cmd:requri\" seqid=\"1\"><x:data/></x:cmd></x:xccos>";

        assertThat(decoder.decode(body)).isEqualTo(XccosExamples.REQURI.expected());
    }

    @Test
    @DisplayName("§4.0: an unknown command id parses with its id and seqid, answerable as rpl:X")
    void unknownCommandParsesWithIdAndSeqId() throws XccosException {
        String body = OPEN + "<cmd id=\"cmd:frobnicate\" seqid=\"9\"><data><junk broken=\"\"/></data></cmd>" + CLOSE;

        Command command = (Command) decoder.decode(body).payload().get(0);

        assertThat(command).isEqualTo(new Command("9", new UnknownCommandData("cmd:frobnicate")));
        assertThat(command.id()).isEmpty();
        assertThat(command.replyId()).isEqualTo("rpl:frobnicate");
    }

    @Test
    @DisplayName("§3.2: a cmd without seqid is a format error naming cmd and seqid")
    void commandWithoutSeqIdIsFormatError() {
        XccosFormatException e = assertThrows(XccosFormatException.class,
                () -> decoder.decode(OPEN + "<cmd id=\"cmd:requri\"><data/></cmd>" + CLOSE));

        assertThat(e.element()).isEqualTo("xccos/cmd");
        assertThat(e.attribute()).contains("seqid");
    }

    @Test
    @DisplayName("§4.5: cmd:join without chanid is a format error naming the missing element")
    void joinWithoutChanIdIsFormatError() {
        XccosFormatException e = assertThrows(XccosFormatException.class,
                () -> decoder.decode(OPEN + "<cmd id=\"cmd:join\" seqid=\"1\"><data/></cmd>" + CLOSE));

        assertThat(e.getMessage()).isEqualTo("XCCOS xccos/cmd/data lacks the required element chanid");
    }

    @Test
    @DisplayName("§4.9: cmd:bccontext without bcq is a format error")
    void backchatWithoutQueryIsFormatError() {
        String body = OPEN + "<cmd id=\"cmd:bccontext\" seqid=\"1\"><data><chanib uri=\"" + ROOM + "\"/></data></cmd>"
                + CLOSE;

        XccosFormatException e = assertThrows(XccosFormatException.class, () -> decoder.decode(body));

        assertThat(e.getMessage()).endsWith("lacks the required element bcq");
    }

    @Test
    @DisplayName("§4.9: the before form of bcq reads as a keyset query")
    void backchatBeforeFormParses() throws XccosException {
        String body = OPEN + "<cmd id=\"cmd:bccontext\" seqid=\"1\"><data><chanib uri=\"" + ROOM + "\"/>"
                + "<bcq><before id=\"500\" cnt=\"25\"/></bcq></data></cmd>" + CLOSE;

        Command command = (Command) decoder.decode(body).payload().get(0);

        assertThat(((BackchatData) command.data()).query()).isEqualTo(new BackchatQuery.Before(500, 25));
    }

    @Test
    @DisplayName("§4.9: an unknown bcq form parses as unsupported so the server can answer it")
    void unknownBackchatFormParsesAsUnsupported() throws XccosException {
        String body = OPEN + "<cmd id=\"cmd:bccontext\" seqid=\"1\"><data><chanib uri=\"" + ROOM + "\"/>"
                + "<bcq><bydate from=\"2013-01-01\"/></bcq></data></cmd>" + CLOSE;

        Command command = (Command) decoder.decode(body).payload().get(0);

        assertThat(((BackchatData) command.data()).query()).isEqualTo(new BackchatQuery.Unsupported("bydate"));
    }

    @Test
    @DisplayName("§4.9: a non-numeric bcq count is a format error naming last/@cnt")
    void nonNumericBackchatCountIsFormatError() {
        String body = OPEN + "<cmd id=\"cmd:bccontext\" seqid=\"1\"><data><chanib uri=\"" + ROOM + "\"/>"
                + "<bcq><last cnt=\"many\"/></bcq></data></cmd>" + CLOSE;

        XccosFormatException e = assertThrows(XccosFormatException.class, () -> decoder.decode(body));

        assertThat(e.element()).isEqualTo("xccos/cmd/data/bcq/last");
        assertThat(e.attribute()).contains("cnt");
        assertThat(e.value()).contains("many");
    }

    @Test
    @DisplayName("§6: an invalid room URI is a format error naming element, attribute and value")
    void invalidRoomUriIsFormatError() {
        String body = OPEN + "<cmd id=\"cmd:part\" seqid=\"1\"><data><chanib uri=\"http://contoso.com/x\"/></data>"
                + "</cmd>" + CLOSE;

        XccosFormatException e = assertThrows(XccosFormatException.class, () -> decoder.decode(body));

        assertThat(e.getMessage()).startsWith(
                "XCCOS xccos/cmd/data/chanib/@uri='http://contoso.com/x' is invalid: 'http://contoso.com/x' is not a"
                        + " ma-chan URI");
    }

    @Test
    @DisplayName("§5.1: a grpchat without ts is a format error naming grpchat and ts")
    void groupChatWithoutTimestampIsFormatError() {
        String body = OPEN + "<grpchat id=\"grpchat\" seqid=\"1\" chanUri=\"" + ROOM + "\" author=\"sip:a@contoso.com\">"
                + "<chat>hi</chat></grpchat>" + CLOSE;

        XccosFormatException e = assertThrows(XccosFormatException.class, () -> decoder.decode(body));

        assertThat(e.element()).isEqualTo("xccos/grpchat");
        assertThat(e.attribute()).contains("ts");
    }

    @Test
    @DisplayName("§5.1: the server timestamp form with 7 fraction digits parses exactly")
    void sevenDigitTimestampParses() throws XccosException {
        assertThat(decodeMessage(grpchat("ts=\"2010-09-14T14:26:17.6206356Z\"", "x")).timestamp())
                .isEqualTo(Instant.parse("2010-09-14T14:26:17.620635600Z"));
    }

    @Test
    @DisplayName("§5.1: a timestamp without Z reads as UTC")
    void timestampWithoutZoneReadsAsUtc() throws XccosException {
        assertThat(decodeMessage(grpchat("ts=\"2013-08-05T10:11:12\"", "x")).timestamp())
                .isEqualTo(Instant.parse("2013-08-05T10:11:12Z"));
    }

    @Test
    @DisplayName("§5.1: an unparseable ts is a format error naming the value")
    void invalidTimestampIsFormatError() {
        XccosFormatException e = assertThrows(XccosFormatException.class,
                () -> decoder.decode(grpchat("ts=\"yesterday\"", "x")));

        assertThat(e.value()).contains("yesterday");
    }

    @Test
    @DisplayName("§5.1: chat text in a CDATA section is read as text")
    void cdataChatTextIsRead() throws XccosException {
        assertThat(decodeMessage(grpchat("ts=\"2013-08-05T10:11:12Z\"", "<![CDATA[a <b> & c]]>")).text())
                .isEqualTo("a <b> & c");
    }

    @Test
    @DisplayName("§5.1: a character reference keeps a carriage return in the chat text")
    void characterReferenceKeepsCarriageReturn() throws XccosException {
        assertThat(decodeMessage(grpchat("ts=\"2013-08-05T10:11:12Z\"", "one&#13;\ntwo")).text())
                .isEqualTo("one\r\ntwo");
    }

    @Test
    @DisplayName("§5.3: this server's msgid and alert attributes are read")
    void messageIdAndAlertAreRead() throws XccosException {
        ChatMessage message = decodeMessage(grpchat("ts=\"2013-08-05T10:11:12Z\" msgid=\"77\" alert=\"TRUE\"", "x"));

        assertThat(message.messageId()).hasValue(77);
        assertThat(message.alert()).isTrue();
    }

    @Test
    @DisplayName("§3.3: a reply without resp reads as code 500, as SIPE treats it")
    void replyWithoutRespReadsAsInternalError() throws XccosException {
        String body = OPEN + "<rpl id=\"rpl:join\" seqid=\"1\"><commandid seqid=\"1\" envid=\"5\"/><data/></rpl>"
                + CLOSE;

        Reply reply = (Reply) decoder.decode(body).payload().get(0);

        assertThat(reply.response()).isEqualTo(new Response(500, ""));
    }

    @Test
    @DisplayName("§3.3: a reply without commandid is a format error")
    void replyWithoutCommandIdIsFormatError() {
        String body = OPEN + "<rpl id=\"rpl:join\" seqid=\"1\"><resp code=\"200\">SUCCESS_OK</resp></rpl>" + CLOSE;

        XccosFormatException e = assertThrows(XccosFormatException.class, () -> decoder.decode(body));

        assertThat(e.getMessage()).isEqualTo("XCCOS xccos/rpl lacks the required element commandid");
    }

    @Test
    @DisplayName("§3.4: a resp inside a notice is ignored and a missing seqid reads as 1")
    void noticeRespIsIgnored() throws XccosException {
        String body = OPEN + "<ntc id=\"ntc:part\"><resp code=\"200\">SUCCESS_OK</resp><data><chanib uri=\"" + ROOM
                + "\"><uib uri=\"sip:bob@contoso.com\"/></chanib></data></ntc>" + CLOSE;

        Notice notice = (Notice) decoder.decode(body).payload().get(0);

        assertThat(notice).isEqualTo(XccosExamples.NOTICE_PART.expected().payload().get(0));
    }

    @Test
    @DisplayName("§2.2: a UTF-8 body with a byte-order mark decodes")
    void byteOrderMarkIsAccepted() throws XccosException {
        byte[] body = ("\uFEFF" + XccosExamples.GRPCHAT.xml()).getBytes(StandardCharsets.UTF_8);

        assertThat(decoder.decode(body)).isEqualTo(XccosExamples.GRPCHAT.expected());
    }

    @Test
    @DisplayName("§2.2: non-ASCII chat text decodes from UTF-8 bytes")
    void nonAsciiTextDecodesFromBytes() throws XccosException {
        byte[] body = grpchat("ts=\"2013-08-05T10:11:12Z\"", "Grüße 👋").getBytes(StandardCharsets.UTF_8);

        assertThat(((GroupChat) decoder.decode(body).payload().get(0)).message().text()).isEqualTo("Grüße 👋");
    }

    @Test
    @DisplayName("§3.1: an envelope without payload decodes to an empty payload")
    void emptyEnvelopeDecodes() throws XccosException {
        assertThat(decoder.decode(OPEN + CLOSE)).isEqualTo(new XccosEnvelope(42, List.of()));
    }
}
