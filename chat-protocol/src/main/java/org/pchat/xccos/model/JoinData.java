package org.pchat.xccos.model;

import java.util.List;

/**
 * {@code cmd:join}: enter a room (xccos.md §4.5).
 *
 * @param channels the {@code chanid} elements, at least one
 */
public record JoinData(List<ChanId> channels) implements CommandData {

    public JoinData {
        channels = List.copyOf(channels);
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("cmd:join needs at least one chanid, got 0");
        }
    }

    /** A join of one room with key 0. */
    public static JoinData of(ChanUri channel) {
        return new JoinData(List.of(ChanId.of(0, channel)));
    }

    @Override
    public String wireId() {
        return CommandId.JOIN.wireId();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.join(this);
    }
}
