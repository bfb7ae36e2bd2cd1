package org.pchat.xccos.model;

import java.util.Objects;

/**
 * A failed room inside a batch join reply: {@code <fib key="OPERATION_FAILED" value="<room guid>"
 * domain="<room domain>"/>}, in place of that room's {@code chanib} (xccos.md §4.6).
 *
 * @param key     the failure text, {@link #OPERATION_FAILED} for the form real clients accept
 * @param channel the room, from {@code domain} and {@code value}
 */
public record FailureInfo(String key, ChanUri channel) implements DataBlock {

    /** The element name. */
    public static final String ELEMENT = "fib";
    /** The key real clients accept. */
    public static final String OPERATION_FAILED = "OPERATION_FAILED";

    public FailureInfo {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(channel, "channel");
    }

    /** {@code OPERATION_FAILED} for a room. */
    public static FailureInfo operationFailed(ChanUri channel) {
        return new FailureInfo(OPERATION_FAILED, channel);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.failureInfo(this);
    }
}
