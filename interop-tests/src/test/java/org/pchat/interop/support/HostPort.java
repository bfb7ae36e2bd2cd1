package org.pchat.interop.support;

import java.util.Objects;

/**
 * A TCP endpoint.
 *
 * @param host host name or address
 * @param port TCP port
 */
public record HostPort(String host, int port) {

    public HostPort {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** {@code 127.0.0.1:port}. */
    public static HostPort loopback(int port) {
        return new HostPort("127.0.0.1", port);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
