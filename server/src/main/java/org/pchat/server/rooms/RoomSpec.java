package org.pchat.server.rooms;

import java.util.Objects;
import java.util.Set;
import org.pchat.server.domain.Invitations;
import org.pchat.server.domain.Privacy;
import org.pchat.server.domain.RoomType;

/**
 * What {@link DirectoryService#newRoom(RoomSpec)} creates. Start from
 * {@link #of(String, String)} (closed, normal, no roles, invitations inherited) and adjust with
 * the {@code with…} methods. Role sets hold user URIs; text enums are parsed with
 * {@link Privacy#parse(String)}, {@link RoomType#parse(String)}, {@link Invitations#parse(String)}.
 *
 * @param name         unique room name (case-insensitive)
 * @param categoryName name of an existing category
 * @param privacy      open, closed or secret
 * @param type         normal or auditorium
 * @param members      member URIs
 * @param managers     manager URIs
 * @param presenters   presenter URIs
 * @param description  free text
 * @param topic        free text
 * @param invitations  inherit, true or false
 * @param addinUrl     add-in page URL, or {@code null} for none
 */
public record RoomSpec(String name, String categoryName, Privacy privacy, RoomType type, Set<String> members,
        Set<String> managers, Set<String> presenters, String description, String topic, Invitations invitations,
        String addinUrl) {

    public RoomSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(categoryName, "categoryName");
        Objects.requireNonNull(privacy, "privacy");
        Objects.requireNonNull(type, "type");
        members = Set.copyOf(members);
        managers = Set.copyOf(managers);
        presenters = Set.copyOf(presenters);
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(invitations, "invitations");
    }

    /** A closed, normal room with no roles, empty description and topic, inherited invitations. */
    public static RoomSpec of(String name, String categoryName) {
        return new RoomSpec(name, categoryName, Privacy.CLOSED, RoomType.NORMAL, Set.of(), Set.of(), Set.of(), "",
                "", Invitations.INHERIT, null);
    }

    public RoomSpec withPrivacy(Privacy value) {
        return new RoomSpec(name, categoryName, value, type, members, managers, presenters, description, topic,
                invitations, addinUrl);
    }

    public RoomSpec withType(RoomType value) {
        return new RoomSpec(name, categoryName, privacy, value, members, managers, presenters, description, topic,
                invitations, addinUrl);
    }

    public RoomSpec withMembers(Set<String> value) {
        return new RoomSpec(name, categoryName, privacy, type, value, managers, presenters, description, topic,
                invitations, addinUrl);
    }

    public RoomSpec withManagers(Set<String> value) {
        return new RoomSpec(name, categoryName, privacy, type, members, value, presenters, description, topic,
                invitations, addinUrl);
    }

    public RoomSpec withPresenters(Set<String> value) {
        return new RoomSpec(name, categoryName, privacy, type, members, managers, value, description, topic,
                invitations, addinUrl);
    }

    public RoomSpec withDescription(String value) {
        return new RoomSpec(name, categoryName, privacy, type, members, managers, presenters, value, topic,
                invitations, addinUrl);
    }

    public RoomSpec withTopic(String value) {
        return new RoomSpec(name, categoryName, privacy, type, members, managers, presenters, description, value,
                invitations, addinUrl);
    }

    public RoomSpec withInvitations(Invitations value) {
        return new RoomSpec(name, categoryName, privacy, type, members, managers, presenters, description, topic,
                value, addinUrl);
    }

    public RoomSpec withAddinUrl(String value) {
        return new RoomSpec(name, categoryName, privacy, type, members, managers, presenters, description, topic,
                invitations, value);
    }
}
