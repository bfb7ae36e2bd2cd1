package org.pchat.server.web.soap;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SOAP 1.1 request of the file web service: the operation (the body's first element, in namespace
 * {@value #NAMESPACE}) and its parameters (that element's children, by local name, as text). Parsed with a
 * StAX reader that refuses DTDs and entity declarations, does not resolve external entities, and limits depth,
 * parameter count and text size.
 *
 * @param operation  the operation's local name, e.g. {@code AppendChunk}
 * @param parameters parameter name to text
 */
public record SoapRequest(String operation, Map<String, String> parameters) {

    private static final Logger LOG = LoggerFactory.getLogger(SoapRequest.class);

    /** SOAP 1.1 envelope namespace. */
    public static final String ENVELOPE = "http://schemas.xmlsoap.org/soap/envelope/";
    /** Namespace of the operations (xccos.md §8.1). */
    public static final String NAMESPACE = "http://www.microsoft.com";

    private static final int MAX_DEPTH = 8;
    private static final int MAX_PARAMETERS = 32;

    public SoapRequest {
        Objects.requireNonNull(operation, "operation");
        parameters = Map.copyOf(parameters);
    }

    /** A parameter's text. */
    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name)).map(String::strip);
    }

    /**
     * Parses a request body.
     *
     * @throws SoapFault a client fault naming what is wrong (malformed XML, DTD, wrong envelope…)
     */
    public static SoapRequest parse(byte[] body) {
        XMLStreamReader reader = null;
        try {
            reader = factory().createXMLStreamReader(new ByteArrayInputStream(body));
            return read(reader);
        } catch (XMLStreamException e) {
            throw SoapFault.client("the request is not well-formed XML: " + firstLine(e.getMessage()));
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException e) {
                    LOG.debug("soap - closing the request reader failed: {}", e.toString());
                }
            }
        }
    }

    private static SoapRequest read(XMLStreamReader r) throws XMLStreamException {
        int depth = 0;
        String operation = null;
        String parameter = null;
        StringBuilder text = new StringBuilder();
        Map<String, String> parameters = new LinkedHashMap<>();
        while (r.hasNext()) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION ->
                        throw SoapFault.client("DTDs and entities are not accepted");
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    if (depth > MAX_DEPTH) {
                        throw SoapFault.client("the request nests deeper than " + MAX_DEPTH + " elements");
                    }
                    if (depth == 1 && !(ENVELOPE.equals(r.getNamespaceURI()) && "Envelope".equals(r.getLocalName()))) {
                        throw SoapFault.client("the root element is {" + r.getNamespaceURI() + "}" + r.getLocalName()
                                + ", expected a SOAP 1.1 Envelope");
                    }
                    if (depth == 2 && ENVELOPE.equals(r.getNamespaceURI()) && "Body".equals(r.getLocalName())) {
                        operation = "";
                    } else if (depth == 3 && "".equals(operation)) {
                        if (!NAMESPACE.equals(r.getNamespaceURI())) {
                            throw SoapFault.client("operation " + r.getLocalName() + " is in namespace '"
                                    + r.getNamespaceURI() + "', expected '" + NAMESPACE + "'");
                        }
                        operation = r.getLocalName();
                    } else if (depth == 4 && operation != null && !operation.isEmpty()) {
                        parameter = r.getLocalName();
                        text.setLength(0);
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                    if (parameter != null) {
                        text.append(r.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (depth == 4 && parameter != null) {
                        if (parameters.size() >= MAX_PARAMETERS) {
                            throw SoapFault.client("the operation has more than " + MAX_PARAMETERS + " parameters");
                        }
                        parameters.put(parameter, text.toString());
                        parameter = null;
                    }
                    depth--;
                }
                default -> {
                    // comments, processing instructions and whitespace carry nothing
                }
            }
        }
        if (operation == null || operation.isEmpty()) {
            throw SoapFault.client("the SOAP Body holds no operation");
        }
        return new SoapRequest(operation, parameters);
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
