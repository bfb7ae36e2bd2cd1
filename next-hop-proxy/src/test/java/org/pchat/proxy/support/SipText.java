package org.pchat.proxy.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One SIP message as text, parsed just enough for assertions: start line, headers (compact forms expanded), body. */
public final class SipText {

    private static final Pattern TAG = Pattern.compile(";\\s*tag=([^;>\\s]+)");

    private final String startLine;
    private final List<String[]> headers;
    private final String body;

    private SipText(String startLine, List<String[]> headers, String body) {
        this.startLine = startLine;
        this.headers = headers;
        this.body = body;
    }

    public static SipText parse(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        String head = end < 0 ? raw : raw.substring(0, end);
        String body = end < 0 ? "" : raw.substring(end + 4);
        String[] lines = head.split("\r\n");
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if ((line.startsWith(" ") || line.startsWith("\t")) && !headers.isEmpty()) {
                String[] last = headers.get(headers.size() - 1);
                last[1] = last[1] + " " + line.trim();
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.add(new String[] {expand(line.substring(0, colon).trim()), line.substring(colon + 1).trim()});
            }
        }
        return new SipText(lines[0], headers, body);
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
            case "o" -> "Event";
            case "k" -> "Supported";
            default -> name;
        };
    }

    public String startLine() {
        return startLine;
    }

    public boolean isResponse() {
        return startLine.startsWith("SIP/2.0 ");
    }

    public int status() {
        return isResponse() ? Integer.parseInt(startLine.split(" ")[1]) : -1;
    }

    public String method() {
        return isResponse() ? "" : startLine.split(" ")[0];
    }

    public String requestUri() {
        return startLine.split(" ")[1];
    }

    public String cseqMethod() {
        String[] parts = header("CSeq").orElse("0 ?").trim().split("\\s+");
        return parts[parts.length - 1];
    }

    public long cseq() {
        return Long.parseLong(header("CSeq").orElse("0 ?").trim().split("\\s+")[0]);
    }

    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst();
    }

    /** Every value of a header, comma-separated values of one line kept together. */
    public List<String> headers(String name) {
        return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).toList();
    }

    public Optional<String> tag(String header) {
        return header(header).flatMap(v -> {
            Matcher m = TAG.matcher(v);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        });
    }

    /** The URI inside a name-addr header ({@code <...>}), or the value up to the first ';'. */
    public static String uriOf(String value) {
        int open = value.indexOf('<');
        if (open >= 0) {
            return value.substring(open + 1, value.indexOf('>', open));
        }
        int semi = value.indexOf(';');
        return (semi < 0 ? value : value.substring(0, semi)).trim();
    }

    public String body() {
        return body;
    }

    public byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return startLine;
    }
}
