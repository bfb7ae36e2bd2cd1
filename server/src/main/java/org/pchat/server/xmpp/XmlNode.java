package org.pchat.server.xmpp;

import java.util.Objects;

/** A node of a parsed or outbound XMPP element tree: an element or a run of text. */
public sealed interface XmlNode permits XmlElement, XmlNode.Text {

    /**
     * Character data.
     *
     * @param text the unescaped text
     */
    record Text(String text) implements XmlNode {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }
}
