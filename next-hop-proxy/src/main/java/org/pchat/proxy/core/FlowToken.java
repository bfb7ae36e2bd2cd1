package org.pchat.proxy.core;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.pchat.sip.Flow;
import org.pchat.sip.SipTransport;

/**
 * A client's flow written into the proxy's Record-Route URI (the idea of RFC 5626 §5.3 flow tokens): requests
 * coming back along the route set go down the client's own connection, as a client that never listens needs
 * (xccos.md §11). The token carries an HMAC so that nobody can make the proxy send to an address of their choice.
 */
final class FlowToken {

    /** The Record-Route URI parameter holding the token. */
    static final String PARAM = "ftok";
    private static final String HMAC = "HmacSHA256";
    private static final int MAC_BYTES = 8;

    private final byte[] key;

    FlowToken(byte[] key) {
        this.key = key.clone();
    }

    String encode(Flow flow) {
        String body = letter(flow.transport()) + "~" + flow.remoteAddress() + "~" + flow.remotePort();
        return body + "~" + HexFormat.of().formatHex(mac(body));
    }

    /** The flow in a token; empty when malformed or not signed by us. */
    Optional<Flow> decode(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int last = token.lastIndexOf('~');
        if (last < 0) {
            return Optional.empty();
        }
        String body = token.substring(0, last);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(token.substring(last + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(given, mac(body))) {
            return Optional.empty();
        }
        String[] parts = body.split("~");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Flow(transport(parts[0]), parts[1], Integer.parseInt(parts[2])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String letter(SipTransport transport) {
        return switch (transport) {
            case UDP -> "u";
            case TCP -> "t";
            case TLS -> "s";
        };
    }

    private static SipTransport transport(String letter) {
        return switch (letter) {
            case "u" -> SipTransport.UDP;
            case "t" -> SipTransport.TCP;
            case "s" -> SipTransport.TLS;
            default -> throw new IllegalArgumentException("unknown transport letter " + letter);
        };
    }

    private byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            byte[] full = mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
            byte[] cut = new byte[MAC_BYTES];
            System.arraycopy(full, 0, cut, 0, MAC_BYTES);
            return cut;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + HMAC, e);
        }
    }
}
