package org.pchat.server.sip;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The SDP answer to a chat INVITE (xccos.md §2.1, §10): the client offers {@code m=message <port> sip null}
 * (or {@code m=x-ms-message} on old servers) and nobody parses the answer, so the node echoes the same media
 * line with its own address. SDP is a line format, not markup.
 */
final class SdpAnswer {

    static final String CONTENT_TYPE = "application/sdp";
    private static final String DEFAULT_MEDIA = "message";

    private SdpAnswer() {
    }

    /** The answer for an offer (empty when the INVITE carried none). */
    static byte[] answer(byte[] offer, String host, int port) {
        String media = media(new String(offer, StandardCharsets.UTF_8));
        String ipVersion = host.contains(":") ? "IP6" : "IP4";
        String sdp = "v=0\r\n"
                + "o=- 0 0 IN " + ipVersion + " " + host + "\r\n"
                + "s=session\r\n"
                + "c=IN " + ipVersion + " " + host + "\r\n"
                + "t=0 0\r\n"
                + "m=" + media + " " + port + " sip null\r\n"
                + "a=accept-types:text/plain\r\n";
        return sdp.getBytes(StandardCharsets.US_ASCII);
    }

    /** The offered media type when it is one of the two chat forms, else {@code message}. */
    static String media(String offer) {
        for (String line : offer.split("\r?\n")) {
            String trimmed = line.trim().toLowerCase(Locale.ROOT);
            if (trimmed.startsWith("m=x-ms-message ")) {
                return "x-ms-message";
            }
            if (trimmed.startsWith("m=message ")) {
                return DEFAULT_MEDIA;
            }
        }
        return DEFAULT_MEDIA;
    }
}
