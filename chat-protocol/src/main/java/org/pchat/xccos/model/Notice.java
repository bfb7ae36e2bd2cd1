package org.pchat.xccos.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An unsolicited server notice {@code <ntc id="ntc:X" seqid="1"><data>…</data></ntc>} (xccos.md §3.4, §4.8).
 * Written without {@code commandid} or {@code resp}; a {@code resp} in a received notice is ignored.
 *
 * @param id    {@code ntc/@id}, e.g. {@code ntc:join}
 * @param seqId {@code ntc/@seqid}
 * @param data  the blocks of {@code data}
 */
public record Notice(String id, String seqId, List<DataBlock> data) implements XccosElement {

    /** The element name. */
    public static final String ELEMENT = "ntc";

    public Notice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(seqId, "seqId");
        data = List.copyOf(data);
    }

    /** A notice with seqid 1. */
    public static Notice of(NoticeId id, List<? extends DataBlock> data) {
        return new Notice(id.wireId(), Command.DEFAULT_SEQ_ID, List.copyOf(data));
    }

    /** {@code ntc:join}: users entered rooms; build each with {@link UserInfo#joined}. */
    public static Notice join(UserInfo... users) {
        return of(NoticeId.JOIN, Arrays.asList(users));
    }

    /** {@code ntc:join} for one user entering one room. */
    public static Notice join(String userUri, ChanUri channel, PermissionSet permissions) {
        return of(NoticeId.JOIN, List.of(UserInfo.joined(userUri, channel, permissions)));
    }

    /** {@code ntc:bjoin}: users entered several rooms. */
    public static Notice batchJoin(List<UserInfo> users) {
        return of(NoticeId.BJOIN, users);
    }

    /** {@code ntc:part}: users left a room. */
    public static Notice part(ChanUri channel, String... userUris) {
        return of(NoticeId.PART, List.of(ChannelInfo.parted(channel, Arrays.asList(userUris))));
    }

    /** {@code ntc:part} for several rooms; build each with {@link ChannelInfo#parted}. */
    public static Notice part(List<ChannelInfo> channels) {
        return of(NoticeId.PART, channels);
    }

    /** The known notice id, if any. */
    public Optional<NoticeId> knownId() {
        return NoticeId.fromWire(id);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.notice(this);
    }
}
