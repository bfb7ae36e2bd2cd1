package org.pchat.interop.support;

import java.util.Objects;

/**
 * A room URI {@code ma-chan://<domain>/<value>} (xccos.md §6), split the way {@code chanid} carries it in
 * {@code cmd:join}/{@code cmd:bjoin} (xccos.md §4.5).
 *
 * @param domain the host part
 * @param value the path (a GUID on Lync 2013)
 */
public record RoomUri(String domain, String value) {
    private static final String SCHEME = "ma-chan://";

    public RoomUri {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(value, "value");
    }

    /**
     * Parses {@code ma-chan://domain/value}.
     *
     * @throws AssertionError when the text is not a room URI (it came from the server under test)
     */
    public static RoomUri parse(String uri) {
        if (uri == null || !uri.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw new AssertionError("Expected a room URI ma-chan://<domain>/<id> (but got " + uri + ")");
        }
        String rest = uri.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            throw new AssertionError("Expected a room URI ma-chan://<domain>/<id> (but got " + uri + ")");
        }
        return new RoomUri(rest.substring(0, slash), rest.substring(slash + 1));
    }

    @Override
    public String toString() {
        return SCHEME + domain + "/" + value;
    }
}
