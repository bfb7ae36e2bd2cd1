package org.pchat.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A SIP message as text, read off a raw socket in tests. */
record RawSipMessage(String startLine, List<String[]> headers, String body, String raw) {

    static RawSipMessage parse(String raw) {
        int split = raw.indexOf("\r\n\r\n");
        String head = split < 0 ? raw : raw.substring(0, split);
        String body = split < 0 ? "" : raw.substring(split + 4);
        String[] lines = head.split("\r\n");
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.add(new String[] {lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()});
        }
        return new RawSipMessage(lines[0], headers, body, raw);
    }

    boolean isResponse() {
        return startLine.startsWith("SIP/2.0 ");
    }

    int status() {
        return Integer.parseInt(startLine.split(" ")[1]);
    }

    String method() {
        return isResponse() ? cseqMethod() : startLine.split(" ")[0];
    }

    String requestUri() {
        return startLine.split(" ")[1];
    }

    String cseqMethod() {
        return header("CSeq").orElseThrow().split("\\s+")[1];
    }

    long cseq() {
        return Long.parseLong(header("CSeq").orElseThrow().split("\\s+")[0]);
    }

    Optional<String> header(String name) {
        return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst();
    }

    List<String> headerValues(String name) {
        return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).toList();
    }

    /** The tag parameter of To or From. */
    Optional<String> tag(String headerName) {
        return header(headerName).flatMap(value -> {
            for (String part : value.split(";")) {
                String p = part.trim();
                if (p.toLowerCase(Locale.ROOT).startsWith("tag=")) {
                    return Optional.of(p.substring(4));
                }
            }
            return Optional.empty();
        });
    }

    /** The URI inside the Contact header's angle brackets. */
    String contactUri() {
        String contact = header("Contact").orElseThrow();
        int lt = contact.indexOf('<');
        return lt < 0 ? contact.split(";")[0] : contact.substring(lt + 1, contact.indexOf('>'));
    }
}
