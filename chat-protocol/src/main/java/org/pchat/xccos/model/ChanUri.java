package org.pchat.xccos.model;

import java.util.UUID;

/**
 * A chat room URI {@code ma-chan://<domain>/<path>} (xccos.md §6).
 *
 * @param domain the host part, e.g. {@code contoso.com}
 * @param path   the room id: a GUID on Lync 2013, other tokens such as {@code 300} on older servers
 */
public record ChanUri(String domain, String path) implements MaUri {

    /** The URI scheme. */
    public static final String SCHEME = "ma-chan";

    public ChanUri {
        domain = MaUriSyntax.domain(SCHEME, domain);
        path = MaUriSyntax.path(SCHEME, path);
    }

    /** Builds a room URI from its parts. */
    public static ChanUri of(String domain, String path) {
        return new ChanUri(domain, path);
    }

    /** Builds a room URI whose path is a GUID in the lower-case form Lync uses. */
    public static ChanUri of(String domain, UUID id) {
        return new ChanUri(domain, id.toString());
    }

    /**
     * Parses {@code ma-chan://domain/path} (scheme matched case-insensitively).
     *
     * @throws IllegalArgumentException naming the text when it is not a valid room URI
     */
    public static ChanUri parse(String text) {
        String[] parts = MaUriSyntax.split(SCHEME, text);
        return new ChanUri(parts[0], parts[1]);
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public String toString() {
        return uri();
    }
}
