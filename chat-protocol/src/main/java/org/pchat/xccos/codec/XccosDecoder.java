package org.pchat.xccos.codec;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.pchat.xccos.model.XccosElement;
import org.pchat.xccos.model.XccosEnvelope;

/**
 * Decodes the body of one SIP INFO into an {@link XccosEnvelope} (xccos.md §3).
 *
 * <p>Hardened: the body size is checked before parsing; the JDK's own StAX parser is used (never one found on
 * the class path) with DTD support, external entities and entity replacement off and a resolver that refuses
 * every external resource; a DOCTYPE or an entity reference is an error; depth, element count, attributes,
 * attribute values and text are limited by {@link XccosLimits}.
 *
 * <p>Lenient where peers differ: namespace-aware, children matched by local name in the XCCOS namespace (or
 * none), unknown elements and attributes ignored, unknown command ids kept as
 * {@link org.pchat.xccos.model.UnknownCommandData}, {@code ver} defaulting to 1, a {@code grpchat} or {@code ntc}
 * without {@code seqid} read as seqid 1.
 *
 * <p>Thread-safe and cheap: it holds only its limits and creates a parser factory per call (about a
 * microsecond). Share one instance.
 */
public final class XccosDecoder {

    private final XccosLimits limits;

    /** A decoder with {@link XccosLimits#defaults()}. */
    public XccosDecoder() {
        this(XccosLimits.defaults());
    }

    public XccosDecoder(XccosLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** The limits this decoder enforces. */
    public XccosLimits limits() {
        return limits;
    }

    /**
     * Decodes a body given as text.
     *
     * @throws XccosException of the kind that describes the problem
     */
    public XccosEnvelope decode(String body) throws XccosException {
        Objects.requireNonNull(body, "body");
        checkSize(utf8Length(body));
        return parse(body.startsWith("\uFEFF") ? body.substring(1) : body);
    }

    /**
     * Decodes a UTF-8 body (a leading byte-order mark is allowed).
     *
     * @throws XccosException of the kind that describes the problem, {@link XccosSyntaxException} for bytes that
     *                        are not UTF-8
     */
    public XccosEnvelope decode(byte[] body) throws XccosException {
        Objects.requireNonNull(body, "body");
        checkSize(body.length);
        int start = body.length >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF
                ? 3 : 0;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, start, body.length - start))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new XccosSyntaxException("the body is not valid UTF-8 (" + e.getMessage() + ")", -1, -1, e);
        }
        return parse(text);
    }

    private void checkSize(long bytes) throws XccosLimitExceededException {
        if (bytes > limits.maxBodyBytes()) {
            throw new XccosLimitExceededException(XccosLimit.BODY_BYTES, bytes, limits.maxBodyBytes(),
                    "the body, before parsing");
        }
    }

    private XccosEnvelope parse(String text) throws XccosException {
        try (GuardedReader in = new GuardedReader(open(text), limits)) {
            in.nextRoot();
            if (!XccosEnvelope.NAMESPACE.equals(in.namespace()) || !XccosEnvelope.ELEMENT.equals(in.localName())) {
                throw new XccosUnsupportedDocumentException(in.namespace(), in.localName());
            }
            int version = in.attribute("ver", XccosDecoder::parseVersion).orElse(XccosEnvelope.VERSION);
            long envId = in.requiredAttribute("envid", XccosEnvelope::parseEnvId);
            PayloadReader elements = new PayloadReader(in);
            List<XccosElement> payload = new ArrayList<>();
            while (in.nextChild()) {
                elements.readElement().ifPresent(payload::add);
            }
            in.finish();
            return new XccosEnvelope(version, envId, payload);
        }
    }

    private static int parseVersion(String text) {
        int version = Integer.parseInt(text);
        if (version < 1) {
            throw new IllegalArgumentException("version " + version + " is below 1");
        }
        return version;
    }

    private static XMLStreamReader open(String text) throws XccosSyntaxException {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resource " + systemId + " refused");
        });
        try {
            return factory.createXMLStreamReader(new StringReader(text));
        } catch (XMLStreamException e) {
            throw new XccosSyntaxException(e.getMessage(), -1, -1, e);
        }
    }

    /** The UTF-8 length of {@code text}, without encoding it. */
    static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
