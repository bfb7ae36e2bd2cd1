package org.pchat.interop.support;

import java.util.List;
import java.util.Optional;

/**
 * A reply {@code rpl} (xccos.md §3.3), correlated to its command by {@code commandid}.
 *
 * @param id e.g. {@code rpl:join}
 * @param commandEnvid {@code commandid/@envid}: the command envelope's envid
 * @param commandSeqid {@code commandid/@seqid}
 * @param code {@code resp/@code}, or {@link #NO_RESP} when there is no {@code resp}
 * @param text the {@code resp} text, e.g. {@code SUCCESS_OK}
 * @param data the {@code data} child (empty when absent)
 */
public record XccosReply(String id, long commandEnvid, String commandSeqid, int code, String text, XmlNode data)
        implements XccosElement {

    /** {@link #code()} of a reply without {@code resp} (SIPE treats that as 500). */
    public static final int NO_RESP = -1;
    /** {@code resp/@code} of success. */
    public static final int SUCCESS = 200;

    /** Whether {@code resp code="200"}. */
    public boolean isSuccess() {
        return code == SUCCESS;
    }

    /** The {@code chanib} children of {@code data} (rooms in chansrch, join, bjoin, part, bccontext). */
    public List<ChannelInfo> channels() {
        return data.children("chanib").stream().map(ChannelInfo::from).toList();
    }

    /** The room in {@code data/chanib} with this URI, if any. */
    public Optional<ChannelInfo> channel(RoomUri room) {
        return channels().stream().filter(c -> c.uri().equalsIgnoreCase(room.toString())).findFirst();
    }

    /** The {@code uib/@uri} values directly under {@code data} (join participants, requri's channel URI). */
    public List<String> userUris() {
        return data.children("uib").stream().map(u -> u.attr("uri")).toList();
    }

    /** The history messages {@code data/chanib/msg[@id="grpchat"]} in document order (§4.9). */
    public List<XccosGroupChat> history() {
        return data.children("chanib").stream().flatMap(c -> c.children("msg").stream())
                .filter(m -> "grpchat".equals(m.attr("id"))).map(XccosGroupChat::from).toList();
    }

    /** The per-room failures {@code data/fib} of a bjoin (§4.6). */
    public List<XmlNode> failures() {
        return data.children("fib");
    }

    /** The {@code data/sib} of a getserverinfo reply (§4.2). */
    public Optional<XmlNode> serverInfo() {
        return data.child("sib");
    }

    /** A one-line description for failure messages. */
    public String describe() {
        return id + " resp " + code + " " + text;
    }
}
