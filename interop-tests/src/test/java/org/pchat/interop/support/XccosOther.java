package org.pchat.interop.support;

/**
 * A child of {@code <xccos>} that is none of {@code rpl}, {@code ntc} or {@code grpchat}.
 *
 * @param element the element as read
 */
public record XccosOther(XmlNode element) implements XccosElement {
}
