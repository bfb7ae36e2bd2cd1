package org.pchat.server.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The per-connection stream decoder: framing into element trees and the hardening rules. */
class XmppStreamDecoderTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(
            new XmppStreamDecoder(XmppEndpointConfig.loopback("unit", "example.com").withMaxStanzaBytes(1_024),
                    "c1"));

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void rfc6120Section4_2HeaderBecomesOpenedWithItsAttributes() {
        List<StreamEvent> events = feed(RawXmppClient.HEADER);

        assertThat(events).singleElement().isInstanceOfSatisfying(StreamEvent.Opened.class, opened -> {
            assertThat(opened.name()).isEqualTo("stream");
            assertThat(opened.namespace()).isEqualTo(Namespaces.STREAMS);
            assertThat(opened.attributes()).containsEntry("to", "example.com").containsEntry("version", "1.0");
        });
    }

    @Test
    void rfc6120Section4_1StanzaSplitAcrossReadsBecomesOneElementTree() {
        feed(RawXmppClient.HEADER);

        List<StreamEvent> first = feed("<message to='a@example.com'><bo");
        List<StreamEvent> second = feed("dy>x &amp; y</body></message>");

        assertThat(first).isEmpty();
        XmlElement message = ((StreamEvent.Stanza) second.get(0)).element();
        assertThat(message.namespace()).isEqualTo(Namespaces.CLIENT);
        assertThat(message.attribute("to")).contains("a@example.com");
        assertThat(message.child("body", Namespaces.CLIENT).map(XmlElement::text)).contains("x & y");
    }

    @Test
    void rfc6120Section4_4ClosingTagBecomesClosed() {
        feed(RawXmppClient.HEADER);

        assertThat(feed("</stream:stream>")).singleElement().isInstanceOf(StreamEvent.Closed.class);
    }

    @Test
    void rfc6120Section11_1DoctypeFailsWithRestrictedXml() {
        List<StreamEvent> events = feed("<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'b'>]><stream:stream"
                + " xmlns:stream='http://etherx.jabber.org/streams' xmlns='jabber:client'>");

        assertThat(condition(events)).isEqualTo(StreamErrorCondition.RESTRICTED_XML);
    }

    @Test
    void rfc6120Section11_1UndeclaredEntityIsNotWellFormed() {
        feed(RawXmppClient.HEADER);

        assertThat(condition(feed("<message><body>&xxe;</body></message>")))
                .isIn(StreamErrorCondition.NOT_WELL_FORMED, StreamErrorCondition.RESTRICTED_XML);
    }

    @Test
    void rfc6120Section4_9_3_12StanzaOverTheSizeLimitIsAPolicyViolation() {
        feed(RawXmppClient.HEADER);

        assertThat(condition(feed("<message><body>" + "a".repeat(2_000)))).isEqualTo(
                StreamErrorCondition.POLICY_VIOLATION);
    }

    @Test
    void rfc6120Section4_9_3_12NestingDeeperThanTheLimitIsAPolicyViolation() {
        feed(RawXmppClient.HEADER);

        assertThat(condition(feed("<a>".repeat(17)))).isEqualTo(StreamErrorCondition.POLICY_VIOLATION);
    }

    @Test
    void rfc6120Section4_9_3_12ManySmallStanzasStayUnderTheSizeLimit() {
        feed(RawXmppClient.HEADER);

        List<StreamEvent> events = feed("<presence/>".repeat(200));

        assertThat(events).hasSize(200).allMatch(e -> e instanceof StreamEvent.Stanza);
    }

    @Test
    void rfc6120Section4_9_1_2InputAfterAFailureIsDiscarded() {
        feed(RawXmppClient.HEADER);
        List<StreamEvent> broken = new ArrayList<>(feed("<a><b></a>"));
        broken.addAll(feed("<presence/>"));

        assertThat(broken).singleElement().isInstanceOf(StreamEvent.Failed.class);
        assertThat(feed("<presence/>")).isEmpty();
    }

    @Test
    void rfc6120Section4_3_3RestartParsesANewStreamHeader() {
        XmppStreamDecoder decoder = channel.pipeline().get(XmppStreamDecoder.class);
        feed(RawXmppClient.HEADER);

        decoder.restart();

        assertThat(feed(RawXmppClient.HEADER)).singleElement().isInstanceOf(StreamEvent.Opened.class);
    }

    private List<StreamEvent> feed(String xml) {
        channel.writeInbound(Unpooled.copiedBuffer(xml, StandardCharsets.UTF_8));
        List<StreamEvent> events = new ArrayList<>();
        Object event;
        while ((event = channel.readInbound()) != null) {
            events.add((StreamEvent) event);
        }
        return events;
    }

    private static StreamErrorCondition condition(List<StreamEvent> events) {
        return events.stream().filter(e -> e instanceof StreamEvent.Failed).map(e -> ((StreamEvent.Failed) e)
                .condition()).findFirst().orElse(null);
    }
}
