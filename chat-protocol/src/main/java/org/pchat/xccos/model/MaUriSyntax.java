package org.pchat.xccos.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Parsing and validation shared by {@link ChanUri} and {@link CatUri}. */
final class MaUriSyntax {

    static final int MAX_DOMAIN_LENGTH = 253;
    static final int MAX_PATH_LENGTH = 256;

    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}");

    private MaUriSyntax() {
    }

    static String domain(String scheme, String domain) {
        Objects.requireNonNull(domain, "domain");
        if (domain.length() > MAX_DOMAIN_LENGTH || !DOMAIN.matcher(domain).matches()) {
            throw new IllegalArgumentException(scheme + " URI domain '" + domain
                    + "' is not a host name (letters, digits, '.', '-', '_'; 1 to " + MAX_DOMAIN_LENGTH + " characters)");
        }
        return domain;
    }

    static String path(String scheme, String path) {
        Objects.requireNonNull(path, "path");
        if (path.isEmpty() || path.length() > MAX_PATH_LENGTH) {
            throw new IllegalArgumentException(scheme + " URI path '" + path + "' has length " + path.length()
                    + ", expected 1 to " + MAX_PATH_LENGTH);
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= ' ' || c == 0x7f || "/?#<>\"\\".indexOf(c) >= 0) {
                throw new IllegalArgumentException(scheme + " URI path '" + path + "' contains the forbidden character U+"
                        + String.format(Locale.ROOT, "%04X", (int) c) + " at index " + i);
            }
        }
        return path;
    }

    /** Splits {@code scheme://domain/path} into {domain, path}. */
    static String[] split(String scheme, String text) {
        Objects.requireNonNull(text, "uri");
        String prefix = scheme + "://";
        if (!text.regionMatches(true, 0, prefix, 0, prefix.length())) {
            throw new IllegalArgumentException("'" + text + "' is not a " + scheme + " URI: expected the prefix " + prefix);
        }
        int slash = text.indexOf('/', prefix.length());
        if (slash < 0) {
            throw new IllegalArgumentException("'" + text + "' is not a " + scheme + " URI: expected " + prefix
                    + "<domain>/<path>");
        }
        return new String[] {text.substring(prefix.length(), slash), text.substring(slash + 1)};
    }

    static Optional<UUID> uuid(String path) {
        return UUID_TEXT.matcher(path).matches() ? Optional.of(UUID.fromString(path)) : Optional.empty();
    }
}
