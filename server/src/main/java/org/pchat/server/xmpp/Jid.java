package org.pchat.server.xmpp;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A JID as this endpoint uses it (RFC 7622 §3.1): local part and domain lower-cased, resource as given.
 *
 * @param local    the local part ("" for none)
 * @param domain   the domain
 * @param resource the resource ("" for none)
 */
record Jid(String local, String domain, String resource) {

    Jid {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(resource, "resource");
        local = local.toLowerCase(Locale.ROOT);
        domain = domain.toLowerCase(Locale.ROOT);
    }

    /** Parses a JID; empty when it is blank or has an empty domain. */
    static Optional<Jid> parse(String text) {
        if (text == null || text.isBlank() || text.length() > 3071) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        String bare = slash < 0 ? text : text.substring(0, slash);
        String resource = slash < 0 ? "" : text.substring(slash + 1);
        int at = bare.indexOf('@');
        String local = at < 0 ? "" : bare.substring(0, at);
        String domain = at < 0 ? bare : bare.substring(at + 1);
        if (domain.isEmpty() || (at >= 0 && local.isEmpty()) || (slash >= 0 && resource.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new Jid(local, domain, resource));
    }

    Jid bare() {
        return new Jid(local, domain, "");
    }

    Jid withResource(String newResource) {
        return new Jid(local, domain, newResource);
    }

    @Override
    public String toString() {
        return (local.isEmpty() ? "" : local + "@") + domain + (resource.isEmpty() ? "" : "/" + resource);
    }
}
