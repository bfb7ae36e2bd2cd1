package org.pchat.server.xmpp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable XML element of an XMPP stream (a stanza or one of its children).
 *
 * @param name       the local name
 * @param namespace  the namespace URI ("" for none)
 * @param attributes unqualified attributes by local name ({@code xml:lang} as "xml:lang"), in document order
 * @param children   child elements and text, in document order
 */
public record XmlElement(String name, String namespace, Map<String, String> attributes, List<XmlNode> children)
        implements XmlNode {

    public XmlElement {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        children = List.copyOf(children);
    }

    /** An element with no attributes and no children. */
    public static XmlElement of(String name, String namespace) {
        return new XmlElement(name, namespace, Map.of(), List.of());
    }

    /** A builder for an element. */
    public static Builder builder(String name, String namespace) {
        return new Builder(name, namespace);
    }

    public Optional<String> attribute(String attributeName) {
        return Optional.ofNullable(attributes.get(attributeName));
    }

    /** The first child element with that name and namespace. */
    public Optional<XmlElement> child(String childName, String childNamespace) {
        return elements().stream()
                .filter(e -> e.name.equals(childName) && e.namespace.equals(childNamespace))
                .findFirst();
    }

    /** The child elements, without text. */
    public List<XmlElement> elements() {
        List<XmlElement> out = new ArrayList<>();
        for (XmlNode node : children) {
            if (node instanceof XmlElement element) {
                out.add(element);
            }
        }
        return out;
    }

    /** The concatenated text children. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (XmlNode node : children) {
            if (node instanceof Text t) {
                text.append(t.text());
            }
        }
        return text.toString();
    }

    /** Builds an {@link XmlElement}. */
    public static final class Builder {
        private final String name;
        private final String namespace;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private final List<XmlNode> children = new ArrayList<>();

        private Builder(String name, String namespace) {
            this.name = name;
            this.namespace = namespace;
        }

        /** Sets an attribute; a null value is skipped. */
        public Builder attr(String attributeName, String value) {
            if (value != null) {
                attributes.put(attributeName, value);
            }
            return this;
        }

        public Builder child(XmlNode node) {
            children.add(node);
            return this;
        }

        public Builder text(String text) {
            children.add(new Text(text));
            return this;
        }

        /** Adds a child element holding only text. */
        public Builder textChild(String childName, String childNamespace, String text) {
            return child(XmlElement.builder(childName, childNamespace).text(text).build());
        }

        public XmlElement build() {
            return new XmlElement(name, namespace, attributes, children);
        }
    }
}
