package org.pchat.interop.load;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The XCCOS bodies the load driver sends and the few facts it reads from what it receives (xccos.md §3-§5):
 * commands in {@code <cmd>}, posts as {@code <grpchat>}; replies matched by {@code commandid/@envid}. Built as
 * text (no shared codec with the server, so a codec bug cannot hide by being symmetric), read with the JDK StAX.
 */
final class Xccos {
    static final String NS = "urn:parlano:xml:ns:xccos";
    private static final XMLInputFactory FACTORY = newFactory();

    private Xccos() {
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }

    /** XML-escapes a value for an attribute or text: every value is escaped, whatever it holds. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String envelope(long envId, String payload) {
        return "<xccos ver=\"1\" envid=\"" + envId + "\" xmlns=\"" + NS + "\">" + payload + "</xccos>";
    }

    /** {@code cmd:bjoin} of rooms given as {@code ma-chan://domain/guid} ids (xccos.md §4.6). */
    static String bjoin(long envId, String domain, List<String> roomGuids) {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < roomGuids.size(); i++) {
            data.append("<chanid key=\"").append(i).append("\" domain=\"").append(escape(domain)).append("\" value=\"")
                    .append(escape(roomGuids.get(i))).append("\"/>");
        }
        return envelope(envId, "<cmd id=\"cmd:bjoin\" seqid=\"1\"><data>" + data + "</data></cmd>");
    }

    /** {@code cmd:join} of one room (xccos.md §4.5). */
    static String join(long envId, String domain, String roomGuid) {
        return envelope(envId, "<cmd id=\"cmd:join\" seqid=\"1\"><data><chanid key=\"0\" domain=\"" + escape(domain)
                + "\" value=\"" + escape(roomGuid) + "\"/></data></cmd>");
    }

    /** {@code cmd:part} (xccos.md §4.7). */
    static String part(long envId, String roomUri) {
        return envelope(envId, "<cmd id=\"cmd:part\" seqid=\"1\"><data><chanib uri=\"" + escape(roomUri)
                + "\"/></data></cmd>");
    }

    /** {@code cmd:bccontext} for the last {@code count} messages (xccos.md §4.9). */
    static String bccontext(long envId, String roomUri, int count) {
        return envelope(envId, "<cmd id=\"cmd:bccontext\" seqid=\"1\"><data><chanib uri=\"" + escape(roomUri)
                + "\"/><bcq><last cnt=\"" + count + "\"/></bcq></data></cmd>");
    }

    /** A post (xccos.md §5.1). */
    static String grpchat(long envId, String roomUri, String author, String text) {
        return envelope(envId, "<grpchat id=\"grpchat\" seqid=\"1\" chanUri=\"" + escape(roomUri) + "\" author=\""
                + escape(author) + "\" ts=\"" + Instant.now() + "\"><chat>" + escape(text) + "</chat></grpchat>");
    }

    /**
     * What the driver reads from a server INFO: each top-level element's kind and id, the envid it answers, its
     * response code, and for a live {@code grpchat} its room and text.
     *
     * @param kind       rpl, ntc or grpchat
     * @param id         the rpl/ntc id, {@code grpchat} for a post
     * @param answersEnv {@code commandid/@envid}, or -1
     * @param code       {@code resp/@code}, 200 when absent
     * @param roomUri    {@code chanUri} of a grpchat
     * @param text       the chat text of a grpchat
     * @param failedRooms number of {@code fib} elements (rooms a bjoin refused)
     */
    record Element(String kind, String id, long answersEnv, int code, String roomUri, String text, int failedRooms) {
    }

    /** The top-level elements of one body; a body that does not parse gives an XMLStreamException. */
    static List<Element> read(String body) throws XMLStreamException {
        XMLStreamReader r = FACTORY.createXMLStreamReader(new StringReader(body));
        try {
            java.util.ArrayList<Element> out = new java.util.ArrayList<>(1);
            int depth = 0;
            String kind = null;
            String id = null;
            long answers = -1;
            int code = 200;
            String room = null;
            StringBuilder text = null;
            boolean inChat = false;
            int failed = 0;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    String name = r.getLocalName();
                    if (depth == 2) {
                        kind = name;
                        id = name.equals("grpchat") ? "grpchat" : r.getAttributeValue(null, "id");
                        answers = -1;
                        code = 200;
                        room = name.equals("grpchat") ? r.getAttributeValue(null, "chanUri") : null;
                        text = new StringBuilder();
                        failed = 0;
                    } else if (depth == 3 && name.equals("commandid")) {
                        String env = r.getAttributeValue(null, "envid");
                        answers = env == null ? -1 : Long.parseUnsignedLong(env);
                    } else if (depth == 3 && name.equals("resp")) {
                        String c = r.getAttributeValue(null, "code");
                        code = c == null ? 500 : Integer.parseInt(c);
                    } else if (name.equals("fib")) {
                        failed++;
                    } else if (depth == 3 && name.equals("chat")) {
                        inChat = true;
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    if (inChat) {
                        text.append(r.getText());
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (depth == 3 && inChat) {
                        inChat = false;
                    }
                    if (depth == 2) {
                        out.add(new Element(kind, id, answers, code, room, text.toString(), failed));
                    }
                    depth--;
                }
            }
            return out;
        } finally {
            r.close();
        }
    }
}
