package org.pchat.interop.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One SIP request or response as the load driver reads it (RFC 3261 §7): the start line, the headers in order
 * with their names as sent, and the body as text.
 *
 * @param startLine {@code INFO sip:… SIP/2.0} or {@code SIP/2.0 200 OK}
 * @param headers   name/value pairs in order (several values of one name stay separate entries)
 * @param body      the body, empty when there is none
 */
record SipMessage(String startLine, List<Header> headers, String body) {

    /** One header line. */
    record Header(String name, String value) {
    }

    SipMessage {
        headers = List.copyOf(headers);
    }

    boolean isResponse() {
        return startLine.startsWith("SIP/2.0 ");
    }

    /** The status code of a response. */
    int status() {
        return Integer.parseInt(startLine.substring(8, 11));
    }

    /** The method of a request. */
    String method() {
        return startLine.substring(0, startLine.indexOf(' '));
    }

    /** Retry-After's delta-seconds (RFC 3261 §20.33), without its comment and parameters; empty when absent. */
    OptionalLong retryAfterSeconds() {
        return deltaSeconds("Retry-After");
    }

    /** Session-Expires' delta-seconds (RFC 4028 §4), without its refresher parameter; empty when absent. */
    OptionalLong sessionExpiresSeconds() {
        return deltaSeconds("Session-Expires");
    }

    /** Min-SE's delta-seconds (RFC 4028 §5); empty when absent. */
    OptionalLong minSeSeconds() {
        return deltaSeconds("Min-SE");
    }

    /** The delta-seconds a header's value starts with, cut to nine digits rather than overflowing. */
    private OptionalLong deltaSeconds(String name) {
        String value = header(name).orElse("").trim();
        int end = 0;
        while (end < value.length() && end < 9 && Character.isDigit(value.charAt(end))) {
            end++;
        }
        return end == 0 ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value.substring(0, end)));
    }

    /** The first value of a header (long or compact form, RFC 3261 §7.3.3). */
    Optional<String> header(String name) {
        for (Header h : headers) {
            if (matches(h.name(), name)) {
                return Optional.of(h.value());
            }
        }
        return Optional.empty();
    }

    /** Every value of a header, comma-separated values of one line not split. */
    List<String> values(String name) {
        List<String> out = new ArrayList<>();
        for (Header h : headers) {
            if (matches(h.name(), name)) {
                out.add(h.value());
            }
        }
        return out;
    }

    /** CSeq number and method. */
    long cseqNumber() {
        String cseq = header("CSeq").orElse("0 X").trim();
        return Long.parseLong(cseq.substring(0, cseq.indexOf(' ')));
    }

    String cseqMethod() {
        String cseq = header("CSeq").orElse("0 X").trim();
        return cseq.substring(cseq.indexOf(' ') + 1).trim();
    }

    /** The tag parameter of From or To. */
    Optional<String> tag(String name) {
        return header(name).flatMap(value -> {
            int at = value.toLowerCase(Locale.ROOT).indexOf(";tag=");
            if (at < 0) {
                return Optional.empty();
            }
            int end = value.indexOf(';', at + 5);
            return Optional.of(value.substring(at + 5, end < 0 ? value.length() : end).trim());
        });
    }

    /** The URI inside {@code <…>} of a name-addr, or the value up to its first parameter. */
    static String uriOf(String nameAddr) {
        int open = nameAddr.indexOf('<');
        if (open >= 0) {
            return nameAddr.substring(open + 1, nameAddr.indexOf('>', open));
        }
        int semi = nameAddr.indexOf(';');
        return (semi < 0 ? nameAddr : nameAddr.substring(0, semi)).trim();
    }

    private static boolean matches(String sent, String wanted) {
        if (sent.equalsIgnoreCase(wanted)) {
            return true;
        }
        String compact = switch (wanted.toLowerCase(Locale.ROOT)) {
            case "call-id" -> "i";
            case "content-length" -> "l";
            case "content-type" -> "c";
            case "from" -> "f";
            case "to" -> "t";
            case "via" -> "v";
            case "contact" -> "m";
            case "session-expires" -> "x";
            default -> null;
        };
        return compact != null && sent.equalsIgnoreCase(compact);
    }
}
