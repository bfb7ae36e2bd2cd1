package org.pchat.server.xmpp;

import java.util.Objects;

/** What the endpoint writes to a client: the stream header, a first-level element, the stream end. */
public sealed interface Outbound permits Outbound.Header, Outbound.Element, Outbound.End {

    /**
     * The server's stream header (RFC 6120 §4.7).
     *
     * @param from the server's domain
     * @param id   the stream id
     */
    record Header(String from, String id) implements Outbound {
        public Header {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(id, "id");
        }
    }

    /** A stanza or other first-level element. */
    record Element(XmlElement element) implements Outbound {
        public Element {
            Objects.requireNonNull(element, "element");
        }
    }

    /** The closing stream tag (RFC 6120 §4.4). */
    record End() implements Outbound {
    }
}
