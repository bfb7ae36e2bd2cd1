package org.pchat.xccos.codec;

import java.io.Writer;
import java.util.Locale;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The escaping writer under the encoder: a JDK {@link XMLStreamWriter} (never one found on the class path) plus
 * two rules StAX leaves to the caller. Characters XML 1.0 cannot carry are refused with an
 * {@link IllegalArgumentException} naming the element or attribute; a carriage return in text is written as
 * {@code &#13;} so that it survives XML line-end normalization (xccos.md §5.1: line breaks are CRLF).
 * Writing to an in-memory writer cannot fail, so StAX errors surface as {@link IllegalStateException}.
 */
final class XmlOut {

    private final XMLStreamWriter xml;

    XmlOut(Writer sink) {
        try {
            this.xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(sink);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot create the JDK XML writer", e);
        }
    }

    /** Opens the root element and declares {@code namespace} as the default namespace. */
    void root(String name, String namespace) {
        try {
            xml.writeStartElement(name);
            xml.writeDefaultNamespace(namespace);
        } catch (XMLStreamException e) {
            throw failed(name, e);
        }
    }

    /** Opens an element that will have content; close it with {@link #end()}. */
    void start(String name) {
        try {
            xml.writeStartElement(name);
        } catch (XMLStreamException e) {
            throw failed(name, e);
        }
    }

    /** Writes an element without content ({@code <name/>}); its attributes follow. */
    void empty(String name) {
        try {
            xml.writeEmptyElement(name);
        } catch (XMLStreamException e) {
            throw failed(name, e);
        }
    }

    /**
     * Writes an attribute of the element just opened. Tab, CR and LF are written as they are and read back as
     * spaces (XML attribute-value normalization).
     */
    void attribute(String name, String value) {
        requireXmlChars(value, "attribute " + name);
        try {
            xml.writeAttribute(name, value);
        } catch (XMLStreamException e) {
            throw failed(name, e);
        }
    }

    void attribute(String name, long value) {
        attribute(name, Long.toString(value));
    }

    void attribute(String name, Optional<String> value) {
        value.ifPresent(v -> attribute(name, v));
    }

    /** Writes escaped text; carriage returns become {@code &#13;}. */
    void text(String value, String element) {
        requireXmlChars(value, "the text of " + element);
        try {
            int from = 0;
            for (int cr = value.indexOf('\r'); cr >= 0; cr = value.indexOf('\r', from)) {
                xml.writeCharacters(value.substring(from, cr));
                xml.writeEntityRef("#13");
                from = cr + 1;
            }
            xml.writeCharacters(value.substring(from));
        } catch (XMLStreamException e) {
            throw failed(element, e);
        }
    }

    /** Writes {@code <name>text</name>}. */
    void textElement(String name, String value) {
        start(name);
        text(value, name);
        end();
    }

    /** Closes the innermost open element. */
    void end() {
        try {
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw failed("end element", e);
        }
    }

    /** Closes every open element and flushes. */
    void finish() {
        try {
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw failed("end of document", e);
        }
    }

    private static IllegalStateException failed(String what, XMLStreamException e) {
        return new IllegalStateException("XML writer failed at " + what, e);
    }

    /** Refuses code points outside the XML 1.0 Char production and unpaired surrogates. */
    static void requireXmlChars(String value, String where) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
                if (ok) {
                    i++;
                    continue;
                }
            } else if (Character.isLowSurrogate(c)) {
                ok = false;
            } else {
                ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
            }
            if (!ok) {
                throw new IllegalArgumentException(where + " contains U+" + String.format(Locale.ROOT, "%04X", (int) c)
                        + " at index " + i + ", which XML 1.0 cannot carry");
            }
        }
    }
}
