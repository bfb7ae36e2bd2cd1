package org.pchat.xccos.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A permission mask as carried in {@code aib/@key} (xccos.md §4.5). Bits that {@link Permission} does not
 * name are kept, so any mask a peer sends round-trips.
 *
 * @param mask the bit mask, never negative
 */
public record PermissionSet(long mask) {

    /** An ordinary member: bits {4,7,8,9,10,11} = 3984. */
    public static final PermissionSet MEMBER = new PermissionSet(3984);
    /** A manager: bits {2,4,5,6,7,8,9,10,11,13} = 12276 (SIPE shows these users as channel operators). */
    public static final PermissionSet MANAGER = new PermissionSet(12276);
    /** A presenter in an auditorium room: the member mask plus bit 12 = 8080 (xccos.md §4.5, unverified). */
    public static final PermissionSet PRESENTER = MEMBER.with(Permission.CHAT_IN_AUDITORIUM);
    /** No permission at all. */
    public static final PermissionSet NONE = new PermissionSet(0);

    public PermissionSet {
        if (mask < 0) {
            throw new IllegalArgumentException("permission mask " + mask + " is negative");
        }
    }

    /** The set holding exactly the given permissions. */
    public static PermissionSet of(Permission... permissions) {
        return NONE.with(permissions);
    }

    /**
     * Parses the decimal {@code aib/@key} text.
     *
     * @throws IllegalArgumentException naming the text when it is not a non-negative decimal number
     */
    public static PermissionSet parse(String text) {
        try {
            return new PermissionSet(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("permission mask '" + text + "' is not a decimal number", e);
        }
    }

    /** Whether the bit of {@code permission} is set. */
    public boolean has(Permission permission) {
        return (mask & permission.mask()) != 0;
    }

    /** Whether every bit of {@code other} is also set here. */
    public boolean containsAll(PermissionSet other) {
        return (mask & other.mask) == other.mask;
    }

    /** This set plus the given permissions. */
    public PermissionSet with(Permission... permissions) {
        long result = mask;
        for (Permission p : permissions) {
            result |= p.mask();
        }
        return new PermissionSet(result);
    }

    /** This set without the given permissions. */
    public PermissionSet without(Permission... permissions) {
        long result = mask;
        for (Permission p : permissions) {
            result &= ~p.mask();
        }
        return new PermissionSet(result);
    }

    /** The bits set in either mask. */
    public PermissionSet union(PermissionSet other) {
        return new PermissionSet(mask | other.mask);
    }

    /** The named permissions in this mask. */
    public Set<Permission> permissions() {
        EnumSet<Permission> result = EnumSet.noneOf(Permission.class);
        for (Permission p : Permission.values()) {
            if (has(p)) {
                result.add(p);
            }
        }
        return Collections.unmodifiableSet(result);
    }

    /** The bits that no {@link Permission} names. */
    public long unknownBits() {
        long known = 0;
        for (Permission p : Permission.values()) {
            known |= p.mask();
        }
        return mask & ~known;
    }

    /** The decimal wire form of the mask. */
    public String wireValue() {
        return Long.toString(mask);
    }

    @Override
    public String toString() {
        StringJoiner names = new StringJoiner(",", "PermissionSet[" + mask + "=", "]");
        permissions().forEach(p -> names.add(p.name()));
        if (unknownBits() != 0) {
            names.add("0x" + Long.toHexString(unknownBits()));
        }
        return names.toString();
    }
}
