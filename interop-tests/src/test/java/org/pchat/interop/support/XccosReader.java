package org.pchat.interop.support;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The test side's own XCCOS reader: a hardened, namespace-aware DOM parse (no DTDs, no external entities)
 * turned into immutable records. It insists on what xccos.md §3 fixes: root {@code xccos} in
 * {@code urn:parlano:xml:ns:xccos}, an unsigned 64-bit {@code envid}, {@code commandid} on every {@code rpl}.
 * Unknown elements and attributes are kept, not rejected (§3.1).
 */
public final class XccosReader {

    private XccosReader() {
    }

    /**
     * Parses a server body.
     *
     * @throws AssertionError when the body is not a well-formed XCCOS envelope (the server under test sent it)
     */
    public static XccosEnvelope parse(String body) {
        XmlNode root = toNode(document(body).getDocumentElement());
        if (!"xccos".equals(root.name()) || !XccosWriter.NAMESPACE.equals(root.namespace())) {
            throw new AssertionError("Expected root element xccos in " + XccosWriter.NAMESPACE + " (but got {"
                    + root.namespace() + "}" + root.name() + "): " + body);
        }
        long envid = unsignedLong(root.attr("envid"), "xccos/@envid", body);
        List<XccosElement> elements = new ArrayList<>();
        for (XmlNode child : root.children()) {
            elements.add(switch (child.name()) {
                case "rpl" -> reply(child, body);
                case "ntc" -> new XccosNotice(child.attr("id"), dataOf(child));
                case "grpchat" -> XccosGroupChat.from(child);
                default -> new XccosOther(child);
            });
        }
        return new XccosEnvelope(envid, elements, body);
    }

    private static XccosReply reply(XmlNode rpl, String body) {
        XmlNode commandId = rpl.child("commandid").orElseThrow(() -> new AssertionError(
                "Expected rpl/commandid (xccos.md §3.3) (but " + rpl.attr("id") + " has none): " + body));
        long commandEnvid = unsignedLong(commandId.attr("envid"), "rpl/commandid/@envid", body);
        int code = XccosReply.NO_RESP;
        String text = "";
        if (rpl.child("resp").isPresent()) {
            XmlNode resp = rpl.child("resp").get();
            try {
                code = Integer.parseInt(resp.attr("code").trim());
            } catch (NumberFormatException e) {
                throw new AssertionError("Expected a numeric rpl/resp/@code (but got '" + resp.attr("code") + "'): "
                        + body, e);
            }
            text = resp.text().trim();
        }
        return new XccosReply(rpl.attr("id"), commandEnvid, commandId.attr("seqid"), code, text, dataOf(rpl));
    }

    private static XmlNode dataOf(XmlNode element) {
        return element.child("data").orElse(new XmlNode("data", XccosWriter.NAMESPACE, Map.of(), "", List.of()));
    }

    private static long unsignedLong(String value, String what, String body) {
        try {
            return Long.parseUnsignedLong(value.trim());
        } catch (NumberFormatException e) {
            throw new AssertionError("Expected " + what + " to be an unsigned 64-bit number (xccos.md §3.1) (but got '"
                    + value + "'): " + body, e);
        }
    }

    private static Document document(String body) {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(body)));
        } catch (SAXException | IOException e) {
            throw new AssertionError("Expected a well-formed XCCOS body (but parsing failed: " + e.getMessage() + "): "
                    + body, e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("cannot configure the XML parser", e);
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    private static XmlNode toNode(Element element) {
        Map<String, String> attributes = new LinkedHashMap<>();
        NamedNodeMap attrs = element.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr attr = (Attr) attrs.item(i);
            if (attr.getNamespaceURI() == null) {
                attributes.put(attr.getLocalName() == null ? attr.getName() : attr.getLocalName(), attr.getValue());
            }
        }
        StringBuilder text = new StringBuilder();
        List<XmlNode> children = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                children.add(toNode((Element) child));
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        String namespace = element.getNamespaceURI() == null ? "" : element.getNamespaceURI();
        String name = element.getLocalName() == null ? element.getTagName() : element.getLocalName();
        return new XmlNode(name, namespace, attributes, text.toString(), children);
    }
}
