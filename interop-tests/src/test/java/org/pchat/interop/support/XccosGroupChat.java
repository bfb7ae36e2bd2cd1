package org.pchat.interop.support;

import java.util.Map;
import java.util.Optional;

/**
 * A chat message: a live {@code grpchat} (xccos.md §5.2) or a history {@code msg id="grpchat"} (§4.9).
 *
 * @param chanUri the room URI ({@code chanUri})
 * @param author the poster's SIP URI ({@code author})
 * @param ts the timestamp as sent ({@code ts})
 * @param text the {@code chat} text
 * @param attributes every attribute, including server extensions such as the message id
 */
public record XccosGroupChat(String chanUri, String author, String ts, String text, Map<String, String> attributes)
        implements XccosElement {

    public XccosGroupChat {
        attributes = Map.copyOf(attributes);
    }

    static XccosGroupChat from(XmlNode element) {
        return new XccosGroupChat(element.attr("chanUri"), element.attr("author"), element.attr("ts"),
                element.child("chat").map(XmlNode::text).orElse(""), element.attributes());
    }

    /** An attribute by name, e.g. the server's message id. */
    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    /** Whether this message is in {@code room}. */
    public boolean isIn(RoomUri room) {
        return room.toString().equalsIgnoreCase(chanUri);
    }
}
