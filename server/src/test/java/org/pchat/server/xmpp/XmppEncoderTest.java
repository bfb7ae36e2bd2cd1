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
