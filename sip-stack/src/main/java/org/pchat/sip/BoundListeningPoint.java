package org.pchat.sip;

/** A listening point the endpoint actually opened: the real port, also when port 0 was asked for. */
public record BoundListeningPoint(SipTransport transport, String address, int port) {
}
