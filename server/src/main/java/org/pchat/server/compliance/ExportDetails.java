package org.pchat.server.compliance;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.pchat.server.rooms.RoomDirectory;
import org.pchat.server.store.UserRepository;

/** Room and user details an export may add (AddChatRoomDetails, AddUserDetails). */
public interface ExportDetails {

    /** No details known. */
    ExportDetails NONE = new ExportDetails() {
        @Override
        public Optional<RoomInfo> room(UUID roomId) {
            return Optional.empty();
        }

        @Override
        public Optional<String> displayName(String userUri) {
            return Optional.empty();
        }
    };

    /** Details read from the content database, each looked up once per returned instance (one export run). */
    static ExportDetails fromDirectory(RoomDirectory rooms, UserRepository users) {
        return new DirectoryExportDetails(rooms, users);
    }

    /** The room as it is now; empty when it was deleted. */
    Optional<RoomInfo> room(UUID roomId);

    /** The user's display name; empty for an unknown user. */
    Optional<String> displayName(String userUri);

    /**
     * What an export says about a room.
     *
     * @param name        the room name
     * @param description its description
     * @param category    its category's name
     * @param logged      whether its category keeps chat history
     */
    record RoomInfo(String name, String description, String category, boolean logged) {
        public RoomInfo {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(category, "category");
        }
    }
}
