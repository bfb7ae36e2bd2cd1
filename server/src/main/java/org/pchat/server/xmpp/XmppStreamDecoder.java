package org.pchat.server.xmpp;

import com.fasterxml.aalto.AsyncByteArrayFeeder;
import com.fasterxml.aalto.AsyncXMLInputFactory;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * Frames one connection's bytes into {@link StreamEvent}s with a non-blocking parser (one per connection): the
 * stream header, each first-level element as an {@link XmlElement} tree, the stream end. Hardened: a DTD,
 * an entity reference, a comment or a processing instruction ends the stream (RFC 6120 §11.1), as do a stanza
 * over the size limit or nesting deeper than the depth limit (policy-violation). After a failure every further
 * byte is discarded. {@link #restart()} starts a fresh parser for a stream restart (RFC 6120 §4.3.3).
 */
public final class XmppStreamDecoder extends ByteToMessageDecoder {

    private static final AsyncXMLInputFactory FACTORY = newFactory();

    private final XmppEndpointConfig config;
    private final String connectionId;
    private AsyncXMLStreamReader<AsyncByteArrayFeeder> reader;
    private long fed;
    private long stanzaStart;
    private boolean opened;
    private boolean failed;
    private final StringBuilder prolog = new StringBuilder();
    private final Deque<PartialElement> open = new ArrayDeque<>();

    public XmppStreamDecoder(XmppEndpointConfig config, String connectionId) {
        this.config = config;
        this.connectionId = connectionId;
        restart();
    }

    /** Forgets the current stream and parses the next bytes as a new stream. */
    public void restart() {
        reader = FACTORY.createAsyncForByteArray();
        fed = 0;
        stanzaStart = -1;
        opened = false;
        prolog.setLength(0);
        open.clear();
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        byte[] bytes = new byte[in.readableBytes()];
        in.readBytes(bytes);
        try {
            reader.getInputFeeder().feedInput(bytes, 0, bytes.length);
            fed += bytes.length;
            if (!opened) {
                prolog.append(new String(bytes, StandardCharsets.ISO_8859_1));
            }
            drain(out);
            checkSize(fed);
        } catch (XmppStreamException e) {
            fail(out, e.condition(), e.getMessage());
        } catch (XMLStreamException e) {
            if (!opened && prolog.indexOf("<!DOCTYPE") >= 0) {
                fail(out, StreamErrorCondition.RESTRICTED_XML, "a DOCTYPE from connection " + connectionId
                        + " (DTDs are refused, RFC 6120 §11.1)");
            } else {
                fail(out, StreamErrorCondition.NOT_WELL_FORMED, "not well-formed XML from connection "
                        + connectionId + ": " + e.getMessage());
            }
        }
    }

    private void fail(List<Object> out, StreamErrorCondition condition, String reason) {
        failed = true;
        out.add(new StreamEvent.Failed(condition, reason));
    }

    private void drain(List<Object> out) throws XMLStreamException {
        int event;
        while ((event = reader.next()) != AsyncXMLStreamReader.EVENT_INCOMPLETE) {
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> start(out);
                case XMLStreamConstants.END_ELEMENT -> end(out);
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text();
                case XMLStreamConstants.START_DOCUMENT -> {
                    // the XML declaration: nothing to do
                }
                case XMLStreamConstants.DTD -> throw new XmppStreamException(StreamErrorCondition.RESTRICTED_XML,
                        "a DOCTYPE from connection " + connectionId + " (DTDs are refused, RFC 6120 §11.1)");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new XmppStreamException(
                        StreamErrorCondition.RESTRICTED_XML, "an entity reference '" + reader.getLocalName()
                        + "' from connection " + connectionId + " (RFC 6120 §11.1)");
                case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION ->
                        throw new XmppStreamException(StreamErrorCondition.RESTRICTED_XML, "a comment or processing"
                                + " instruction from connection " + connectionId + " (RFC 6120 §11.1)");
                case XMLStreamConstants.END_DOCUMENT -> {
                    return;
                }
                default -> throw new XmppStreamException(StreamErrorCondition.BAD_FORMAT, "unexpected XML event "
                        + event + " from connection " + connectionId);
            }
            checkSize(reader.getLocationInfo().getEndingByteOffset());
        }
    }

    private void start(List<Object> out) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String prefix = reader.getAttributePrefix(i);
            String name = reader.getAttributeLocalName(i);
            attributes.put(prefix == null || prefix.isEmpty() ? name : prefix + ":" + name,
                    reader.getAttributeValue(i));
        }
        String namespace = nullToEmpty(reader.getNamespaceURI());
        String name = reader.getLocalName();
        if (!opened) {
            opened = true;
            prolog.setLength(0);
            out.add(new StreamEvent.Opened(name, namespace, attributes));
            return;
        }
        if (open.isEmpty()) {
            stanzaStart = reader.getLocationInfo().getStartingByteOffset();
        }
        if (open.size() + 1 > config.maxDepth()) {
            throw new XmppStreamException(StreamErrorCondition.POLICY_VIOLATION, "element nesting "
                    + (open.size() + 1) + " from connection " + connectionId + " is deeper than the limit "
                    + config.maxDepth());
        }
        open.push(new PartialElement(name, namespace, attributes));
    }

    private void end(List<Object> out) {
        if (open.isEmpty()) {
            out.add(new StreamEvent.Closed());
            return;
        }
        PartialElement done = open.pop();
        XmlElement element = new XmlElement(done.name, done.namespace, done.attributes, done.children);
        if (open.isEmpty()) {
            stanzaStart = -1;
            out.add(new StreamEvent.Stanza(element));
        } else {
            open.peek().children.add(element);
        }
    }

    private void text() throws XMLStreamException {
        String text = reader.getText();
        if (open.isEmpty()) {
            if (!text.isBlank()) {
                throw new XmppStreamException(StreamErrorCondition.BAD_FORMAT, "text outside any stanza from"
                        + " connection " + connectionId);
            }
            return;
        }
        open.peek().children.add(new XmlNode.Text(text));
    }

    /** Fails when the stanza being read (or the prolog) is over the limit at parse position {@code position}. */
    private void checkSize(long position) {
        long size = opened ? (stanzaStart < 0 ? 0 : position - stanzaStart) : fed;
        if (size > config.maxStanzaBytes()) {
            throw new XmppStreamException(StreamErrorCondition.POLICY_VIOLATION, (opened ? "a stanza of " : "a"
                    + " stream header of ") + "at least " + size + " bytes from connection " + connectionId
                    + " is over the limit of " + config.maxStanzaBytes() + " bytes");
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static AsyncXMLInputFactory newFactory() {
        InputFactoryImpl factory = new InputFactoryImpl();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }

    /** An element whose end tag has not arrived yet. */
    private static final class PartialElement {
        final String name;
        final String namespace;
        final Map<String, String> attributes;
        final List<XmlNode> children = new ArrayList<>();

        PartialElement(String name, String namespace, Map<String, String> attributes) {
            this.name = name;
            this.namespace = namespace;
            this.attributes = attributes;
        }
    }
}
