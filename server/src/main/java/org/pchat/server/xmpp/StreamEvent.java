package org.pchat.server.xmpp;

import java.util.Map;
import java.util.Objects;

/** What the stream decoder produces from the bytes of one connection. */
public sealed interface StreamEvent permits StreamEvent.Opened, StreamEvent.Stanza, StreamEvent.Closed,
        StreamEvent.Failed {

    /**
     * The client opened (or restarted) the stream (RFC 6120 §4.2).
     *
     * @param name       local name of the root element (must be "stream")
     * @param namespace  namespace of the root element
     * @param attributes its attributes by local name
     */
    record Opened(String name, String namespace, Map<String, String> attributes) implements StreamEvent {
        public Opened {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(namespace, "namespace");
            attributes = Map.copyOf(attributes);
        }
    }

    /** A complete first-level element. */
    record Stanza(XmlElement element) implements StreamEvent {
        public Stanza {
            Objects.requireNonNull(element, "element");
        }
    }

    /** The client closed its stream (RFC 6120 §4.4). */
    record Closed() implements StreamEvent {
    }

    /** The input broke a rule; the stream ends with this error. */
    record Failed(StreamErrorCondition condition, String reason) implements StreamEvent {
        public Failed {
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
