package org.pchat.interop.support;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A SIP message as read off a raw TCP connection: start line, headers in order, body.
 *
 * @param startLine e.g. {@code SIP/2.0 400 Bad Request}
 * @param headers name and value pairs in order
 * @param body the body text
 */
public record RawSipMessage(String startLine, List<Map.Entry<String, String>> headers, String body) {

    public RawSipMessage {
        headers = List.copyOf(headers);
    }

    /** Whether this is a response. */
    public boolean isResponse() {
        return startLine.startsWith("SIP/2.0 ");
    }

    /** The status code of a response; fails for a request. */
    public int status() {
        if (!isResponse()) {
            throw new AssertionError("Expected a response (but got the request " + startLine + ")");
        }
        String[] parts = startLine.split(" ", 3);
        return Integer.parseInt(parts[1]);
    }

    /** The first value of a header (long names, compared ignoring case). */
    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                .map(Map.Entry::getValue).findFirst();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(startLine).append('\n');
        headers.forEach(h -> text.append(h.getKey()).append(": ").append(h.getValue()).append('\n'));
        return text.append('\n').append(body).toString();
    }
}
