package org.pchat.server.rooms;

import java.util.Objects;
import java.util.Optional;

/**
 * Which rooms {@link DirectoryService#listRooms(RoomFilter)} returns.
 *
 * @param categoryName    only rooms of this category
 * @param nameContains    only rooms whose name contains this text (case-insensitive)
 * @param includeDisabled also disabled rooms
 */
public record RoomFilter(Optional<String> categoryName, Optional<String> nameContains, boolean includeDisabled) {

    public RoomFilter {
        Objects.requireNonNull(categoryName, "categoryName");
        Objects.requireNonNull(nameContains, "nameContains");
    }

    /** Every enabled room. */
    public static RoomFilter all() {
        return new RoomFilter(Optional.empty(), Optional.empty(), false);
    }

    public RoomFilter inCategory(String name) {
        return new RoomFilter(Optional.of(name), nameContains, includeDisabled);
    }

    public RoomFilter nameContaining(String text) {
        return new RoomFilter(categoryName, Optional.of(text), includeDisabled);
    }

    public RoomFilter withDisabled(boolean value) {
        return new RoomFilter(categoryName, nameContains, value);
    }
}
