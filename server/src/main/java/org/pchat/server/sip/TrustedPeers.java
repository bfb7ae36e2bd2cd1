package org.pchat.server.sip;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The peers the node takes SIP traffic from: the proxy authenticated the user, so the node trusts the From
 * URI only from these addresses. Entries are IP literals, {@value SipChatConfig#LOOPBACK} or
 * {@value SipChatConfig#ANY}.
 */
final class TrustedPeers {

    private final boolean any;
    private final boolean loopback;
    private final Set<String> addresses;

    TrustedPeers(List<String> entries) {
        this.any = entries.stream().anyMatch(e -> e.equalsIgnoreCase(SipChatConfig.ANY));
        this.loopback = entries.stream().anyMatch(e -> e.equalsIgnoreCase(SipChatConfig.LOOPBACK));
        this.addresses = entries.stream()
                .filter(e -> !e.equalsIgnoreCase(SipChatConfig.ANY) && !e.equalsIgnoreCase(SipChatConfig.LOOPBACK))
                .map(TrustedPeers::canonical)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether a request from {@code address} (an IP literal) is accepted. */
    boolean allows(String address) {
        if (any) {
            return true;
        }
        String canonical;
        try {
            canonical = canonical(address);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (loopback && isLoopback(canonical)) {
            return true;
        }
        return addresses.contains(canonical);
    }

    static void validate(String nodeId, List<String> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("no trusted SIP peer configured (node " + nodeId + "): use "
                    + SipChatConfig.LOOPBACK + ", " + SipChatConfig.ANY + " or IP addresses");
        }
        for (String entry : entries) {
            String lower = entry.toLowerCase(Locale.ROOT);
            if (!lower.equals(SipChatConfig.LOOPBACK) && !lower.equals(SipChatConfig.ANY)) {
                try {
                    canonical(entry);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("trusted SIP peer '" + entry + "' is not an IP address, "
                            + SipChatConfig.LOOPBACK + " or " + SipChatConfig.ANY + " (node " + nodeId + ")", e);
                }
            }
        }
    }

    private static boolean isLoopback(String canonical) {
        try {
            return InetAddress.getByName(canonical).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The canonical text of an IP literal; never a DNS lookup. */
    private static String canonical(String literal) {
        String text = literal.trim();
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        boolean ipLike = text.matches("[0-9.]+") || text.contains(":");
        if (!ipLike) {
            throw new IllegalArgumentException("'" + literal + "' is not an IP literal");
        }
        try {
            return InetAddress.getByName(text).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + literal + "' is not an IP literal", e);
        }
    }
}
