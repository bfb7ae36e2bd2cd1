package org.pchat.xccos.model;

import java.util.List;
import java.util.Objects;

/**
 * A server reply {@code <rpl id="rpl:X" seqid="…"><commandid seqid="…" envid="…"/><resp code="…">TEXT</resp>
 * <data>…</data></rpl>} (xccos.md §3.3). Build replies from the command they answer with {@link #success} and
 * {@link #error}; those set the reply id (including the {@code rpl:getftok} exception) and the correlation.
 *
 * @param id       {@code rpl/@id}, e.g. {@code rpl:join}
 * @param seqId    {@code rpl/@seqid}, echoing the command's seqid
 * @param command  the {@code commandid}: which command of which envelope this answers
 * @param response the {@code resp}
 * @param data     the blocks of {@code data}, in document order
 */
public record Reply(String id, String seqId, CommandRef command, Response response, List<DataBlock> data)
        implements XccosElement {

    /** The element name. */
    public static final String ELEMENT = "rpl";

    public Reply {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(seqId, "seqId");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(response, "response");
        data = List.copyOf(data);
    }

    /**
     * A {@code 200 SUCCESS_OK} reply.
     *
     * @param command the command answered
     * @param envId   the {@code envid} of the envelope that carried it
     * @param data    the reply blocks
     */
    public static Reply success(Command command, long envId, DataBlock... data) {
        return of(command, envId, Response.success(), List.of(data));
    }

    /** A {@code 200 SUCCESS_OK} reply with a list of blocks. */
    public static Reply success(Command command, long envId, List<? extends DataBlock> data) {
        return of(command, envId, Response.success(), List.copyOf(data));
    }

    /** An error reply with the code's standard text and empty data. */
    public static Reply error(Command command, long envId, ResponseCode code) {
        return of(command, envId, code.response(), List.of());
    }

    /** An error reply with any code and text and empty data. */
    public static Reply error(Command command, long envId, int code, String text) {
        return of(command, envId, new Response(code, text), List.of());
    }

    /** A reply with any response and data. */
    public static Reply of(Command command, long envId, Response response, List<? extends DataBlock> data) {
        return new Reply(command.replyId(), command.seqId(), new CommandRef(command.seqId(), envId), response,
                List.copyOf(data));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.reply(this);
    }
}
