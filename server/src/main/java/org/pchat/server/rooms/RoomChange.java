package org.pchat.server.rooms;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.pchat.server.domain.Invitations;
import org.pchat.server.domain.Privacy;
import org.pchat.server.domain.RoomType;

/**
 * What {@link DirectoryService#setRoom(String, RoomChange)} changes: each present field replaces
 * the stored value; a present role set replaces that whole role list; an empty add-in URL
 * removes the add-in. Start from {@link #none()}.
 */
public record RoomChange(Optional<String> name, Optional<String> categoryName, Optional<Privacy> privacy,
        Optional<RoomType> type, Optional<Set<String>> members, Optional<Set<String>> managers,
        Optional<Set<String>> presenters, Optional<String> description, Optional<String> topic,
        Optional<Invitations> invitations, Optional<String> addinUrl) {

    private static final RoomChange NONE = new RoomChange(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    public RoomChange {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(categoryName, "categoryName");
        Objects.requireNonNull(privacy, "privacy");
        Objects.requireNonNull(type, "type");
        members = Objects.requireNonNull(members, "members").map(Set::copyOf);
        managers = Objects.requireNonNull(managers, "managers").map(Set::copyOf);
        presenters = Objects.requireNonNull(presenters, "presenters").map(Set::copyOf);
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(invitations, "invitations");
        Objects.requireNonNull(addinUrl, "addinUrl");
    }

    /** Changes nothing. */
    public static RoomChange none() {
        return NONE;
    }

    public RoomChange withName(String value) {
        return new RoomChange(Optional.of(value), categoryName, privacy, type, members, managers, presenters,
                description, topic, invitations, addinUrl);
    }

    public RoomChange withCategoryName(String value) {
        return new RoomChange(name, Optional.of(value), privacy, type, members, managers, presenters,
                description, topic, invitations, addinUrl);
    }

    public RoomChange withPrivacy(Privacy value) {
        return new RoomChange(name, categoryName, Optional.of(value), type, members, managers, presenters,
                description, topic, invitations, addinUrl);
    }

    public RoomChange withType(RoomType value) {
        return new RoomChange(name, categoryName, privacy, Optional.of(value), members, managers, presenters,
                description, topic, invitations, addinUrl);
    }

    public RoomChange withMembers(Set<String> value) {
        return new RoomChange(name, categoryName, privacy, type, Optional.of(value), managers, presenters,
                description, topic, invitations, addinUrl);
    }

    public RoomChange withManagers(Set<String> value) {
        return new RoomChange(name, categoryName, privacy, type, members, Optional.of(value), presenters,
                description, topic, invitations, addinUrl);
    }

    public RoomChange withPresenters(Set<String> value) {
        return new RoomChange(name, categoryName, privacy, type, members, managers, Optional.of(value),
                description, topic, invitations, addinUrl);
    }

    public RoomChange withDescription(String value) {
        return new RoomChange(name, categoryName, privacy, type, members, managers, presenters,
                Optional.of(value), topic, invitations, addinUrl);
    }

    public RoomChange withTopic(String value) {
        return new RoomChange(name, categoryName, privacy, type, members, managers, presenters, description,
                Optional.of(value), invitations, addinUrl);
    }

    public RoomChange withInvitations(Invitations value) {
        return new RoomChange(name, categoryName, privacy, type, members, managers, presenters, description,
                topic, Optional.of(value), addinUrl);
    }

    public RoomChange withAddinUrl(String value) {
        return new RoomChange(name, categoryName, privacy, type, members, managers, presenters, description,
                topic, invitations, Optional.of(value));
    }
}
