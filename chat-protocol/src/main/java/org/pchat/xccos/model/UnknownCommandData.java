package org.pchat.xccos.model;

import java.util.Objects;

/**
 * A command whose id this server does not know. Its data is not parsed; answer it with
 * {@link Reply#error(Command, long, ResponseCode)}, e.g. {@link ResponseCode#NOT_IMPLEMENTED}.
 *
 * @param wireId the {@code cmd/@id} as sent
 */
public record UnknownCommandData(String wireId) implements CommandData {

    public UnknownCommandData {
        Objects.requireNonNull(wireId, "wireId");
        if (CommandId.fromWire(wireId).isPresent()) {
            throw new IllegalArgumentException("command id " + wireId + " is known; use its typed data");
        }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.unknown(this);
    }
}
