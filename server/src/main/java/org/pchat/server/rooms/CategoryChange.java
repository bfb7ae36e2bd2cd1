package org.pchat.server.rooms;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.pchat.server.domain.Principal;

/**
 * What {@link DirectoryService#setCategory(String, CategoryChange)} changes: each present field
 * replaces the stored value (principal sets are replaced whole). Start from {@link #none()}.
 */
public record CategoryChange(Optional<String> name, Optional<String> description,
        Optional<Set<Principal>> allowed, Optional<Set<Principal>> denied, Optional<Set<Principal>> creators,
        Optional<Boolean> invitations, Optional<Boolean> fileUpload, Optional<Boolean> chatHistory) {

    private static final CategoryChange NONE = new CategoryChange(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    public CategoryChange {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        allowed = Objects.requireNonNull(allowed, "allowed").map(Set::copyOf);
        denied = Objects.requireNonNull(denied, "denied").map(Set::copyOf);
        creators = Objects.requireNonNull(creators, "creators").map(Set::copyOf);
        Objects.requireNonNull(invitations, "invitations");
        Objects.requireNonNull(fileUpload, "fileUpload");
        Objects.requireNonNull(chatHistory, "chatHistory");
    }

    /** Changes nothing. */
    public static CategoryChange none() {
        return NONE;
    }

    public CategoryChange withName(String value) {
        return new CategoryChange(Optional.of(value), description, allowed, denied, creators, invitations,
                fileUpload, chatHistory);
    }

    public CategoryChange withDescription(String value) {
        return new CategoryChange(name, Optional.of(value), allowed, denied, creators, invitations, fileUpload,
                chatHistory);
    }

    public CategoryChange withAllowed(Set<Principal> value) {
        return new CategoryChange(name, description, Optional.of(value), denied, creators, invitations,
                fileUpload, chatHistory);
    }

    public CategoryChange withDenied(Set<Principal> value) {
        return new CategoryChange(name, description, allowed, Optional.of(value), creators, invitations,
                fileUpload, chatHistory);
    }

    public CategoryChange withCreators(Set<Principal> value) {
        return new CategoryChange(name, description, allowed, denied, Optional.of(value), invitations,
                fileUpload, chatHistory);
    }

    public CategoryChange withInvitations(boolean value) {
        return new CategoryChange(name, description, allowed, denied, creators, Optional.of(value), fileUpload,
                chatHistory);
    }

    public CategoryChange withFileUpload(boolean value) {
        return new CategoryChange(name, description, allowed, denied, creators, invitations, Optional.of(value),
                chatHistory);
    }

    public CategoryChange withChatHistory(boolean value) {
        return new CategoryChange(name, description, allowed, denied, creators, invitations, fileUpload,
                Optional.of(value));
    }
}
