package org.pchat.server.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rejects two listeners of one process on the same port and overlapping addresses. Port 0 (any free
 * port) never clashes.
 */
final class ListenerPorts {
    private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "[::]", "*");

    /** A port one component of this process listens on. */
    record Listener(String key, String bindAddress, int port, String transport) {
        boolean clashesWith(Listener other) {
            return port != 0 && port == other.port && transport.equals(other.transport)
                    && (WILDCARDS.contains(bindAddress) || WILDCARDS.contains(other.bindAddress)
                            || bindAddress.equalsIgnoreCase(other.bindAddress));
        }
    }

    private ListenerPorts() {
    }

    /** The listeners the enabled components will open. */
    static List<Listener> of(SipEndpointConfig sip, ProxyConfig proxy, XmppConfig xmpp, HttpConfig http,
            PoolConfig pool) {
        List<Listener> listeners = new ArrayList<>();
        listeners.add(new Listener(SipEndpointConfig.PORT.name(), sip.bindAddress(), sip.port(), "TCP"));
        if (proxy.enabled()) {
            listeners.add(new Listener(ProxyConfig.PORT.name(), proxy.bindAddress(), proxy.port(), "TCP"));
            listeners.add(new Listener(ProxyConfig.PORT.name(), proxy.bindAddress(), proxy.port(), "UDP"));
            if (proxy.tlsEnabled()) {
                listeners.add(new Listener(ProxyConfig.TLS_PORT.name(), proxy.bindAddress(), proxy.tlsPort(), "TCP"));
            }
        }
        if (xmpp.enabled()) {
            listeners.add(new Listener(XmppConfig.PORT.name(), xmpp.bindAddress(), xmpp.port(), "TCP"));
        }
        if (http.enabled()) {
            listeners.add(new Listener(HttpConfig.PORT.name(), http.bindAddress(), http.port(), "TCP"));
        }
        listeners.add(new Listener(PoolConfig.PORT.name(), pool.bindAddress(), pool.port(), "TCP"));
        return listeners;
    }

    /**
     * @throws ConfigException naming both keys, the port and the transport of the first clash
     */
    static void requireDistinct(List<Listener> listeners) {
        for (int i = 0; i < listeners.size(); i++) {
            for (int j = i + 1; j < listeners.size(); j++) {
                Listener a = listeners.get(i);
                Listener b = listeners.get(j);
                if (a.clashesWith(b)) {
                    throw new ConfigException(b.key() + "=" + b.port() + " clashes with " + a.key() + "=" + a.port()
                            + " (both " + a.transport() + " on "
                            + b.bindAddress() + "; every listener of one process needs its own port)");
                }
            }
        }
    }
}
