package org.pchat.xccos.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Validation of {@link XccosLimits} and enforcement of each limit (ARCHITECTURE.md §6, xccos.md §3.1). */
class XccosLimitsTest {

    private static final String OPEN = "<xccos ver=\"1\" envid=\"1\" xmlns=\"urn:parlano:xml:ns:xccos\">";
    private static final String CLOSE = "</xccos>";

    @Test
    @DisplayName("the defaults are 64 KiB, depth 16, 32 attributes, 16 KiB values and texts, 4096 elements")
    void defaults() {
        assertThat(XccosLimits.defaults()).isEqualTo(new XccosLimits(65536, 16, 32, 16384, 16384, 4096));
    }

    @Test
    @DisplayName("a depth below what XCCOS needs is rejected naming the property, the value and the range")
    void depthBelowProtocolNeedIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> XccosLimits.defaults().withMaxDepth(5));

        assertThat(e.getMessage()).isEqualTo("XccosLimits.maxDepth = 5 is outside the accepted range [6, 256]"
                + " (XCCOS nests 6 deep: xccos/rpl/data/chanib/msg/chat)");
    }

    @Test
    @DisplayName("a non-positive body size is rejected")
    void nonPositiveBodySizeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> XccosLimits.defaults().withMaxBodyBytes(0));

        assertThat(e.getMessage()).startsWith("XccosLimits.maxBodyBytes = 0 is outside the accepted range");
    }

    @Test
    @DisplayName("fewer attributes than a sib carries are rejected")
    void tooFewAttributesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> XccosLimits.defaults().withMaxAttributesPerElement(7));

        assertThat(e.getMessage()).isEqualTo("XccosLimits.maxAttributesPerElement = 7 is outside the accepted range"
                + " [8, 1024] (a sib carries 7 attributes)");
    }

    @Test
    @DisplayName("each limit's value is read back by its enum constant")
    void limitEnumReadsItsValue() {
        XccosLimits limits = new XccosLimits(1000, 7, 9, 100, 200, 300);

        assertThat(XccosLimit.values()).extracting(limit -> limit.valueIn(limits))
                .containsExactly(1000, 7, 9, 100, 200, 300);
    }

    @Test
    @DisplayName("a body exactly at the byte limit is accepted, one byte more is refused")
    void bodyLimitIsInclusive() throws XccosException {
        String body = OPEN + CLOSE;
        XccosDecoder exact = new XccosDecoder(XccosLimits.defaults().withMaxBodyBytes(256));
        String padded = OPEN + " ".repeat(256 - body.length()) + CLOSE;

        assertThat(exact.decode(padded).payload()).isEmpty();
        XccosLimitExceededException e = assertThrows(XccosLimitExceededException.class,
                () -> exact.decode(padded + " "));
        assertThat(e.seen()).isEqualTo(257);
    }

    @Test
    @DisplayName("the body limit counts UTF-8 bytes, not characters")
    void bodyLimitCountsUtf8Bytes() {
        XccosDecoder small = new XccosDecoder(XccosLimits.defaults().withMaxBodyBytes(256));
        String body = OPEN + "é".repeat(100) + CLOSE;

        XccosLimitExceededException e = assertThrows(XccosLimitExceededException.class, () -> small.decode(body));

        assertThat(e.seen()).isEqualTo(body.length() + 100);
    }

    @Test
    @DisplayName("chat text over the text limit is refused naming the element")
    void longTextIsRefused() {
        XccosDecoder decoder = new XccosDecoder(XccosLimits.defaults().withMaxTextLength(100));
        String body = OPEN + "<grpchat seqid=\"1\" chanUri=\"ma-chan://contoso.com/1\" author=\"sip:a@contoso.com\""
                + " ts=\"2013-08-05T10:11:12Z\"><chat>" + "x".repeat(101) + "</chat></grpchat>" + CLOSE;

        XccosLimitExceededException e = assertThrows(XccosLimitExceededException.class, () -> decoder.decode(body));

        assertThat(e.limit()).isEqualTo(XccosLimit.TEXT_LENGTH);
        assertThat(e.seen()).isEqualTo(101);
        assertThat(e.getMessage()).startsWith("XCCOS text length of one element in characters 101 exceeds the limit"
                + " maxTextLength=100 at xccos/grpchat/chat");
    }

    @Test
    @DisplayName("text split by child elements still counts toward one element's text limit")
    void textAcrossChildrenIsCounted() {
        XccosDecoder decoder = new XccosDecoder(XccosLimits.defaults().withMaxTextLength(100));
        String body = OPEN + "<grpchat seqid=\"1\" chanUri=\"ma-chan://contoso.com/1\" author=\"sip:a@contoso.com\""
                + " ts=\"2013-08-05T10:11:12Z\"><chat>" + "x".repeat(60) + "<b>" + "y".repeat(60) + "</b></chat>"
                + "</grpchat>" + CLOSE;

        XccosLimitExceededException e = assertThrows(XccosLimitExceededException.class, () -> decoder.decode(body));

        assertThat(e.limit()).isEqualTo(XccosLimit.TEXT_LENGTH);
    }

    @Test
    @DisplayName("an attribute value over its limit is refused naming the attribute")
    void longAttributeValueIsRefused() {
        XccosDecoder decoder = new XccosDecoder(XccosLimits.defaults().withMaxAttributeValueLength(64));
        String body = OPEN + "<cmd id=\"cmd:setpref\" seqid=\"1\"><data><pref label=\"l\" content=\"" + "A".repeat(65)
                + "\"/></data></cmd>" + CLOSE;

        XccosLimitExceededException e = assertThrows(XccosLimitExceededException.class, () -> decoder.decode(body));

        assertThat(e.limit()).isEqualTo(XccosLimit.ATTRIBUTE_VALUE_LENGTH);
        assertThat(e.getMessage()).contains("at xccos/cmd/data/pref/@content");
    }

    @Test
    @DisplayName("too many elements are refused at the first one over the limit")
    void tooManyElementsAreRefused() {
        String body = OPEN + "<x/>".repeat(5000) + CLOSE;

        XccosLimitExceededException e = assertThrows(XccosLimitExceededException.class,
                () -> new XccosDecoder().decode(body));

        assertThat(e.limit()).isEqualTo(XccosLimit.ELEMENTS);
        assertThat(e.seen()).isEqualTo(4097);
        assertThat(e.max()).isEqualTo(4096);
    }

    @Test
    @DisplayName("ignored elements are still subject to the limits")
    void skippedElementsAreLimited() {
        String body = OPEN + "<unknown>" + "<a>".repeat(20) + "</a>".repeat(20) + "</unknown>" + CLOSE;

        XccosLimitExceededException e = assertThrows(XccosLimitExceededException.class,
                () -> new XccosDecoder().decode(body));

        assertThat(e.limit()).isEqualTo(XccosLimit.DEPTH);
    }
}
