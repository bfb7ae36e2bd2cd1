package org.pchat.xccos.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A client command {@code <cmd id="cmd:NAME" seqid="1"><data>…</data></cmd>} (xccos.md §3.2). The id is carried
 * by the data type ({@link CommandData#wireId()}).
 *
 * @param seqId the {@code seqid}, echoed in the reply ("1" from every known client)
 * @param data  the typed command data
 */
public record Command(String seqId, CommandData data) implements XccosElement {

    /** The element name. */
    public static final String ELEMENT = "cmd";
    /** The seqid every known client sends. */
    public static final String DEFAULT_SEQ_ID = "1";

    public Command {
        Objects.requireNonNull(seqId, "seqId");
        Objects.requireNonNull(data, "data");
    }

    /** A command with seqid 1. */
    public static Command of(CommandData data) {
        return new Command(DEFAULT_SEQ_ID, data);
    }

    /** The {@code cmd/@id} as sent. */
    public String wireId() {
        return data.wireId();
    }

    /** The known command id; empty for {@link UnknownCommandData}. */
    public Optional<CommandId> id() {
        return CommandId.fromWire(data.wireId());
    }

    /** The {@code rpl/@id} that answers this command. */
    public String replyId() {
        return CommandId.replyIdFor(data.wireId());
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.command(this);
    }
}
