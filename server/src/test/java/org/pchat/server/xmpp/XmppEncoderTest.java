package org.pchat.server.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The shared encoder: escaping, namespaces, the stream header. */
class XmppEncoderTest {

    @Test
    void rfc6120Section11_4TextAndAttributesAreEscaped() {
        XmlElement message = XmlElement.builder("message", Namespaces.CLIENT)
                .attr("to", "a'\"<b>@example.com")
                .textChild("body", Namespaces.CLIENT, "</body><evil/>&")
                .build();

        String xml = XmppEncoder.toXml(message);

        assertThat(xml).doesNotContain("<evil/>").contains("&lt;/body&gt;&lt;evil/&gt;&amp;")
                .contains("&quot;").doesNotContain("<b>");
    }

    @Test
    void rfc6120Section4_8_3ChildNamespacesAreDeclaredOnlyWhereTheyChange() {
        XmlElement iq = XmlElement.builder("iq", Namespaces.CLIENT)
                .child(XmlElement.builder("query", Namespaces.DISCO_INFO)
                        .child(XmlElement.of("feature", Namespaces.DISCO_INFO)).build())
                .build();

        assertThat(XmppEncoder.toXml(iq)).isEqualTo("<iq><query xmlns=\"http://jabber.org/protocol/disco#info\">"
                + "<feature></feature></query></iq>");
    }

    @Test
    void rfc6120Section11WrittenElementParsesBackToTheSameNamesNamespacesAttributesAndText() throws Exception {
        String text = "caf\u00e9 \ud83d\ude00 <&> \"q\" 'a'";
        XmlElement message = XmlElement.builder("message", Namespaces.CLIENT)
                .attr("from", "room@conference.example.com/n\"&<>'")
                .attr("xml:lang", "en")
                .textChild("body", Namespaces.CLIENT, text)
                .child(XmlElement.builder("result", Namespaces.MAM).attr("id", "7")
                        .child(XmlElement.builder("forwarded", Namespaces.FORWARD)
                                .child(XmlElement.builder("message", Namespaces.CLIENT).textChild("body",
                                        Namespaces.CLIENT, text).build()).build()).build())
                .build();

        javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        org.w3c.dom.Element parsed = factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(
                new java.io.StringReader("<w xmlns=\"jabber:client\">" + XmppEncoder.toXml(message) + "</w>")))
                .getDocumentElement();
        org.w3c.dom.Element m = (org.w3c.dom.Element) parsed.getFirstChild();

        assertThat(m.getNamespaceURI()).isEqualTo(Namespaces.CLIENT);
        assertThat(m.getAttribute("from")).isEqualTo("room@conference.example.com/n\"&<>'");
        assertThat(m.getAttributeNS(javax.xml.XMLConstants.XML_NS_URI, "lang")).isEqualTo("en");
        assertThat(m.getElementsByTagNameNS(Namespaces.CLIENT, "body").item(0).getTextContent()).isEqualTo(text);
        org.w3c.dom.Element result = (org.w3c.dom.Element) m.getElementsByTagNameNS(Namespaces.MAM, "result").item(0);
        assertThat(result.getAttribute("id")).isEqualTo("7");
        org.w3c.dom.Node inner = result.getElementsByTagNameNS(Namespaces.FORWARD, "forwarded").item(0).getFirstChild();
        assertThat(inner.getNamespaceURI()).isEqualTo(Namespaces.CLIENT);
        assertThat(inner.getTextContent()).isEqualTo(text);
    }

    @Test
    void rfc6120Section4_9StreamErrorKeepsTheStreamPrefixAndItsConditionNamespace() {
        XmlElement error = XmlElement.builder("error", Namespaces.STREAMS)
                .child(XmlElement.of("policy-violation", Namespaces.STREAM_ERRORS)).build();

        assertThat(XmppEncoder.toXml(error)).isEqualTo("<stream:error><policy-violation"
                + " xmlns=\"urn:ietf:params:xml:ns:xmpp-streams\"></policy-violation></stream:error>");
    }

    @Test
    void rfc6120Section4_7HeaderDeclaresTheStreamAndClientNamespacesAndStaysOpen() {
        EmbeddedChannel channel = new EmbeddedChannel(new XmppEncoder());

        channel.writeOutbound(new Outbound.Header("example.com", "s1"));
        ByteBuf out = channel.readOutbound();
        String header = out.toString(StandardCharsets.UTF_8);
        out.release();

        assertThat(header).contains("<stream:stream xmlns:stream=\"http://etherx.jabber.org/streams\"")
                .contains("xmlns=\"jabber:client\"").contains("from=\"example.com\"").contains("version=\"1.0\"")
                .endsWith(">").doesNotContain("</stream:stream>");
        channel.finishAndReleaseAll();
    }
}
