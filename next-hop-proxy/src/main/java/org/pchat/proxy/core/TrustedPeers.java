package org.pchat.proxy.core;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Source addresses whose requests are not challenged (configured explicitly; chat nodes need no entry: their
 * in-dialog requests follow our signed Record-Route). Host names are resolved once at start.
 */
final class TrustedPeers {

    private static final Logger LOG = LoggerFactory.getLogger(TrustedPeers.class);

    private final Set<String> addresses;

    TrustedPeers(String proxyName, List<String> entries) {
        this.addresses = entries.stream().map(e -> canonical(proxyName, e)).filter(e -> !e.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** {@code address} is a source address as the stack reports it (an IP literal). */
    boolean allows(String address) {
        if (addresses.isEmpty()) {
            return false;
        }
        return addresses.contains(address) || addresses.contains(canonical("", address));
    }

    private static String canonical(String proxyName, String host) {
        String text = host.trim();
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        try {
            return InetAddress.getByName(text).getHostAddress();
        } catch (UnknownHostException e) {
            LOG.warn("{} - trusted peer {} does not resolve; ignored", proxyName, host);
            return "";
        }
    }
}
