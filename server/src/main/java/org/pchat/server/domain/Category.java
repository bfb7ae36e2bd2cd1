package org.pchat.server.domain;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A category under the root category (xccos.md §7.1). Its allowed and denied principals form
 * the scope of every room in it; denied beats allowed. Creators may create rooms in it.
 *
 * @param id          category GUID (the ma-cat:// path)
 * @param name        unique name (case-insensitive)
 * @param description free text, may be empty
 * @param allowed     principals in scope
 * @param denied      principals excluded from scope, whatever {@code allowed} says
 * @param creators    principals who may create rooms in this category
 * @param invitations whether invitations are sent (rooms may override)
 * @param fileUpload  whether files may be posted to its rooms
 * @param chatHistory whether its rooms keep and serve history
 */
public record Category(UUID id, String name, String description, Set<Principal> allowed, Set<Principal> denied,
        Set<Principal> creators, boolean invitations, boolean fileUpload, boolean chatHistory) {

    public Category {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        allowed = Sorted.copyOf(allowed, Principal::format, "allowed");
        denied = Sorted.copyOf(denied, Principal::format, "denied");
        creators = Sorted.copyOf(creators, Principal::format, "creators");
    }

    /** Whether the user is within scope: some allowed principal includes them and no denied one does. */
    public boolean inScope(String normalizedUserUri) {
        return allowed.stream().anyMatch(p -> p.includes(normalizedUserUri))
                && denied.stream().noneMatch(p -> p.includes(normalizedUserUri));
    }

    /** Whether a denied principal names the user. */
    public boolean denies(String normalizedUserUri) {
        return denied.stream().anyMatch(p -> p.includes(normalizedUserUri));
    }

    /** Whether a creator principal names the user (scope is checked separately). */
    public boolean listsCreator(String normalizedUserUri) {
        return creators.stream().anyMatch(p -> p.includes(normalizedUserUri));
    }
}
