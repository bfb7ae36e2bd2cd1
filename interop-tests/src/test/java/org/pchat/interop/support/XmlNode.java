package org.pchat.interop.support;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An immutable XML element as the test reader saw it: local name, namespace, unprefixed attributes, direct
 * text and child elements. Built once per received body so assertions never touch a live DOM.
 *
 * @param name local name
 * @param namespace namespace URI, empty when none
 * @param attributes unprefixed attributes by local name
 * @param text the concatenated direct text content
 * @param children child elements in document order
 */
public record XmlNode(String name, String namespace, Map<String, String> attributes, String text,
        List<XmlNode> children) {

    public XmlNode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        attributes = Map.copyOf(attributes);
        Objects.requireNonNull(text, "text");
        children = List.copyOf(children);
    }

    /** The attribute, if present. */
    public Optional<String> attribute(String attributeName) {
        return Optional.ofNullable(attributes.get(attributeName));
    }

    /** The attribute or an empty string. */
    public String attr(String attributeName) {
        return attributes.getOrDefault(attributeName, "");
    }

    /** The first child element with this local name. */
    public Optional<XmlNode> child(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).findFirst();
    }

    /** The child elements with this local name. */
    public List<XmlNode> children(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }

    /** Every descendant element (depth first, document order) with this local name. */
    public List<XmlNode> descendants(String descendantName) {
        return descendantStream().filter(d -> d.name.equals(descendantName)).toList();
    }

    private Stream<XmlNode> descendantStream() {
        return children.stream().flatMap(c -> Stream.concat(Stream.of(c), c.descendantStream()));
    }
}
