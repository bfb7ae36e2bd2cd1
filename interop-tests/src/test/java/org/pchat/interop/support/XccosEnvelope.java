package org.pchat.interop.support;

import java.util.List;
import java.util.Objects;

/**
 * A received {@code <xccos>} body (xccos.md §3.1): several {@code rpl} or {@code ntc} siblings may share one.
 *
 * @param envid the sender's envelope id, an unsigned 64-bit value
 * @param elements the direct children in document order
 * @param raw the body as received, for failure messages
 */
public record XccosEnvelope(long envid, List<XccosElement> elements, String raw) {

    public XccosEnvelope {
        elements = List.copyOf(elements);
        Objects.requireNonNull(raw, "raw");
    }

    /** The {@code rpl} children. */
    public List<XccosReply> replies() {
        return elements.stream().filter(XccosReply.class::isInstance).map(XccosReply.class::cast).toList();
    }

    /** The {@code ntc} children. */
    public List<XccosNotice> notices() {
        return elements.stream().filter(XccosNotice.class::isInstance).map(XccosNotice.class::cast).toList();
    }

    /** The {@code grpchat} children. */
    public List<XccosGroupChat> groupChats() {
        return elements.stream().filter(XccosGroupChat.class::isInstance).map(XccosGroupChat.class::cast).toList();
    }
}
