package org.pchat.xccos.model;

import java.util.Objects;

/**
 * {@code cmd:chansrch}: search or list rooms (xccos.md §4.10).
 *
 * @param query the {@code qib}
 */
public record ChannelSearchData(SearchQuery query) implements CommandData {

    public ChannelSearchData {
        Objects.requireNonNull(query, "query");
    }

    @Override
    public String wireId() {
        return CommandId.CHANSRCH.wireId();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.channelSearch(this);
    }
}
