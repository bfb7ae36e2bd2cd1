package org.pchat.xccos.model;

import java.util.List;

/**
 * {@code cmd:bjoin}: enter several rooms at once, e.g. the followed rooms at sign-in (xccos.md §4.6).
 *
 * @param channels the {@code chanid} elements; may be empty
 */
public record BatchJoinData(List<ChanId> channels) implements CommandData {

    public BatchJoinData {
        channels = List.copyOf(channels);
    }

    @Override
    public String wireId() {
        return CommandId.BJOIN.wireId();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.batchJoin(this);
    }
}
