package org.pchat.server.rooms;

import java.util.Objects;
import java.util.Set;
import org.pchat.server.domain.Principal;

/**
 * What {@link DirectoryService#newCategory(CategorySpec)} creates. Start from
 * {@link #named(String)} and add with the {@code with…} methods.
 *
 * @param name        unique name (case-insensitive)
 * @param description free text
 * @param allowed     principals in scope (empty: nobody is in scope)
 * @param denied      principals excluded from scope
 * @param creators    principals who may create rooms
 * @param invitations enable invitations
 * @param fileUpload  enable file upload
 * @param chatHistory enable chat history
 */
public record CategorySpec(String name, String description, Set<Principal> allowed, Set<Principal> denied,
        Set<Principal> creators, boolean invitations, boolean fileUpload, boolean chatHistory) {

    public CategorySpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        allowed = Set.copyOf(allowed);
        denied = Set.copyOf(denied);
        creators = Set.copyOf(creators);
    }

    /** A category with no scope yet, invitations off, file upload and chat history on. */
    public static CategorySpec named(String name) {
        return new CategorySpec(name, "", Set.of(), Set.of(), Set.of(), false, true, true);
    }

    public CategorySpec withDescription(String value) {
        return new CategorySpec(name, value, allowed, denied, creators, invitations, fileUpload, chatHistory);
    }

    public CategorySpec withAllowed(Set<Principal> value) {
        return new CategorySpec(name, description, value, denied, creators, invitations, fileUpload, chatHistory);
    }

    public CategorySpec withDenied(Set<Principal> value) {
        return new CategorySpec(name, description, allowed, value, creators, invitations, fileUpload, chatHistory);
    }

    public CategorySpec withCreators(Set<Principal> value) {
        return new CategorySpec(name, description, allowed, denied, value, invitations, fileUpload, chatHistory);
    }

    public CategorySpec withInvitations(boolean value) {
        return new CategorySpec(name, description, allowed, denied, creators, value, fileUpload, chatHistory);
    }

    public CategorySpec withFileUpload(boolean value) {
        return new CategorySpec(name, description, allowed, denied, creators, invitations, value, chatHistory);
    }

    public CategorySpec withChatHistory(boolean value) {
        return new CategorySpec(name, description, allowed, denied, creators, invitations, fileUpload, value);
    }
}
