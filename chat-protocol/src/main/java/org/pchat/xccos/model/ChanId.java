package org.pchat.xccos.model;

import java.util.Objects;

/**
 * A room reference in join commands: {@code <chanid key="0" domain="contoso.com" value="<guid>"/>}, the room URI
 * {@code ma-chan://<domain>/<value>} split in two (xccos.md §4.5).
 *
 * @param key     the index in the request (0, 1, 2…)
 * @param channel the room
 */
public record ChanId(int key, ChanUri channel) {

    /** The element name. */
    public static final String ELEMENT = "chanid";

    public ChanId {
        if (key < 0) {
            throw new IllegalArgumentException("chanid key " + key + " is negative");
        }
        Objects.requireNonNull(channel, "channel");
    }

    /** A reference to a room with the given index. */
    public static ChanId of(int key, ChanUri channel) {
        return new ChanId(key, channel);
    }
}
