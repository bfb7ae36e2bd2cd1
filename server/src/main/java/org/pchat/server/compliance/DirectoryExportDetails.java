package org.pchat.server.compliance;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.pchat.server.domain.User;
import org.pchat.server.rooms.RoomDirectory;
import org.pchat.server.store.UserRepository;

/** Room and user details read from the content database, each looked up once per instance (one export run). */
final class DirectoryExportDetails implements ExportDetails {

    private final RoomDirectory rooms;
    private final UserRepository users;
    private final Map<UUID, Optional<RoomInfo>> roomCache = new HashMap<>();
    private final Map<String, Optional<String>> userCache = new HashMap<>();

    DirectoryExportDetails(RoomDirectory rooms, UserRepository users) {
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.users = Objects.requireNonNull(users, "users");
    }

    @Override
    public Optional<RoomInfo> room(UUID roomId) {
        return roomCache.computeIfAbsent(roomId, id -> rooms.room(id)
                .map(d -> new RoomInfo(d.room().name(), d.room().description(), d.category().name(),
                        d.category().chatHistory())));
    }

    @Override
    public Optional<String> displayName(String userUri) {
        return userCache.computeIfAbsent(userUri, uri -> users.find(uri).map(User::displayName));
    }
}
