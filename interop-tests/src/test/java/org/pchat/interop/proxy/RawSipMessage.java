package org.pchat.interop.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A SIP message received as text, parsed just enough for assertions (compact header names expanded). */
record RawSipMessage(String startLine, List<String[]> headers, String body) {

    private static final Pattern TAG = Pattern.compile(";\\s*tag=([^;>\\s,]+)");

    static RawSipMessage parse(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        String head = end < 0 ? raw : raw.substring(0, end);
        String[] lines = head.split("\r\n");
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.add(new String[] {expand(lines[i].substring(0, colon).trim()),
                    lines[i].substring(colon + 1).trim()});
            }
        }
        return new RawSipMessage(lines[0], headers, end < 0 ? "" : raw.substring(end + 4));
    }

    private static String expand(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "v" -> "Via";
            case "f" -> "From";
            case "t" -> "To";
            case "i" -> "Call-ID";
            case "m" -> "Contact";
            case "l" -> "Content-Length";
            case "c" -> "Content-Type";
            default -> name;
        };
    }

    boolean isResponse() {
        return startLine.startsWith("SIP/2.0 ");
    }

    int status() {
        return isResponse() ? Integer.parseInt(startLine.split(" ")[1]) : -1;
    }

    String method() {
        return isResponse() ? "" : startLine.split(" ")[0];
    }

    String cseqMethod() {
        String[] parts = header("CSeq").orElse("0 ?").split("\\s+");
        return parts[parts.length - 1];
    }

    Optional<String> header(String name) {
        return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst();
    }

    /** Every value of a header, comma-joined lines split at each {@code <}. */
    List<String> values(String name) {
        List<String> values = new ArrayList<>();
        headers.stream().filter(h -> h[0].equalsIgnoreCase(name))
                .forEach(h -> values.addAll(List.of(h[1].split(",(?=\\s*<)"))));
        return values.stream().map(String::trim).toList();
    }

    Optional<String> tag(String name) {
        return header(name).flatMap(v -> {
            Matcher m = TAG.matcher(v);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        });
    }

    static String uriOf(String value) {
        int open = value.indexOf('<');
        return open >= 0 ? value.substring(open + 1, value.indexOf('>', open)) : value.split(";")[0].trim();
    }

    @Override
    public String toString() {
        return startLine;
    }
}
