package org.pchat.xccos.codec;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.pchat.xccos.model.XccosEnvelope;

/**
 * A pull reader over one XCCOS body that enforces {@link XccosLimits} on every event, refuses DTDs and entity
 * references, and offers the small vocabulary the element readers need. Element readers follow one rule: they
 * start on their element's START_ELEMENT and return on its END_ELEMENT.
 */
final class GuardedReader implements AutoCloseable {

    private static final int MAX_PATH_SEGMENTS_SHOWN = 8;

    private final XMLStreamReader xml;
    private final XccosLimits limits;
    private final String[] path;
    private final int[] textLength;
    private int depth;
    private int elements;

    GuardedReader(XMLStreamReader xml, XccosLimits limits) {
        this.xml = xml;
        this.limits = limits;
        this.path = new String[limits.maxDepth() + 1];
        this.textLength = new int[limits.maxDepth() + 1];
    }

    /** Advances one event, enforcing every limit and refusing forbidden constructs. */
    int next() throws XccosException {
        int event = advance();
        switch (event) {
            case XMLStreamConstants.START_ELEMENT -> enterElement();
            case XMLStreamConstants.END_ELEMENT -> depth--;
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                textLength[depth] += xml.getTextLength();
                checkText(textLength[depth]);
            }
            case XMLStreamConstants.DTD -> throw forbidden("a DOCTYPE declaration");
            case XMLStreamConstants.ENTITY_REFERENCE -> throw forbidden("the entity reference &" + xml.getLocalName()
                    + ";");
            default -> {
                // comments, processing instructions and document events carry nothing for XCCOS
            }
        }
        return event;
    }

    private int advance() throws XccosSyntaxException {
        try {
            return xml.next();
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            throw new XccosSyntaxException(e.getNestedException() != null ? e.getNestedException().getMessage()
                    : e.getMessage(), at == null ? -1 : at.getLineNumber(), at == null ? -1 : at.getColumnNumber(), e);
        } catch (RuntimeException e) {
            // the JDK parser signals some malformed input with unchecked exceptions; it is still malformed input
            throw new XccosSyntaxException(String.valueOf(e.getMessage()), line(), column(), e);
        }
    }

    private void enterElement() throws XccosLimitExceededException {
        depth++;
        if (depth > limits.maxDepth()) {
            throw exceeded(XccosLimit.DEPTH, depth, limits.maxDepth());
        }
        path[depth] = xml.getLocalName();
        textLength[depth] = 0;
        elements++;
        if (elements > limits.maxElements()) {
            throw exceeded(XccosLimit.ELEMENTS, elements, limits.maxElements());
        }
        int attributes = xml.getAttributeCount();
        if (attributes > limits.maxAttributesPerElement()) {
            throw exceeded(XccosLimit.ATTRIBUTES_PER_ELEMENT, attributes, limits.maxAttributesPerElement());
        }
        for (int i = 0; i < attributes; i++) {
            int length = xml.getAttributeValue(i).length();
            if (length > limits.maxAttributeValueLength()) {
                throw new XccosLimitExceededException(XccosLimit.ATTRIBUTE_VALUE_LENGTH, length,
                        limits.maxAttributeValueLength(), path() + "/@" + xml.getAttributeLocalName(i));
            }
        }
    }

    private void checkText(int length) throws XccosLimitExceededException {
        if (length > limits.maxTextLength()) {
            throw exceeded(XccosLimit.TEXT_LENGTH, length, limits.maxTextLength());
        }
    }

    /** Advances to the root element. */
    void nextRoot() throws XccosException {
        int event;
        do {
            event = next();
        } while (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_DOCUMENT);
        if (event == XMLStreamConstants.END_DOCUMENT) {
            throw new XccosSyntaxException("no root element", line(), column(), null);
        }
    }

    /** Reads the rest of the document after the root, so trailing garbage is reported. */
    void finish() throws XccosException {
        while (next() != XMLStreamConstants.END_DOCUMENT) {
            // the parser reports any content after the root element
        }
    }

    /**
     * From inside an element (after its start or after a fully read child), advances to the next child element.
     *
     * @return true on a child's START_ELEMENT, false on the element's own END_ELEMENT
     */
    boolean nextChild() throws XccosException {
        while (true) {
            int event = next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
        }
    }

    /** Skips the current element and everything inside it, still enforcing the limits. */
    void skipElement() throws XccosException {
        int target = depth - 1;
        while (depth > target) {
            next();
        }
    }

    /** Reads all text inside the current element (children's text included) and ends on its END_ELEMENT. */
    String readText() throws XccosException {
        StringBuilder text = new StringBuilder();
        int target = depth - 1;
        while (depth > target) {
            int event = next();
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                checkText(text.length());
            }
        }
        return text.toString();
    }

    /** The local name of the current element when it is in the XCCOS namespace (or none), else the empty string. */
    String xccosName() {
        String namespace = xml.getNamespaceURI();
        return namespace == null || namespace.isEmpty() || XccosEnvelope.NAMESPACE.equals(namespace)
                ? xml.getLocalName()
                : "";
    }

    String localName() {
        return xml.getLocalName();
    }

    String namespace() {
        String namespace = xml.getNamespaceURI();
        return namespace == null ? "" : namespace;
    }

    /** An unqualified attribute of the current element. */
    Optional<String> attribute(String name) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String namespace = xml.getAttributeNamespace(i);
            if ((namespace == null || namespace.isEmpty()) && name.equals(xml.getAttributeLocalName(i))) {
                return Optional.of(xml.getAttributeValue(i));
            }
        }
        return Optional.empty();
    }

    /** A required attribute of the current element. */
    String requiredAttribute(String name) throws XccosFormatException {
        Optional<String> value = attribute(name);
        if (value.isEmpty()) {
            throw XccosFormatException.missingAttribute(path(), name);
        }
        return value.get();
    }

    /** A required attribute converted by {@code parser}, whose IllegalArgumentException becomes a format error. */
    <T> T requiredAttribute(String name, Function<String, T> parser) throws XccosFormatException {
        return convert(name, requiredAttribute(name), parser);
    }

    /** An optional attribute converted by {@code parser}. */
    <T> Optional<T> attribute(String name, Function<String, T> parser) throws XccosFormatException {
        Optional<String> value = attribute(name);
        return value.isEmpty() ? Optional.empty() : Optional.of(convert(name, value.get(), parser));
    }

    private <T> T convert(String name, String value, Function<String, T> parser) throws XccosFormatException {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw XccosFormatException.invalidAttribute(path(), name, value, e);
        }
    }

    /** Runs a model constructor; its IllegalArgumentException becomes a format error naming {@code where}. */
    static <T> T construct(String where, Supplier<T> constructor) throws XccosFormatException {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw XccosFormatException.invalidElement(where, e);
        }
    }

    /** The path of the current element, e.g. {@code xccos/cmd/data}, shortened when deep. */
    String path() {
        int shown = Math.min(depth, path.length - 1);
        StringBuilder result = new StringBuilder();
        for (int i = 1; i <= shown; i++) {
            if (i > MAX_PATH_SEGMENTS_SHOWN / 2 && i <= shown - MAX_PATH_SEGMENTS_SHOWN / 2) {
                if (i == MAX_PATH_SEGMENTS_SHOWN / 2 + 1) {
                    result.append("/…");
                }
                continue;
            }
            result.append(i > 1 ? "/" : "").append(path[i]);
        }
        if (depth > shown) {
            result.append("/").append(xml.getLocalName());
        }
        return result.toString();
    }

    private XccosLimitExceededException exceeded(XccosLimit limit, long seen, long max) {
        return new XccosLimitExceededException(limit, seen, max, path() + " (line " + line() + ")");
    }

    private XccosForbiddenConstructException forbidden(String construct) {
        return new XccosForbiddenConstructException(construct, line(), column());
    }

    private int line() {
        Location at = xml.getLocation();
        return at == null ? -1 : at.getLineNumber();
    }

    private int column() {
        Location at = xml.getLocation();
        return at == null ? -1 : at.getColumnNumber();
    }

    @Override
    public void close() throws XccosSyntaxException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            throw new XccosSyntaxException(e.getMessage(), line(), column(), e);
        }
    }
}
