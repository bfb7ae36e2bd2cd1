package org.pchat.xccos.model;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The XCCOS command ids this server knows (xccos.md §4.0), each owning its wire id and the id of its reply.
 * The reply id is {@code rpl:X} for {@code cmd:X} except for the file tokens (both answered by
 * {@code rpl:getftok}, §4.11). {@code cmd:getserverinfo} is answered by {@code rpl:getserverinfo} as
 * [MS-OCSPROT] writes it (§4.2).
 */
public enum CommandId {
    REQURI("cmd:requri", "rpl:requri"),
    GETSERVERINFO("cmd:getserverinfo", "rpl:getserverinfo"),
    GETINV("cmd:getinv", "rpl:getinv"),
    GETPREF("cmd:getpref", "rpl:getpref"),
    SETPREF("cmd:setpref", "rpl:setpref"),
    JOIN("cmd:join", "rpl:join"),
    BJOIN("cmd:bjoin", "rpl:bjoin"),
    PART("cmd:part", "rpl:part"),
    CHANSRCH("cmd:chansrch", "rpl:chansrch"),
    BCCONTEXT("cmd:bccontext", "rpl:bccontext"),
    NODESPERMCREATECHILD("cmd:nodespermcreatechild", "rpl:nodespermcreatechild"),
    GETFUTOK("cmd:getfutok", "rpl:getftok"),
    GETFDTOK("cmd:getfdtok", "rpl:getftok");

    /** The prefix of every command id. */
    public static final String COMMAND_PREFIX = "cmd:";
    /** The prefix of every reply id. */
    public static final String REPLY_PREFIX = "rpl:";

    private static final Map<String, CommandId> BY_WIRE_ID = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(CommandId::wireId, Function.identity()));

    private final String wireId;
    private final String replyId;

    CommandId(String wireId, String replyId) {
        this.wireId = wireId;
        this.replyId = replyId;
    }

    /** The {@code cmd/@id}, e.g. {@code cmd:join}. */
    public String wireId() {
        return wireId;
    }

    /** The {@code rpl/@id} answering this command, e.g. {@code rpl:join}. */
    public String replyId() {
        return replyId;
    }

    /** The known command with this wire id (exact match), if any. */
    public static Optional<CommandId> fromWire(String wireId) {
        return Optional.ofNullable(BY_WIRE_ID.get(wireId));
    }

    /**
     * The known command with this wire id.
     *
     * @throws IllegalArgumentException naming the id when it is unknown
     */
    public static CommandId ofWire(String wireId) {
        return fromWire(wireId).orElseThrow(
                () -> new IllegalArgumentException("unknown XCCOS command id: " + wireId));
    }

    /**
     * The reply id for any command id: the known mapping, or {@code rpl:X} for {@code cmd:X}, so that an unknown
     * command can still be answered with an error.
     */
    public static String replyIdFor(String commandWireId) {
        return fromWire(commandWireId).map(CommandId::replyId).orElseGet(() -> REPLY_PREFIX
                + (commandWireId.startsWith(COMMAND_PREFIX)
                        ? commandWireId.substring(COMMAND_PREFIX.length())
                        : commandWireId));
    }
}
