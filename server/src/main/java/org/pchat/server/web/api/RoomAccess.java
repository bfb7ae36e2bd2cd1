package org.pchat.server.web.api;

import java.util.Objects;
import java.util.UUID;
import org.pchat.server.domain.RoomDetails;
import org.pchat.server.rooms.AccessPolicy;
import org.pchat.server.rooms.RoomDirectory;
import org.pchat.server.web.auth.Caller;
import org.pchat.server.web.http.ApiException;

/**
 * Finds a room for a caller and checks a right on it. A room the caller can neither see nor manage is "not
 * found", so secret rooms never leak; a visible room the caller lacks the right for is "forbidden".
 */
public final class RoomAccess {

    private final RoomDirectory directory;

    public RoomAccess(RoomDirectory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** A room the caller can see or manage. */
    public RoomDetails visible(Caller caller, UUID roomId) {
        return directory.room(roomId)
                .filter(r -> AccessPolicy.canSee(caller.uri(), r) || AccessPolicy.canManage(caller.user(), r))
                .orElseThrow(() -> ApiException.notFound("unknown room " + roomId + " (user " + caller.uri() + ")"));
    }

    /** A room the caller may manage. */
    public RoomDetails manageable(Caller caller, UUID roomId) {
        RoomDetails room = visible(caller, roomId);
        if (!AccessPolicy.canManage(caller.user(), room)) {
            throw ApiException.forbidden("user " + caller.uri() + " is not a manager of room '" + room.room().name()
                    + "'");
        }
        return room;
    }

    /** A room whose history the caller may read. */
    public RoomDetails readable(Caller caller, UUID roomId) {
        RoomDetails room = visible(caller, roomId);
        if (!AccessPolicy.canReadHistory(caller.uri(), room)) {
            throw ApiException.forbidden("user " + caller.uri() + " may not read the history of room '"
                    + room.room().name() + "'" + (room.category().chatHistory() ? ""
                    : ": chat history is disabled in category '" + room.category().name() + "'"));
        }
        return room;
    }
}
