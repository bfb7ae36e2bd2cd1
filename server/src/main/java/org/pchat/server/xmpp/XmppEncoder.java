package org.pchat.server.xmpp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.EncoderException;
import io.netty.handler.codec.MessageToByteEncoder;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes {@link Outbound} values as UTF-8 XML through an escaping {@link XMLStreamWriter}. Stateless and shared:
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
            write(out, writer -> element(writer, element.element(), Namespaces.CLIENT));
        } else {
            out.writeBytes(STREAM_END);
        }
    }

    /** Serializes one element as the encoder would, for tests and logs. */
    public static String toXml(XmlElement element) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter writer = FACTORY.createXMLStreamWriter(text);
            element(writer, element, Namespaces.CLIENT);
            writer.flush();
        } catch (XMLStreamException e) {
            throw new EncoderException("cannot write <" + element.name() + ">: " + e.getMessage(), e);
        }
        return text.toString();
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

    private static void element(XMLStreamWriter writer, XmlElement element, String inherited)
            throws XMLStreamException {
        boolean stream = element.namespace().equals(Namespaces.STREAMS);
        if (stream) {
            writer.writeStartElement("stream", element.name(), Namespaces.STREAMS);
        } else {
            writer.writeStartElement(element.name());
            if (!element.namespace().equals(inherited)) {
                writer.writeDefaultNamespace(element.namespace());
            }
        }
        for (Map.Entry<String, String> attribute : element.attributes().entrySet()) {
            if (attribute.getKey().equals("xml:lang")) {
                writer.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", attribute.getValue());
            } else {
                writer.writeAttribute(attribute.getKey(), attribute.getValue());
            }
        }
        String childDefault = stream ? inherited : element.namespace();
        for (XmlNode child : element.children()) {
            if (child instanceof XmlElement nested) {
                element(writer, nested, childDefault);
            } else if (child instanceof XmlNode.Text text) {
                writer.writeCharacters(text.text());
            }
        }
        writer.writeEndElement();
    }
}
