package org.pchat.server.rooms;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.pchat.server.domain.Category;
import org.pchat.server.domain.DirectoryException;
import org.pchat.server.domain.Principal;
import org.pchat.server.domain.UserUris;

/** Validation of directory input; every message names the value seen and the rule. */
final class DirectoryRules {

    private final DirectoryConfig config;

    DirectoryRules(DirectoryConfig config) {
        this.config = config;
    }

    DirectoryConfig config() {
        return config;
    }

    /** A trimmed, non-empty name without control characters, within the length limit. */
    String name(String what, String name) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            throw DirectoryException.invalid(what + " is empty");
        }
        if (trimmed.length() > config.maxNameLength()) {
            throw DirectoryException.invalid(what + " '" + abbreviate(trimmed) + "' is " + trimmed.length()
                    + " characters long, the limit is " + config.maxNameLength());
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw DirectoryException.invalid(what + " '" + abbreviate(trimmed) + "' contains control characters");
        }
        return trimmed;
    }

    /** A description or topic within the length limit. */
    String text(String what, String owner, String text) {
        String value = text == null ? "" : text;
        if (value.length() > config.maxTextLength()) {
            throw DirectoryException.invalid(what + " of " + owner + " is " + value.length()
                    + " characters long, the limit is " + config.maxTextLength());
        }
        return value;
    }

    /** An http(s) add-in URL, or null for none (null or blank). */
    String addinUrl(String owner, String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String trimmed = url.trim();
        if (trimmed.length() > config.maxAddinUrlLength()) {
            throw DirectoryException.invalid("add-in URL of " + owner + " is " + trimmed.length()
                    + " characters long, the limit is " + config.maxAddinUrlLength());
        }
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return trimmed;
            }
        } catch (URISyntaxException e) {
            throw DirectoryException.invalid("add-in URL '" + abbreviate(trimmed) + "' of " + owner
                    + " is not a URL: " + e.getReason());
        }
        throw DirectoryException.invalid("add-in URL '" + abbreviate(trimmed) + "' of " + owner
                + " is not an http or https URL");
    }

    /** Normalized user URIs of one role list, within the size limit. */
    Set<String> users(String role, String owner, Set<String> uris) {
        if (uris.size() > config.maxRoleEntries()) {
            throw DirectoryException.invalid(role + " list of " + owner + " has " + uris.size()
                    + " entries, the limit is " + config.maxRoleEntries());
        }
        Set<String> normalized = new LinkedHashSet<>();
        uris.forEach(u -> normalized.add(UserUris.normalize(u)));
        return normalized;
    }

    /** One principal list of a category, within the size limit. */
    Set<Principal> principals(String list, String owner, Set<Principal> principals) {
        if (principals.size() > config.maxPrincipals()) {
            throw DirectoryException.invalid(list + " list of " + owner + " has " + principals.size()
                    + " entries, the limit is " + config.maxPrincipals());
        }
        return principals;
    }

    /** Refuses a role holder outside the category's scope (denied beats allowed). */
    static void requireInScope(String uri, Category category) {
        if (category.denies(uri)) {
            throw DirectoryException.forbidden(uri + " is denied in category '" + category.name() + "'");
        }
        if (!category.inScope(uri)) {
            throw DirectoryException.forbidden(uri + " is not among the allowed principals of category '"
                    + category.name() + "'");
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
