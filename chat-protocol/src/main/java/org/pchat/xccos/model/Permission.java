package org.pchat.xccos.model;

/**
 * One permission bit of an {@code aib/@key} mask (xccos.md §4.5, from {@code tblRoleType.rtypeAllowedPermSet}).
 * The enum owns its bit number; {@link PermissionSet} combines them.
 */
public enum Permission {
    /** Bit 2: manage the node (room or category). */
    MANAGE_NODE(2),
    /** Bit 4: create child nodes (rooms in a category). */
    CREATE_CHILD_NODES(4),
    /** Bit 5: modify roles (Lync 2010 list only, obsolete). */
    MODIFY_ROLES(5),
    /** Bit 6: modify settings (Lync 2010 list only, obsolete). */
    MODIFY_SETTINGS(6),
    /** Bit 7: join the room. */
    JOIN(7),
    /** Bit 8: post in the room. */
    CHAT(8),
    /** Bit 9: leave the room (Lync 2010 list only). */
    LEAVE(9),
    /** Bit 10: read history without being joined. */
    READ_HISTORY_WHEN_NOT_JOINED(10),
    /** Bit 11: see the room. */
    SEE_ROOM(11),
    /** Bit 12: post in an auditorium room (presenter). */
    CHAT_IN_AUDITORIUM(12),
    /** Bit 13: bypass visibility (see secret rooms). */
    BYPASS_VISIBILITY(13);

    private final int bit;

    Permission(int bit) {
        this.bit = bit;
    }

    /** The bit number, 0 being the least significant. */
    public int bit() {
        return bit;
    }

    /** The single-bit mask {@code 1 << bit}. */
    public long mask() {
        return 1L << bit;
    }
}
