package org.pchat.server.compliance;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Validates compliance XML against the shipped schema and reads it back for assertions. */
final class LyncXml {

    private LyncXml() {
    }

    /** The schema shipped in {@code compliance/lync-compliance.xsd}. */
    static Schema schema() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            URL xsd = LyncXml.class.getResource("/compliance/lync-compliance.xsd");
            if (xsd == null) {
                throw new AssertionError("compliance/lync-compliance.xsd is not on the class path");
            }
            return factory.newSchema(xsd);
        } catch (Exception e) {
            throw new AssertionError("cannot load the compliance schema", e);
        }
    }

    /** Validates; throws the validator's error (line, column, reason) when the text is not valid. */
    static void validate(String xml) throws Exception {
        schema().newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    static void validate(Path file) throws Exception {
        validate(Files.readString(file));
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    static Document parse(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(in);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    /** The elements of a name, in document order. */
    static List<Element> elements(Document document, String name) {
        NodeList nodes = document.getElementsByTagName(name);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    /** The first child element of a name. */
    static Element child(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        if (nodes.getLength() == 0) {
            throw new AssertionError("<" + parent.getTagName() + "> has no <" + name + ">");
        }
        return (Element) nodes.item(0);
    }
}
