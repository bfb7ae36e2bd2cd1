package org.pchat.proxy.core;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.HeaderFactory;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.ViaHeader;
import org.pchat.sip.Flow;
import org.pchat.sip.SipTransport;

/**
 * Who the proxy is on the wire (advertised host, bound ports, domain) and how URIs map to next hops
 * (RFC 3263 §4 without DNS: transport parameter, else sips means TLS, else UDP; port default 5060/5061;
 * maddr before host).
 */
final class Addressing {

    private final String advertisedHost;
    private final Set<String> ownHosts;
    private final String domain;
    private final Map<SipTransport, Integer> ports;
    private final HeaderFactory headers;
    private final AddressFactory addresses;

    Addressing(String advertisedHost, String bindAddress, String domain, Map<SipTransport, Integer> ports,
               HeaderFactory headers, AddressFactory addresses) {
        this.advertisedHost = advertisedHost;
        this.ownHosts = java.util.stream.Stream.of(advertisedHost, bindAddress).map(h -> h.toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.domain = domain;
        this.ports = Map.copyOf(ports);
        this.headers = headers;
        this.addresses = addresses;
    }

    String domain() {
        return domain;
    }

    int port(SipTransport transport) {
        Integer port = ports.get(transport);
        return port != null ? port : ports.values().iterator().next();
    }

    boolean listensOn(SipTransport transport) {
        return ports.containsKey(transport);
    }

    /** Whether a URI names this proxy (host and port, not the domain). */
    boolean isUs(URI uri) {
        if (!(uri instanceof SipURI sip)) {
            return false;
        }
        String host = hostOf(sip);
        if (!ownHosts.contains(host) && !isLocalWildcardMatch(host)) {
            return false;
        }
        int port = sip.getPort() > 0 ? sip.getPort() : defaultPort(transportOf(sip));
        return ports.containsValue(port);
    }

    private boolean isLocalWildcardMatch(String host) {
        if (!ownHosts.contains("0.0.0.0")) {
            return false;
        }
        try {
            InetAddress address = InetAddress.getByName(host);
            return address.isLoopbackAddress() || address.isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Whether a URI's host is our domain or us and it names no user (the registrar, OPTIONS pings). */
    boolean isDomainOrUsWithoutUser(URI uri) {
        if (!(uri instanceof SipURI sip) || sip.getUser() != null) {
            return false;
        }
        return domain.equalsIgnoreCase(sip.getHost()) || isUs(uri);
    }

    /** Whether a URI is a user of our domain ({@code sip:alice@<domain>}). */
    boolean isLocalUser(URI uri) {
        return uri instanceof SipURI sip && sip.getUser() != null && domain.equalsIgnoreCase(sip.getHost());
    }

    /** Where a request for this URI goes. */
    Flow hopFor(SipURI uri) {
        SipTransport transport = transportOf(uri);
        int port = uri.getPort() > 0 ? uri.getPort() : defaultPort(transport);
        return new Flow(transport, hostOf(uri), port);
    }

    static SipTransport transportOf(SipURI uri) {
        String param = uri.getTransportParam();
        if (param != null) {
            try {
                return SipTransport.fromToken(param);
            } catch (IllegalArgumentException e) {
                return SipTransport.UDP;
            }
        }
        return uri.isSecure() ? SipTransport.TLS : SipTransport.UDP;
    }

    private static int defaultPort(SipTransport transport) {
        return transport == SipTransport.TLS ? 5061 : 5060;
    }

    private static String hostOf(SipURI uri) {
        String maddr = uri.getMAddrParam();
        String host = maddr != null ? maddr : uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.toLowerCase(Locale.ROOT);
    }

    /** Our Via for a request leaving over {@code transport}. */
    ViaHeader via(SipTransport transport, String branch) throws Exception {
        SipTransport sent = listensOn(transport) ? transport : SipTransport.TCP;
        ViaHeader via = headers.createViaHeader(advertisedHost, port(sent), sent.jainSipName(), branch);
        if (sent == SipTransport.UDP) {
            via.setRPort();
        }
        return via;
    }

    /** A Record-Route naming us on {@code transport}, carrying the client's flow token. */
    RecordRouteHeader recordRoute(SipTransport transport, String flowToken) throws Exception {
        SipTransport side = listensOn(transport) ? transport : SipTransport.TCP;
        SipURI uri = addresses.createSipURI(null, advertisedHost);
        uri.setPort(port(side));
        uri.setTransportParam(side.jainSipName().toLowerCase(Locale.ROOT));
        uri.setLrParam();
        uri.setParameter(FlowToken.PARAM, flowToken);
        Address address = addresses.createAddress(uri);
        return headers.createRecordRouteHeader(address);
    }

    /** {@code sip:user@host}, lower-case, without port and parameters; empty for non-SIP URIs. */
    static Optional<String> addressOfRecord(URI uri) {
        if (!(uri instanceof SipURI sip) || sip.getUser() == null) {
            return Optional.empty();
        }
        return Optional.of(("sip:" + sip.getUser() + "@" + sip.getHost()).toLowerCase(Locale.ROOT));
    }
}
