package org.pchat.xccos.model;

import java.util.UUID;

/**
 * A category URI {@code ma-cat://<domain>/<path>} (xccos.md §6; the root category is {@code sib/@rootUri}).
 *
 * @param domain the host part, e.g. {@code contoso.com}
 * @param path   the category id, a GUID on Lync 2013
 */
public record CatUri(String domain, String path) implements MaUri {

    /** The URI scheme. */
    public static final String SCHEME = "ma-cat";

    public CatUri {
        domain = MaUriSyntax.domain(SCHEME, domain);
        path = MaUriSyntax.path(SCHEME, path);
    }

    /** Builds a category URI from its parts. */
    public static CatUri of(String domain, String path) {
        return new CatUri(domain, path);
    }

    /** Builds a category URI whose path is a GUID in lower-case form. */
    public static CatUri of(String domain, UUID id) {
        return new CatUri(domain, id.toString());
    }

    /**
     * Parses {@code ma-cat://domain/path} (scheme matched case-insensitively).
     *
     * @throws IllegalArgumentException naming the text when it is not a valid category URI
     */
    public static CatUri parse(String text) {
        String[] parts = MaUriSyntax.split(SCHEME, text);
        return new CatUri(parts[0], parts[1]);
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
