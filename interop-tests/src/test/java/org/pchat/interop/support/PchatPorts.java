package org.pchat.interop.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The listening ports of one server process, all chosen free by the operating system.
 *
 * @param sip the chat node's SIP endpoint ({@code sip.port}, 5070 by default)
 * @param proxy the next-hop proxy ({@code proxy.port})
 * @param proxyTls the proxy's TLS port ({@code proxy.tls-port})
 * @param http web services ({@code http.port})
 * @param xmpp XMPP clients ({@code xmpp.port})
 * @param pool the pool channel ({@code pool.port})
 */
public record PchatPorts(int sip, int proxy, int proxyTls, int http, int xmpp, int pool) {

    /** Six distinct free ports. */
    public static PchatPorts allocate() {
        List<Integer> p = FreePorts.take(6);
        return new PchatPorts(p.get(0), p.get(1), p.get(2), p.get(3), p.get(4), p.get(5));
    }

    /** The {@code --set} overrides that put the server on these ports, every listener on loopback. */
    public Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("sip.bind-address", "127.0.0.1");
        s.put("sip.port", Integer.toString(sip));
        s.put("proxy.bind-address", "127.0.0.1");
        s.put("proxy.port", Integer.toString(proxy));
        s.put("proxy.tls-port", Integer.toString(proxyTls));
        s.put("http.bind-address", "127.0.0.1");
        s.put("http.port", Integer.toString(http));
        s.put("xmpp.bind-address", "127.0.0.1");
        s.put("xmpp.port", Integer.toString(xmpp));
        s.put("pool.bind-address", "127.0.0.1");
        s.put("pool.port", Integer.toString(pool));
        return s;
    }
}
