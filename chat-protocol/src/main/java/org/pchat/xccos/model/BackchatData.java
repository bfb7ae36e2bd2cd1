package org.pchat.xccos.model;

import java.util.Objects;

/**
 * {@code cmd:bccontext}: read room history (xccos.md §4.9), {@code <chanib uri="…"/><bcq>…</bcq>}.
 *
 * @param channel the room
 * @param query   which messages
 */
public record BackchatData(ChanUri channel, BackchatQuery query) implements CommandData {

    public BackchatData {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(query, "query");
    }

    /** The newest {@code count} messages of a room, as clients ask right after joining. */
    public static BackchatData last(ChanUri channel, int count) {
        return new BackchatData(channel, new BackchatQuery.Last(count));
    }

    @Override
    public String wireId() {
        return CommandId.BCCONTEXT.wireId();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.backchat(this);
    }
}
