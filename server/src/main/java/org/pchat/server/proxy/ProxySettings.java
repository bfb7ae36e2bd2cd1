package org.pchat.server.proxy;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.pchat.proxy.ProxyConfig;
import org.pchat.proxy.ProxyConfigBuilder;
import org.pchat.proxy.pool.PoolNodeAddress;
import org.pchat.server.config.HttpConfig;
import org.pchat.server.config.PchatConfig;
import org.pchat.sip.SipTransport;
import org.pchat.sip.TlsSettings;

/**
 * Maps the process configuration ({@code proxy.*}, {@code sip.domain}, {@code http.*}) onto the proxy module's
 * validated {@link ProxyConfig}; limits without a key of their own keep the module's documented defaults.
 */
public final class ProxySettings {

    /** The room-management page of the web service, handed out by provisioning. */
    static final String ROOMS_PATH = "rooms";

    private ProxySettings() {
    }

    /**
     * The proxy configuration for routing to {@code nodes}.
     *
     * @throws IllegalArgumentException naming the value and the limit when a setting is out of range
     */
    public static ProxyConfig from(PchatConfig config, List<PoolNodeAddress> nodes) {
        String bind = ipLiteral(config.proxy().bindAddress());
        String domain = config.node().sipDomain();
        String advertised = advertisedHost(bind);
        ProxyConfigBuilder builder = ProxyConfig.builder(config.node().nodeId() + "-proxy", domain)
                .bindAddress(bind)
                .advertisedHost(advertised)
                .port(config.proxy().port())
                .tlsPort(config.proxy().tlsPort())
                .nodes(nodes);
        config.proxy().tlsKeyStore().ifPresent(store ->
                builder.tls(TlsSettings.pkcs12(store, config.proxy().tlsKeyStorePassword().reveal())));
        roomManagement(config.http(), advertised).ifPresent(builder::webManagerUri);
        return builder.build();
    }

    /** The Standard topology's node: this process's SIP endpoint ({@code sip.port}) on loopback when bound wide. */
    public static PoolNodeAddress localNode(PchatConfig config) {
        return localNode(config, config.sip().port());
    }

    /** This process's SIP endpoint on the port it actually bound (with {@code sip.port=0}, a free port). */
    public static PoolNodeAddress localNode(PchatConfig config, int boundPort) {
        String bind = ipLiteral(config.sip().bindAddress());
        String host = isWildcard(bind) ? "127.0.0.1" : bind;
        return new PoolNodeAddress(host, boundPort, SipTransport.TCP);
    }

    static Optional<URI> roomManagement(HttpConfig http, String advertisedHost) {
        if (!http.enabled()) {
            return Optional.empty();
        }
        URI base = http.publicUrl().orElseGet(() -> URI.create("http://" + advertisedHost + ":" + http.port() + "/"));
        String text = base.toString();
        return Optional.of(URI.create(text.endsWith("/") ? text : text + "/").resolve(ROOMS_PATH));
    }

    /** A wildcard bind is advertised as this machine's first non-loopback IPv4 address (else loopback). */
    static String advertisedHost(String bind) {
        if (!isWildcard(bind)) {
            return bind;
        }
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLinkLocalAddress()) {
                        return address.getHostAddress();
                    }
                }
            }
        } catch (SocketException e) {
            return "127.0.0.1";
        }
        return "127.0.0.1";
    }

    private static boolean isWildcard(String address) {
        return "0.0.0.0".equals(address) || "::".equals(address) || "0:0:0:0:0:0:0:0".equals(address);
    }

    private static String ipLiteral(String host) {
        try {
            return InetAddress.getByName(host).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("proxy bind address " + host + " does not resolve", e);
        }
    }
}
