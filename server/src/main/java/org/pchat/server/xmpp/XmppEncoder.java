package org.pchat.server.xmpp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.EncoderException;
import io.netty.handler.codec.MessageToByteEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes {@link Outbound} values as UTF-8 XML: stanzas through a small escaping writer, the stream header through
 * a {@link XMLStreamWriter}. Stateless and shared:
 * first-level elements are written in the {@code jabber:client} default namespace the header declares, stream
 * elements with the {@code stream} prefix.
 */
@ChannelHandler.Sharable
public final class XmppEncoder extends MessageToByteEncoder<Outbound> {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();
    private static final byte[] STREAM_END = "</stream:stream>".getBytes(StandardCharsets.UTF_8);

    public XmppEncoder() {
        super(Outbound.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Outbound msg, ByteBuf out) {
        if (msg instanceof Outbound.Header header) {
            write(out, writer -> header(writer, header));
        } else if (msg instanceof Outbound.Element element) {
            StringBuilder xml = new StringBuilder(256);
            element(xml, element.element(), Namespaces.CLIENT);
            out.writeCharSequence(xml, StandardCharsets.UTF_8);
        } else {
            out.writeBytes(STREAM_END);
        }
    }

    /** Serializes one element as the encoder would, for tests and logs. */
    public static String toXml(XmlElement element) {
        StringBuilder xml = new StringBuilder(256);
        element(xml, element, Namespaces.CLIENT);
        return xml.toString();
    }

    private interface Body {
        void write(XMLStreamWriter writer) throws XMLStreamException;
    }

    private static void write(ByteBuf out, Body body) {
        try (ByteBufOutputStream stream = new ByteBufOutputStream(out)) {
            XMLStreamWriter writer = FACTORY.createXMLStreamWriter(stream, "UTF-8");
            body.write(writer);
            writer.flush();
        } catch (XMLStreamException | IOException e) {
            throw new EncoderException("cannot write XMPP output: " + e.getMessage(), e);
        }
    }

    private static void header(XMLStreamWriter writer, Outbound.Header header) throws XMLStreamException {
        writer.writeStartDocument("UTF-8", "1.0");
        writer.writeStartElement("stream", "stream", Namespaces.STREAMS);
        writer.writeNamespace("stream", Namespaces.STREAMS);
        writer.writeDefaultNamespace(Namespaces.CLIENT);
        writer.writeAttribute("from", header.from());
        writer.writeAttribute("id", header.id());
        writer.writeAttribute("version", "1.0");
        writer.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", "en");
        writer.writeCharacters("");
    }

    /**
     * One element, written by hand rather than through a {@link XMLStreamWriter}: every delivery of a room goes
     * through here, and a writer per stanza cost more than the writing. Same output as the writer gave: the default
     * namespace declared only where it changes (RFC 6120 §4.8.3), stream elements with the {@code stream} prefix,
     * {@code &}, {@code <}, {@code >} escaped in text and those and {@code "} in attribute values (§11.4).
     */
    private static void element(StringBuilder out, XmlElement element, String inherited) {
        boolean stream = element.namespace().equals(Namespaces.STREAMS);
        String name = stream ? "stream:" + element.name() : element.name();
        out.append('<').append(name);
        if (!stream && !element.namespace().equals(inherited)) {
            out.append(" xmlns=\"");
            escape(out, element.namespace(), true);
            out.append('"');
        }
        for (Map.Entry<String, String> attribute : element.attributes().entrySet()) {
            out.append(' ').append(attribute.getKey()).append("=\"");
            escape(out, attribute.getValue(), true);
            out.append('"');
        }
        out.append('>');
        String childDefault = stream ? inherited : element.namespace();
        for (XmlNode child : element.children()) {
            if (child instanceof XmlElement nested) {
                element(out, nested, childDefault);
            } else if (child instanceof XmlNode.Text text) {
                escape(out, text.text(), false);
            }
        }
        out.append("</").append(name).append('>');
    }

    private static void escape(StringBuilder out, String text, boolean attribute) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                default -> out.append(c);
            }
        }
    }
}
