package org.pchat.server.web.soap;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes SOAP 1.1 responses with an XML writer (all text escaped): the ASMX shape
 * {@code <OpResponse xmlns="http://www.microsoft.com"><OpResult>…</OpResult></OpResponse>} and faults.
 */
final class SoapResponses {

    private SoapResponses() {
    }

    /** The response of an operation with one result value. */
    static byte[] result(String operation, String value) {
        return write(w -> {
            w.writeStartElement("", operation + "Response", SoapRequest.NAMESPACE);
            w.writeDefaultNamespace(SoapRequest.NAMESPACE);
            w.writeStartElement("", operation + "Result", SoapRequest.NAMESPACE);
            w.writeCharacters(value);
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    /** A fault. */
    static byte[] fault(SoapFault fault) {
        return write(w -> {
            w.writeStartElement("soap", "Fault", SoapRequest.ENVELOPE);
            w.writeStartElement("faultcode");
            w.writeCharacters(fault.code());
            w.writeEndElement();
            w.writeStartElement("faultstring");
            w.writeCharacters(fault.getMessage());
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    private interface BodyWriter {
        void write(XMLStreamWriter writer) throws XMLStreamException;
    }

    private static byte[] write(BodyWriter body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("soap", "Envelope", SoapRequest.ENVELOPE);
            w.writeNamespace("soap", SoapRequest.ENVELOPE);
            w.writeStartElement("soap", "Body", SoapRequest.ENVELOPE);
            body.write(w);
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write a SOAP response", e);
        }
        return out.toString(StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
    }
}
