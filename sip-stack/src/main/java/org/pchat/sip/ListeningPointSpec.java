package org.pchat.sip;

import java.util.Objects;

/**
 * One listening point to open: a transport and a port; port 0 asks the endpoint to pick a free port
 * and report it through {@link SipEndpoint#boundPort(SipTransport)}.
 */
public record ListeningPointSpec(SipTransport transport, int port) {

    /** Highest TCP/UDP port number. */
    public static final int MAX_PORT = 65_535;

    public ListeningPointSpec {
        Objects.requireNonNull(transport, "transport");
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException(
                    "listening point port " + port + " is outside 0.." + MAX_PORT + " (transport " + transport + ")");
        }
    }
}
