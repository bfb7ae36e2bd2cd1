package org.pchat.sip;

import java.util.Locale;

/** The SIP transports an endpoint can listen on (RFC 3261 §18). */
public enum SipTransport {
    UDP(false),
    TCP(true),
    TLS(true);

    private final boolean connectionOriented;

    SipTransport(boolean connectionOriented) {
        this.connectionOriented = connectionOriented;
    }

    /** True for TCP and TLS: requests to a peer can reuse the connection the peer opened. */
    public boolean isConnectionOriented() {
        return connectionOriented;
    }

    /** The transport name as JAIN-SIP and the Via header spell it. */
    public String jainSipName() {
        return name();
    }

    /**
     * Parses a Via or URI transport token case-insensitively (real clients send {@code tcp}).
     *
     * @throws IllegalArgumentException for anything but udp, tcp or tls
     */
    public static SipTransport fromToken(String token) {
        if (token == null) {
            throw new IllegalArgumentException("unknown SIP transport: null (expected UDP, TCP or TLS)");
        }
        return switch (token.trim().toUpperCase(Locale.ROOT)) {
            case "UDP" -> UDP;
            case "TCP" -> TCP;
            case "TLS" -> TLS;
            default -> throw new IllegalArgumentException(
                    "unknown SIP transport: " + token + " (expected UDP, TCP or TLS)");
        };
    }
}
