package org.pchat.xccos.codec;

import java.util.Optional;

/**
 * A required attribute or element is missing, or a value is invalid (e.g. a {@code grpchat} without {@code ts},
 * an {@code envid} that is not an unsigned 64-bit number, a malformed {@code ma-chan://} URI).
 */
public final class XccosFormatException extends XccosException {

    private static final long serialVersionUID = 1L;

    private final String element;
    private final String attribute;
    private final String value;

    private XccosFormatException(String element, String attribute, String value, String message, Throwable cause) {
        super(XccosErrorKind.FORMAT, message, cause);
        this.element = element;
        this.attribute = attribute;
        this.value = value;
    }

    static XccosFormatException missingAttribute(String element, String attribute) {
        return new XccosFormatException(element, attribute, null,
                "XCCOS " + element + " lacks the required attribute " + attribute, null);
    }

    static XccosFormatException invalidAttribute(String element, String attribute, String value,
                                                 IllegalArgumentException cause) {
        return new XccosFormatException(element, attribute, value, "XCCOS " + element + "/@" + attribute + "='"
                + value + "' is invalid: " + cause.getMessage(), cause);
    }

    static XccosFormatException missingElement(String element, String child) {
        return new XccosFormatException(element, null, null,
                "XCCOS " + element + " lacks the required element " + child, null);
    }

    static XccosFormatException invalidElement(String element, IllegalArgumentException cause) {
        return new XccosFormatException(element, null, null,
                "XCCOS " + element + " is invalid: " + cause.getMessage(), cause);
    }

    /** The element path, e.g. {@code xccos/grpchat}. */
    public String element() {
        return element;
    }

    /** The attribute at fault, absent when the problem is a missing or invalid element. */
    public Optional<String> attribute() {
        return Optional.ofNullable(attribute);
    }

    /** The value seen, absent when the attribute was missing. */
    public Optional<String> value() {
        return Optional.ofNullable(value);
    }
}
