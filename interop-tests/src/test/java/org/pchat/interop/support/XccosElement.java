package org.pchat.interop.support;

/** A direct child of a received {@code <xccos>} envelope (xccos.md §3.1). */
public sealed interface XccosElement permits XccosReply, XccosNotice, XccosGroupChat, XccosOther {
}
