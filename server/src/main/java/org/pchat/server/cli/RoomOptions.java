package org.pchat.server.cli;

import org.pchat.server.cli.Converters.InvitationsConverter;
import org.pchat.server.cli.Converters.PrivacyConverter;
import org.pchat.server.cli.Converters.RoomTypeConverter;
import org.pchat.server.cli.Converters.UserList;
import org.pchat.server.cli.Converters.UserListConverter;
import org.pchat.server.domain.Invitations;
import org.pchat.server.domain.Privacy;
import org.pchat.server.domain.RoomType;
import org.pchat.server.rooms.RoomChange;
import org.pchat.server.rooms.RoomSpec;
import picocli.CommandLine.Option;

/**
 * The options of {@code room new} and {@code room set}, after New-/Set-CsPersistentChatRoom.
 * A {@code null} field means "not given".
 */
final class RoomOptions {
    @Option(names = "--category", paramLabel = "NAME", description = "The category holding the room.")
    String category;

    @Option(names = "--privacy", paramLabel = "open|closed|secret", converter = PrivacyConverter.class,
            description = "open: anyone in scope joins; closed (default): members join, others see it; "
                    + "secret: only members see it.")
    Privacy privacy;

    @Option(names = "--type", paramLabel = "normal|auditorium", converter = RoomTypeConverter.class,
            description = "auditorium: only presenters post (default normal).")
    RoomType type;

    @Option(names = "--members", paramLabel = "URIS", converter = UserListConverter.class,
            description = "Member SIP URIs, comma-separated (replaces the list).")
    UserList members;

    @Option(names = "--managers", paramLabel = "URIS", converter = UserListConverter.class,
            description = "Manager SIP URIs, comma-separated (replaces the list).")
    UserList managers;

    @Option(names = "--presenters", paramLabel = "URIS", converter = UserListConverter.class,
            description = "Presenter SIP URIs, comma-separated (replaces the list).")
    UserList presenters;

    @Option(names = "--description", paramLabel = "TEXT", description = "Free text.")
    String description;

    @Option(names = "--topic", paramLabel = "TEXT", description = "The room's topic.")
    String topic;

    @Option(names = "--invitations", paramLabel = "inherit|true|false", converter = InvitationsConverter.class,
            description = "Send invitations: inherit the category's setting (default), or force on or off.")
    Invitations invitations;

    @Option(names = "--addin", paramLabel = "URL", description = "Add-in page URL; empty removes it.")
    String addin;

    /** A new room: the given options over the defaults (closed, normal, no roles, invitations inherited). */
    RoomSpec toSpec(String name) {
        if (category == null) {
            throw new UsageException("room new " + name + ": --category is required");
        }
        RoomSpec spec = RoomSpec.of(name, category);
        if (privacy != null) {
            spec = spec.withPrivacy(privacy);
        }
        if (type != null) {
            spec = spec.withType(type);
        }
        if (members != null) {
            spec = spec.withMembers(members.values());
        }
        if (managers != null) {
            spec = spec.withManagers(managers.values());
        }
        if (presenters != null) {
            spec = spec.withPresenters(presenters.values());
        }
        if (description != null) {
            spec = spec.withDescription(description);
        }
        if (topic != null) {
            spec = spec.withTopic(topic);
        }
        if (invitations != null) {
            spec = spec.withInvitations(invitations);
        }
        if (addin != null && !addin.isBlank()) {
            spec = spec.withAddinUrl(addin);
        }
        return spec;
    }

    /** A change: only the given options. */
    RoomChange toChange() {
        RoomChange change = RoomChange.none();
        if (category != null) {
            change = change.withCategoryName(category);
        }
        if (privacy != null) {
            change = change.withPrivacy(privacy);
        }
        if (type != null) {
            change = change.withType(type);
        }
        if (members != null) {
            change = change.withMembers(members.values());
        }
        if (managers != null) {
            change = change.withManagers(managers.values());
        }
        if (presenters != null) {
            change = change.withPresenters(presenters.values());
        }
        if (description != null) {
            change = change.withDescription(description);
        }
        if (topic != null) {
            change = change.withTopic(topic);
        }
        if (invitations != null) {
            change = change.withInvitations(invitations);
        }
        if (addin != null) {
            change = change.withAddinUrl(addin);
        }
        return change;
    }
}
