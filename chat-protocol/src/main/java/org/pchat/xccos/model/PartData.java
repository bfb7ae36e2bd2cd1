package org.pchat.xccos.model;

import java.util.List;

/**
 * {@code cmd:part}: leave rooms, each named by {@code <chanib uri="…"/>} (xccos.md §4.7). Clients send one.
 *
 * @param channels the rooms to leave, at least one
 */
public record PartData(List<ChanUri> channels) implements CommandData {

    public PartData {
        channels = List.copyOf(channels);
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("cmd:part needs at least one chanib uri, got 0");
        }
    }

    /** Leaving one room. */
    public static PartData of(ChanUri channel) {
        return new PartData(List.of(channel));
    }

    @Override
    public String wireId() {
        return CommandId.PART.wireId();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.part(this);
    }
}
