package org.pchat.interop.support;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * INFO bodies a hardened XCCOS parser must refuse (ARCHITECTURE.md §6: no DTDs, no external entities, depth
 * and size limits), written with {@link XMLStreamWriter} ({@code writeDTD}, {@code writeEntityRef}) so that
 * only the attack itself is literal text.
 */
public final class HostileXccos {
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();
    /** Ten levels of tenfold expansion: 10^9 "lol"s from a few hundred bytes. */
    private static final String BILLION_LAUGHS_DTD = """
            <!DOCTYPE xccos [
             <!ENTITY lol "lol">
             <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
             <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
             <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
             <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
             <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
             <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
             <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
             <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
             <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>""";

    private HostileXccos() {
    }

    /** A command envelope cut off in the middle: not well-formed. */
    public static String truncated(long envid) {
        String whole = XccosWriter.command(envid, "cmd:chansrch", XccosWriter.searchQuery(""));
        return whole.substring(0, whole.length() / 2);
    }

    /** A well-formed document whose root is not {@code xccos} in the XCCOS namespace (xccos.md §2.2, §3.1). */
    public static String wrongRoot() {
        return write(out -> {
            out.writeStartElement("html");
            out.writeDefaultNamespace("http://www.w3.org/1999/xhtml");
            out.writeEmptyElement("body");
            out.writeEndElement();
        });
    }

    /** A post whose text is the billion-laughs entity expansion. */
    public static String billionLaughs(long envid, RoomUri room, String author) {
        return postWithDtd(envid, room, author, BILLION_LAUGHS_DTD, "lol9");
    }

    /** A post whose text is an external entity naming {@code systemId} (e.g. {@code file:///etc/passwd}). */
    public static String externalEntity(long envid, RoomUri room, String author, String systemId) {
        return postWithDtd(envid, room, author, "<!DOCTYPE xccos [ <!ENTITY xxe SYSTEM \"%s\"> ]>".formatted(systemId),
                "xxe");
    }

    /** A command whose DOCTYPE points at an external DTD at {@code systemId}. */
    public static String externalDtd(long envid, String systemId) {
        return write(out -> {
            out.writeDTD("<!DOCTYPE xccos SYSTEM \"" + systemId + "\">");
            envelopeBody(out, envid, o -> {
                o.writeStartElement("cmd");
                o.writeAttribute("id", "cmd:chansrch");
                o.writeAttribute("seqid", XccosWriter.SEQ_ID);
                o.writeStartElement("data");
                XccosWriter.searchQuery("").write(o);
                o.writeEndElement();
                o.writeEndElement();
            });
        });
    }

    /** A command whose {@code data} holds {@code depth} nested elements. */
    public static String deeplyNested(long envid, int depth) {
        return XccosWriter.command(envid, "cmd:chansrch", out -> {
            for (int i = 0; i < depth; i++) {
                out.writeStartElement("d");
            }
            for (int i = 0; i < depth; i++) {
                out.writeEndElement();
            }
        });
    }

    /** A valid {@code cmd:chansrch} padded (in its criteria) to at least {@code bytes} bytes. */
    public static String oversize(long envid, int bytes) {
        return XccosWriter.command(envid, "cmd:chansrch", XccosWriter.searchQuery("x".repeat(bytes)));
    }

    private static String postWithDtd(long envid, RoomUri room, String author, String dtd, String entity) {
        return write(out -> {
            out.writeDTD(dtd);
            envelopeBody(out, envid, o -> {
                o.writeStartElement("grpchat");
                o.writeAttribute("id", "grpchat");
                o.writeAttribute("seqid", XccosWriter.SEQ_ID);
                o.writeAttribute("chanUri", room.toString());
                o.writeAttribute("author", author);
                o.writeAttribute("ts", "2024-01-01T00:00:00Z");
                o.writeStartElement("chat");
                o.writeEntityRef(entity);
                o.writeEndElement();
                o.writeEndElement();
            });
        });
    }

    private static void envelopeBody(XMLStreamWriter out, long envid, XccosWriter.Content payload)
            throws XMLStreamException {
        out.writeStartElement("xccos");
        out.writeDefaultNamespace(XccosWriter.NAMESPACE);
        out.writeAttribute("ver", "1");
        out.writeAttribute("envid", Long.toUnsignedString(envid));
        payload.write(out);
        out.writeEndElement();
    }

    private static String write(XccosWriter.Content document) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter out = OUTPUT.createXMLStreamWriter(text);
            document.write(out);
            out.flush();
            out.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write a hostile test body", e);
        }
        return text.toString();
    }
}
