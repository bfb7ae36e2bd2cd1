package org.pchat.interop.support;

import java.io.StringWriter;
import java.util.List;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The test side's own XCCOS writer (independent of the server's codec, so a codec bug cannot hide
 * symmetrically). Envelopes are {@code <xccos ver="1" envid="…" xmlns="urn:parlano:xml:ns:xccos">} with one
 * {@code cmd} (seqid 1) or one {@code grpchat} (xccos.md §3.1, §3.2, §5.1), written with {@link XMLStreamWriter}.
 */
public final class XccosWriter {

    /** The XCCOS namespace (xccos.md §3.1). */
    public static final String NAMESPACE = "urn:parlano:xml:ns:xccos";
    /** {@code seqid} of every command: "1", as every known client sends (xccos.md §3.2, §9). */
    public static final String SEQ_ID = "1";

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();

    private XccosWriter() {
    }

    /** Writes the children of an element. */
    @FunctionalInterface
    public interface Content {
        /** Writes into {@code out}, positioned inside the parent element. */
        void write(XMLStreamWriter out) throws XMLStreamException;
    }

    /** A command envelope: {@code <xccos …><cmd id="cmd:NAME" seqid="1"><data>…</data></cmd></xccos>} (§3.2). */
    public static String command(long envid, String commandId, Content data) {
        return envelope(envid, out -> {
            out.writeStartElement("cmd");
            out.writeAttribute("id", commandId);
            out.writeAttribute("seqid", SEQ_ID);
            out.writeStartElement("data");
            data.write(out);
            out.writeEndElement();
            out.writeEndElement();
        });
    }

    /**
     * A post: {@code <grpchat id="grpchat" seqid="1" chanUri author ts><chat>text</chat></grpchat>} (§5.1).
     *
     * @param ts ISO-8601 UTC timestamp, e.g. {@code 2013-08-05T10:11:12Z}
     */
    public static String groupChat(long envid, RoomUri room, String author, String ts, String text) {
        return envelope(envid, out -> {
            out.writeStartElement("grpchat");
            out.writeAttribute("id", "grpchat");
            out.writeAttribute("seqid", SEQ_ID);
            out.writeAttribute("chanUri", room.toString());
            out.writeAttribute("author", author);
            out.writeAttribute("ts", ts);
            out.writeStartElement("chat");
            out.writeCharacters(text);
            out.writeEndElement();
            out.writeEndElement();
        });
    }

    /** {@code <xccos ver="1" envid="…" xmlns="urn:parlano:xml:ns:xccos">payload</xccos>} (§3.1). */
    public static String envelope(long envid, Content payload) {
        Objects.requireNonNull(payload, "payload");
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter out = OUTPUT.createXMLStreamWriter(text);
            out.writeStartElement("xccos");
            out.writeDefaultNamespace(NAMESPACE);
            out.writeAttribute("ver", "1");
            out.writeAttribute("envid", Long.toUnsignedString(envid));
            payload.write(out);
            out.writeEndElement();
            out.flush();
            out.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write an XCCOS envelope", e);
        }
        return text.toString();
    }

    /** Empty {@code data}: {@code cmd:requri}, {@code cmd:nodespermcreatechild} (§4.1, §4.12). */
    public static Content empty() {
        return out -> { };
    }

    /** {@code <sib domain="…" infoType="123"/>} for {@code cmd:getserverinfo} (§4.2). */
    public static Content serverInfoQuery(String domain) {
        return out -> {
            out.writeEmptyElement("sib");
            out.writeAttribute("domain", domain);
            out.writeAttribute("infoType", "123");
        };
    }

    /** {@code <qib qtype="BYNAME" criteria="…" extended="false"/>} for {@code cmd:chansrch} (§4.10). */
    public static Content searchQuery(String criteria) {
        return out -> {
            out.writeEmptyElement("qib");
            out.writeAttribute("qtype", "BYNAME");
            out.writeAttribute("criteria", criteria);
            out.writeAttribute("extended", "false");
        };
    }

    /** {@code <chanid key="i" domain="…" value="…"/>} per room, keys 0, 1, 2… (§4.5, §4.6). */
    public static Content channelIds(List<RoomUri> rooms) {
        return out -> {
            for (int key = 0; key < rooms.size(); key++) {
                out.writeEmptyElement("chanid");
                out.writeAttribute("key", Integer.toString(key));
                out.writeAttribute("domain", rooms.get(key).domain());
                out.writeAttribute("value", rooms.get(key).value());
            }
        };
    }

    /** {@code <chanib uri="…"/>} for {@code cmd:part} (§4.7). */
    public static Content channel(RoomUri room) {
        return out -> {
            out.writeEmptyElement("chanib");
            out.writeAttribute("uri", room.toString());
        };
    }

    /** {@code <chanib uri="…"/><bcq><last cnt="n"/></bcq>} for {@code cmd:bccontext} (§4.9). */
    public static Content lastMessages(RoomUri room, int count) {
        return out -> {
            channel(room).write(out);
            out.writeStartElement("bcq");
            out.writeEmptyElement("last");
            out.writeAttribute("cnt", Integer.toString(count));
            out.writeEndElement();
        };
    }

    /** {@code <inv inviteId="1" domain="…"/>} for {@code cmd:getinv} (§4.4). */
    public static Content invitationQuery(String domain) {
        return out -> {
            out.writeEmptyElement("inv");
            out.writeAttribute("inviteId", "1");
            out.writeAttribute("domain", domain);
        };
    }
}
