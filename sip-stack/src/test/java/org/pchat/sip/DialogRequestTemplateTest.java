package org.pchat.sip;

import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.nio.charset.StandardCharsets;
import javax.sip.header.RouteHeader;
import javax.sip.header.ViaHeader;
import org.junit.jupiter.api.Test;

/** A request written from a template is the request the RI encoded, with the parts that vary replaced. */
class DialogRequestTemplateTest {

    /** As {@code SIPRequest.encodeMessage} writes an in-dialog INFO through a proxy (RFC 3261 §12.2.1.1). */
    private static final String ENCODED = """
            INFO sip:alice@10.0.0.7:50123;transport=tcp;ms-opaque=1a SIP/2.0\r
            Via: SIP/2.0/TCP 10.0.0.1:5061;branch=z9hG4bK-d8754z-1;rport\r
            CSeq: 3 INFO\r
            Call-ID: 7f3a@10.0.0.9\r
            From: <sip:ocschat@example.com>;tag=n1\r
            To: "Alice Ä" <sip:alice@example.com>;tag=a1;epid=01\r
            Max-Forwards: 70\r
            Route: <sip:10.0.0.2:5070;transport=tcp;lr>\r
            Route: <sip:10.0.0.3:5070;transport=tcp;lr>\r
            Content-Type: application/cccp+xml\r
            Content-Length: 9\r
            \r
            """;

    private static SIPRequest parse(byte[] wire) throws Exception {
        return (SIPRequest) new StringMsgParser().parseSIPMessage(wire, true, false, null);
    }

    @Test
    void theRequestCarriesTheNewBranchCSeqAndBodyAndEverythingElseUnchanged() throws Exception {
        DialogRequestTemplate template = DialogRequestTemplate.capture(ENCODED, "target", null);
        byte[] body = "<grpchat é/>".getBytes(StandardCharsets.UTF_8);

        SIPRequest request = parse(template.encode("INFO", "z9hG4bKd1.2", 42, "application/cccp+xml", body));
        SIPRequest original = parse((ENCODED + "<xccos/>!").getBytes(StandardCharsets.UTF_8));

        assertThat(request.getMethod()).isEqualTo("INFO");
        assertThat(request.getRequestURI()).isEqualTo(original.getRequestURI());
        ViaHeader via = request.getTopmostViaHeader();
        assertThat(via.getBranch()).isEqualTo("z9hG4bKd1.2");
        assertThat(via.getHost()).isEqualTo("10.0.0.1");
        assertThat(via.getPort()).isEqualTo(5061);
        assertThat(via.getRPort()).as("rport kept").isNotNull();
        assertThat(request.getCSeq().getSeqNumber()).isEqualTo(42);
        assertThat(request.getCSeq().getMethod()).isEqualTo("INFO");
        assertThat(request.getCallId()).isEqualTo(original.getCallId());
        assertThat(request.getFrom()).isEqualTo(original.getFrom());
        assertThat(request.getTo()).isEqualTo(original.getTo());
        assertThat(request.getMaxForwards()).isEqualTo(original.getMaxForwards());
        assertThat(request.getHeaders(RouteHeader.NAME)).toIterable()
                .containsExactlyElementsOf(() -> original.getHeaders(RouteHeader.NAME));
        assertThat(request.getContentTypeHeader().getContentSubType()).isEqualTo("cccp+xml");
        assertThat(request.getContentLength().getContentLength()).isEqualTo(body.length);
        assertThat(request.getRawContent()).isEqualTo(body);
    }

    @Test
    void aRequestWithoutBodyHasNoContentTypeAndLengthZero() throws Exception {
        DialogRequestTemplate template = DialogRequestTemplate.capture(ENCODED, "target", null);

        String wire = new String(template.encode("INFO", "z9hG4bKd1.3", 43, null, null), StandardCharsets.UTF_8);

        assertThat(wire).endsWith("CSeq: 43 INFO\r\nContent-Length: 0\r\n\r\n").doesNotContain("Content-Type");
    }

    @Test
    void aHeadOfAnotherShapeGivesNoTemplate() {
        assertThat(DialogRequestTemplate.capture(ENCODED.replace(";branch=z9hG4bK-d8754z-1", ""), "t", null))
                .as("Via without branch").isNull();
        assertThat(DialogRequestTemplate.capture(ENCODED.replace("Max-Forwards: 70\r\n",
                "Via: SIP/2.0/TCP 10.0.0.5;branch=z9hG4bK-2\r\n"), "t", null)).as("two Vias").isNull();
        assertThat(DialogRequestTemplate.capture(ENCODED.replace("Max-Forwards: 70\r\n",
                "Max-Forwards:\r\n 70\r\n"), "t", null)).as("folded header").isNull();
    }

    @Test
    void itIsOnlyForTheRemoteTargetItWasTakenWith() {
        DialogRequestTemplate template = DialogRequestTemplate.capture(ENCODED, "target", null);

        assertThat(template.usableFor(new String("target"))).isFalse();
    }
}
