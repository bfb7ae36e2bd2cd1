package org.pchat.server.chat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.pchat.server.domain.Invitation;
import org.pchat.server.domain.Preference;
import org.pchat.server.domain.RoomDetails;
import org.pchat.server.domain.User;
import org.pchat.server.rooms.AccessPolicy;
import org.pchat.server.store.PreferenceRepository;

/**
 * The per-user operations that touch no room state on this node: room search, invitations, preferences, the
 * create-room permission and file tokens. Run on the user's lane.
 */
final class UserWork {

    private final ChatServiceConfig config;
    private final ChatStores stores;
    private final RoomAccess access;
    private final RoomRegistry registry;
    private final FileTokenService tokens;
    private final Clock clock;

    UserWork(ChatServiceConfig config, ChatStores stores, RoomRegistry registry, FileTokenService tokens,
             Clock clock) {
        this.config = config;
        this.stores = stores;
        this.access = new RoomAccess(stores.directory());
        this.registry = registry;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** Rooms the user can see whose name contains {@code criteria} (empty: all), at most searchLimit. */
    List<RoomListing> search(String userUri, String criteria) {
        return stores.directory().visibleRooms(userUri, criteria, config.searchLimit()).stream()
                .map(room -> new RoomListing(room, registry.count(room.room().id())))
                .toList();
    }

    /**
     * The enabled room of exactly this name (case-insensitive) when the user can see it: what a client that
     * addresses a room by name (an XMPP room JID) needs, in three indexed reads instead of a search of every room.
     */
    Optional<RoomListing> find(String userUri, String name) {
        return stores.directory().roomByName(name)
                .filter(room -> !room.room().disabled() && AccessPolicy.canSee(userUri, room))
                .map(room -> new RoomListing(room, registry.count(room.room().id())));
    }

    /** Outstanding invitations to rooms the user can see and whose invitations are on, oldest first. */
    List<PendingInvitation> invitations(String userUri) {
        List<PendingInvitation> found = new ArrayList<>();
        for (Invitation invitation : stores.invitations().pending(userUri, 0, config.searchLimit())) {
            Optional<RoomDetails> room = stores.directory().room(invitation.roomId());
            if (room.isPresent() && !room.get().room().disabled() && AccessPolicy.canSee(userUri, room.get())
                    && room.get().room().invitations().effective(room.get().category().invitations())) {
                found.add(new PendingInvitation(invitation, room.get()));
            }
        }
        return found;
    }

    /** The user's preferences by label; a label never written comes back at version 0 with empty content. */
    List<Preference> preferences(String userUri, List<String> labels) {
        List<Preference> found = new ArrayList<>();
        for (String label : labels) {
            requireLabel(userUri, label);
            found.add(stores.preferences().get(userUri, label)
                    .orElseGet(() -> new Preference(userUri, label, 0, "")));
        }
        return found;
    }

    /**
     * Writes preferences in one transaction: all or none.
     *
     * @throws ChatException CONFLICT when a stored version differs from the expected one
     */
    List<Preference> setPreferences(String userUri, List<PreferenceUpdate> updates) {
        updates.forEach(update -> requireLabel(userUri, update.label()));
        Instant now = clock.instant();
        return stores.content().transactionResult(c -> {
            PreferenceRepository tx = stores.preferences().in(c.dsl());
            List<Preference> written = new ArrayList<>();
            for (PreferenceUpdate update : updates) {
                if (update.expectedVersion().isEmpty()) {
                    written.add(tx.put(userUri, update.label(), update.content(), now));
                    continue;
                }
                long expected = update.expectedVersion().getAsLong();
                Optional<Preference> stored = tx.put(userUri, update.label(), expected, update.content(), now);
                if (stored.isEmpty()) {
                    long current = tx.get(userUri, update.label()).map(Preference::version).orElse(0L);
                    throw new ChatException(ChatErrorCode.CONFLICT, "preference '" + update.label() + "' of "
                            + userUri + " is at version " + current + ", not " + expected + ": read it again");
                }
                written.add(stored.get());
            }
            return written;
        });
    }

    /** Whether the user may create rooms in some category (pool administrators and category creators). */
    boolean canCreateRooms(String userUri) {
        User user = stores.users().find(userUri).orElseGet(() -> new User(userUri, userUri, false));
        return stores.directory().canCreateSomewhere(user);
    }

    /** A file token after the room checks: uploads need the right to post and file upload on. */
    FileAccessToken fileToken(String userUri, UUID roomId, FileAction action, String fileName) {
        RoomDetails room = switch (action) {
            case UPLOAD -> access.postable(userUri, roomId);
            case DOWNLOAD -> access.joinable(userUri, roomId);
        };
        if (action == FileAction.UPLOAD && !room.category().fileUpload()) {
            throw ChatException.forbidden("file upload is off in category '" + room.category().name()
                    + "' of room " + RoomAccess.name(room) + " (" + userUri + ")");
        }
        if (fileName.isBlank()) {
            throw ChatException.badRequest("file token request of " + userUri + " for room "
                    + RoomAccess.name(room) + " names no file");
        }
        return tokens.issue(userUri, roomId, action, fileName);
    }

    private static void requireLabel(String userUri, String label) {
        if (label.isBlank() || label.length() > PreferenceRepository.MAX_LABEL_LENGTH) {
            throw ChatException.badRequest("preference label of " + label.length() + " characters from " + userUri
                    + " is outside 1.." + PreferenceRepository.MAX_LABEL_LENGTH);
        }
    }
}
