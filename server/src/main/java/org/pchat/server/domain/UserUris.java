package org.pchat.server.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * User SIP URIs as the directory stores them: {@code sip:local@domain}, lower-cased
 * (SIP URIs of users are compared case-insensitively, as Lync does).
 */
public final class UserUris {

    /** Longest user URI the directory accepts (the column width). */
    public static final int MAX_LENGTH = 256;

    private static final Pattern SIP_USER_URI =
            Pattern.compile("sip:[^@\\s:;<>\"/?]+@[a-z0-9]([a-z0-9.-]*[a-z0-9])?");
    private static final Pattern DOMAIN =
            Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9])?");

    private UserUris() {
    }

    /**
     * Validates and normalizes a user URI.
     *
     * @throws DirectoryException INVALID when it is not {@code sip:user@domain}
     */
    public static String normalize(String uri) {
        if (uri == null) {
            throw DirectoryException.invalid("user URI is missing: expected sip:user@domain");
        }
        String normalized = uri.trim().toLowerCase(Locale.ROOT);
        if (normalized.length() > MAX_LENGTH) {
            throw DirectoryException.invalid("user URI '" + abbreviate(uri) + "' is " + normalized.length()
                    + " characters long, the limit is " + MAX_LENGTH);
        }
        if (!SIP_USER_URI.matcher(normalized).matches()) {
            throw DirectoryException.invalid("user URI '" + uri + "' is not of the form sip:user@domain");
        }
        return normalized;
    }

    /** The domain part of a normalized user URI. */
    public static String domainOf(String normalizedUri) {
        return normalizedUri.substring(normalizedUri.indexOf('@') + 1);
    }

    /** The SIP digest username: the URI without {@code sip:} ({@code alice@example.com}). */
    public static String digestUsername(String normalizedUri) {
        return normalizedUri.substring("sip:".length());
    }

    /**
     * Validates and normalizes a DNS domain name.
     *
     * @throws DirectoryException INVALID when it is not a domain name
     */
    public static String normalizeDomain(String domain) {
        String normalized = domain == null ? "" : domain.trim().toLowerCase(Locale.ROOT);
        if (normalized.length() > MAX_LENGTH || !DOMAIN.matcher(normalized).matches()) {
            throw DirectoryException.invalid("domain '" + domain + "' is not a domain name like example.com");
        }
        return normalized;
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
