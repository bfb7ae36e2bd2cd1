package org.pchat.xccos.model;

import java.util.List;

/**
 * The {@code <xccos ver="1" envid="…" xmlns="urn:parlano:xml:ns:xccos">} envelope, the whole body of one SIP
 * INFO (xccos.md §3.1). It may hold several elements, e.g. several {@code rpl} siblings.
 *
 * @param version the {@code ver} attribute, 1 for every known peer
 * @param envId   the envelope id chosen by the sender, an unsigned 64-bit number kept in a {@code long}; use
 *                {@link #envIdString()} for its decimal form
 * @param payload the direct children in document order
 */
public record XccosEnvelope(int version, long envId, List<XccosElement> payload) {

    /** The XCCOS namespace, the default namespace of every element. */
    public static final String NAMESPACE = "urn:parlano:xml:ns:xccos";
    /** The root element name. */
    public static final String ELEMENT = "xccos";
    /** The protocol version every known peer sends. */
    public static final int VERSION = 1;

    public XccosEnvelope {
        if (version < 1) {
            throw new IllegalArgumentException("xccos version " + version + " is below 1");
        }
        payload = List.copyOf(payload);
    }

    /** A version-1 envelope. */
    public XccosEnvelope(long envId, List<XccosElement> payload) {
        this(VERSION, envId, payload);
    }

    /** A version-1 envelope holding the given elements. */
    public static XccosEnvelope of(long envId, XccosElement... payload) {
        return new XccosEnvelope(VERSION, envId, List.of(payload));
    }

    /** The envelope id in its unsigned decimal wire form. */
    public String envIdString() {
        return Long.toUnsignedString(envId);
    }

    /**
     * Parses an unsigned 64-bit envelope id.
     *
     * @throws IllegalArgumentException naming the text when it is not a decimal number from 0 to 2^64-1
     */
    public static long parseEnvId(String text) {
        try {
            return Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("envid '" + text + "' is not an unsigned 64-bit decimal number", e);
        }
    }

    @Override
    public String toString() {
        return "XccosEnvelope[version=" + version + ", envId=" + envIdString() + ", payload=" + payload + "]";
    }
}
