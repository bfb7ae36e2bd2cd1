package org.pchat.server.sip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.pchat.server.chat.ChatException;
import org.pchat.server.chat.HistoryPage;
import org.pchat.server.chat.JoinOutcome;
import org.pchat.server.chat.RoomEvent;
import org.pchat.server.chat.RoomListing;
import org.pchat.server.domain.Privacy;
import org.pchat.server.domain.Room;
import org.pchat.server.domain.RoomDetails;
import org.pchat.server.domain.RoomRole;
import org.pchat.xccos.model.AccessInfo;
import org.pchat.xccos.model.ChanUri;
import org.pchat.xccos.model.ChannelDetail;
import org.pchat.xccos.model.ChannelInfo;
import org.pchat.xccos.model.ChatMessage;
import org.pchat.xccos.model.DataBlock;
import org.pchat.xccos.model.FailureInfo;
import org.pchat.xccos.model.GroupChat;
import org.pchat.xccos.model.Notice;
import org.pchat.xccos.model.Permission;
import org.pchat.xccos.model.PermissionSet;
import org.pchat.xccos.model.UserInfo;
import org.pchat.xccos.model.XccosElement;

/** Maps the chat core's values to XCCOS blocks and elements (xccos.md §4, §5) and room URIs to room ids. */
final class XccosViews {

    /** The {@code visibilty} value clients treat as members-only (xccos.md §4.10, §7.2). */
    static final String PRIVATE = "private";
    static final String OPEN = "open";

    private final String domain;

    XccosViews(String domain) {
        this.domain = domain;
    }

    ChanUri chanUri(UUID roomId) {
        return ChanUri.of(domain, roomId);
    }

    /**
     * The room id of a room URI of this node's domain.
     *
     * @throws ChatException NOT_FOUND for another domain or a path that is not a room GUID
     */
    UUID roomId(ChanUri uri) {
        if (!uri.domain().equalsIgnoreCase(domain)) {
            throw ChatException.notFound("room " + uri.uri() + " is not in this server's domain " + domain);
        }
        return uri.pathAsUuid().orElseThrow(() -> ChatException.notFound("room " + uri.uri()
                + " does not exist: its id is not a GUID"));
    }

    /** The {@code aib/@key} mask of a participant (xccos.md §4.5): member 3984, manager 12276, presenter +4096. */
    static PermissionSet mask(Set<RoomRole> roles) {
        PermissionSet base = roles.contains(RoomRole.MANAGER) ? PermissionSet.MANAGER : PermissionSet.MEMBER;
        return roles.contains(RoomRole.PRESENTER) ? base.with(Permission.CHAT_IN_AUDITORIUM) : base;
    }

    /** A stored message as XCCOS sends it: server receipt time and the room sequence number as message id. */
    ChatMessage message(org.pchat.server.domain.ChatMessage message) {
        return new ChatMessage(chanUri(message.roomId()), message.authorUri(), message.receivedAt(), message.text(),
                OptionalLong.of(message.seq()), message.alert());
    }

    /**
     * The data of {@code rpl:join} / {@code rpl:bjoin} (xccos.md §4.5, §4.6): every participant once as a
     * {@code uib} (direct children of data), then one {@code chanib} per joined room whose {@code aib}s map the
     * masks to uib ids, then a {@code fib} per failed room.
     */
    List<DataBlock> joinData(List<JoinOutcome> joined, List<ChanUri> failed) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (JoinOutcome outcome : joined) {
            outcome.participants().forEach(p -> ids.putIfAbsent(p.userUri(), ids.size()));
        }
        List<DataBlock> data = new ArrayList<>();
        ids.forEach((uri, id) -> data.add(UserInfo.of(id, uri)));
        for (JoinOutcome outcome : joined) {
            Map<Long, List<Integer>> byMask = new TreeMap<>();
            for (JoinOutcome.ParticipantInfo p : outcome.participants()) {
                byMask.computeIfAbsent(mask(p.roles()).mask(), m -> new ArrayList<>()).add(ids.get(p.userUri()));
            }
            Room room = outcome.room().room();
            ChannelInfo.Builder chanib = ChannelInfo.builder(chanUri(room.id())).name(room.name());
            if (!room.topic().isEmpty()) {
                chanib.topic(room.topic());
            }
            byMask.forEach((mask, users) -> chanib.access(AccessInfo.forUsers(new PermissionSet(mask), users)));
            data.add(chanib.build());
        }
        failed.forEach(uri -> data.add(FailureInfo.operationFailed(uri)));
        return data;
    }

    /** A search result {@code chanib} (xccos.md §4.10). */
    ChannelInfo listing(RoomListing listing) {
        RoomDetails details = listing.room();
        Room room = details.room();
        return ChannelInfo.builder(chanUri(room.id()))
                .name(room.name())
                .description(room.description())
                .info(ChannelDetail.userCount(listing.participants()))
                .info(ChannelDetail.visibility(room.privacy() == Privacy.OPEN ? OPEN : PRIVATE))
                .property(ChannelDetail.filePost(details.category().fileUpload()))
                .property(ChannelDetail.invite(room.invitations().effective(details.category().invitations())))
                .property(ChannelDetail.logged(details.category().chatHistory()))
                .build();
    }

    /** A history {@code chanib} with its {@code msg}s, oldest first (xccos.md §4.9). */
    ChannelInfo history(HistoryPage page) {
        return ChannelInfo.history(chanUri(page.room().room().id()),
                page.messages().stream().map(this::message).toList());
    }

    /** A room with its name, as invitations carry it. */
    ChannelInfo named(RoomDetails room) {
        return ChannelInfo.builder(chanUri(room.room().id())).name(room.room().name()).build();
    }

    /** The element a room event is sent as: {@code grpchat}, {@code ntc:join}/{@code ntc:bjoin}, {@code ntc:part}. */
    XccosElement event(RoomEvent event) {
        return event.accept(new RoomEvent.Visitor<XccosElement>() {
            @Override
            public XccosElement posted(RoomEvent.Posted posted) {
                return GroupChat.of(message(posted.message()));
            }

            @Override
            public XccosElement joined(RoomEvent.Joined joined) {
                UserInfo user = UserInfo.joined(joined.userUri(), chanUri(joined.room().id()), mask(joined.roles()));
                return joined.batch() ? Notice.batchJoin(List.of(user)) : Notice.join(user);
            }

            @Override
            public XccosElement parted(RoomEvent.Parted parted) {
                return Notice.part(chanUri(parted.room().id()), parted.userUri());
            }
        });
    }
}
