package org.pchat.proxy.pool;

import java.util.Locale;
import java.util.Objects;
import org.pchat.sip.SipTransport;

/**
 * Where one chat node's SIP endpoint listens.
 *
 * @param host      IP literal or host name
 * @param port      SIP port (5070 by default)
 * @param transport the transport the proxy uses to reach it (TCP by default)
 */
public record PoolNodeAddress(String host, int port, SipTransport transport) {

    public static final int DEFAULT_NODE_PORT = 5070;

    public PoolNodeAddress {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(transport, "transport");
        if (host.isBlank()) {
            throw new IllegalArgumentException("node host is blank");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("node port " + port + " is outside 1..65535 (node " + host + ")");
        }
    }

    /**
     * Parses {@code host[:port]} (port 5070 when absent) and an optional {@code ;transport=udp|tcp|tls};
     * IPv6 literals in brackets.
     *
     * @throws IllegalArgumentException naming the text and what is wrong
     */
    public static PoolNodeAddress parse(String text) {
        Objects.requireNonNull(text, "text");
        String rest = text.trim();
        SipTransport transport = SipTransport.TCP;
        int semi = rest.indexOf(';');
        if (semi >= 0) {
            String param = rest.substring(semi + 1).trim().toLowerCase(Locale.ROOT);
            if (!param.startsWith("transport=")) {
                throw new IllegalArgumentException("node '" + text + "': unknown parameter " + param
                        + " (expected transport=udp|tcp|tls)");
            }
            try {
                transport = SipTransport.fromToken(param.substring("transport=".length()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("node '" + text + "': " + e.getMessage(), e);
            }
            rest = rest.substring(0, semi).trim();
        }
        String host = rest;
        int port = DEFAULT_NODE_PORT;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("node '" + text + "': unclosed IPv6 bracket");
            }
            host = rest.substring(1, close);
            if (rest.length() > close + 1) {
                port = port(text, rest.substring(close + 1));
            }
        } else if (rest.indexOf(':') >= 0 && rest.indexOf(':') == rest.lastIndexOf(':')) {
            host = rest.substring(0, rest.indexOf(':'));
            port = port(text, rest.substring(rest.indexOf(':')));
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("node '" + text + "': host is missing");
        }
        return new PoolNodeAddress(host, port, transport);
    }

    private static int port(String text, String colonAndPort) {
        if (!colonAndPort.startsWith(":")) {
            throw new IllegalArgumentException("node '" + text + "': expected :port after the host");
        }
        try {
            return Integer.parseInt(colonAndPort.substring(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("node '" + text + "': port '" + colonAndPort.substring(1)
                    + "' is not a number", e);
        }
    }

    /** Whether a SIP URI's host and port name this node (ports absent count as 5060). */
    public boolean matches(String uriHost, int uriPort) {
        return host.equalsIgnoreCase(uriHost) && port == uriPort;
    }

    @Override
    public String toString() {
        return host + ":" + port + ";transport=" + transport.name().toLowerCase(Locale.ROOT);
    }
}
