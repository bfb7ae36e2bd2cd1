package org.pchat.server.domain;

import java.util.Locale;

/**
 * Who a category's allowed / denied / creators list names: one user, a whole SIP domain, or
 * everyone. Text forms: {@code sip:alice@example.com}, {@code domain:example.com},
 * {@code everyone}.
 */
public sealed interface Principal permits Principal.UserPrincipal, Principal.DomainPrincipal, Principal.Everyone {

    /** Text prefix of a domain principal. */
    String DOMAIN_PREFIX = "domain:";

    /** Text of the everyone principal. */
    String EVERYONE = "everyone";

    /** Whether this principal includes the user with the given normalized URI. */
    boolean includes(String normalizedUserUri);

    /** The text form, which {@link #parse(String)} reads back. */
    String format();

    /** One user, by normalized SIP URI. */
    record UserPrincipal(String uri) implements Principal {
        public UserPrincipal {
            uri = UserUris.normalize(uri);
        }

        @Override
        public boolean includes(String normalizedUserUri) {
            return uri.equals(normalizedUserUri);
        }

        @Override
        public String format() {
            return uri;
        }
    }

    /** Every user whose URI is in the domain. */
    record DomainPrincipal(String domain) implements Principal {
        public DomainPrincipal {
            domain = UserUris.normalizeDomain(domain);
        }

        @Override
        public boolean includes(String normalizedUserUri) {
            return UserUris.domainOf(normalizedUserUri).equals(domain);
        }

        @Override
        public String format() {
            return DOMAIN_PREFIX + domain;
        }
    }

    /** Every user. */
    record Everyone() implements Principal {
        @Override
        public boolean includes(String normalizedUserUri) {
            return true;
        }

        @Override
        public String format() {
            return EVERYONE;
        }
    }

    /** A user principal. */
    static Principal user(String uri) {
        return new UserPrincipal(uri);
    }

    /** A domain principal. */
    static Principal domain(String domain) {
        return new DomainPrincipal(domain);
    }

    /** The everyone principal. */
    static Principal everyone() {
        return new Everyone();
    }

    /**
     * Parses the text form, ignoring case.
     *
     * @throws DirectoryException INVALID when the text is none of the three forms
     */
    static Principal parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.equals(EVERYONE)) {
            return everyone();
        }
        if (lower.startsWith(DOMAIN_PREFIX)) {
            return domain(trimmed.substring(DOMAIN_PREFIX.length()));
        }
        if (lower.startsWith("sip:")) {
            return user(trimmed);
        }
        throw DirectoryException.invalid("principal '" + text
                + "' is not one of sip:user@domain, domain:<domain name>, everyone");
    }
}
