package org.pchat.sip;

import java.util.Objects;

/**
 * Where a request came from: transport plus the peer's source address and port. For TCP and TLS this names
 * the connection the peer opened, so that requests to a peer that never listens can go back down it
 * (xccos.md §11, RFC 5923 connection reuse).
 */
public record Flow(SipTransport transport, String remoteAddress, int remotePort) {

    public Flow {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
    }

    @Override
    public String toString() {
        return transport + ":" + remoteAddress + ":" + remotePort;
    }
}
