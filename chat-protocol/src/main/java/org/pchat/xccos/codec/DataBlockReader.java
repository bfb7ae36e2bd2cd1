package org.pchat.xccos.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.pchat.xccos.model.AccessInfo;
import org.pchat.xccos.model.CatUri;
import org.pchat.xccos.model.ChanUri;
import org.pchat.xccos.model.ChannelDetail;
import org.pchat.xccos.model.ChannelInfo;
import org.pchat.xccos.model.ChatMessage;
import org.pchat.xccos.model.DataBlock;
import org.pchat.xccos.model.FailureInfo;
import org.pchat.xccos.model.FileToken;
import org.pchat.xccos.model.Invitation;
import org.pchat.xccos.model.PermissionSet;
import org.pchat.xccos.model.Preference;
import org.pchat.xccos.model.ServerInfo;
import org.pchat.xccos.model.UserInfo;

/** Reads the info blocks of {@code <data>} (xccos.md §4) and chat messages (§5.1). Unknown children are skipped. */
final class DataBlockReader {

    private final GuardedReader in;

    DataBlockReader(GuardedReader in) {
        this.in = in;
    }

    /** Reads the blocks of a reply's or notice's {@code <data>}. */
    List<DataBlock> readBlocks() throws XccosException {
        List<DataBlock> blocks = new ArrayList<>();
        while (in.nextChild()) {
            switch (in.xccosName()) {
                case UserInfo.ELEMENT -> blocks.add(readUserInfo());
                case ChannelInfo.ELEMENT -> blocks.add(readChannelInfo());
                case FailureInfo.ELEMENT -> blocks.add(readFailureInfo());
                case ServerInfo.ELEMENT -> blocks.add(readServerInfo());
                case Preference.ELEMENT -> blocks.add(readPreference());
                case Invitation.ELEMENT -> blocks.add(readInvitation());
                case FileToken.ELEMENT -> blocks.add(readFileToken());
                default -> in.skipElement();
            }
        }
        return blocks;
    }

    UserInfo readUserInfo() throws XccosException {
        String where = in.path();
        OptionalInt id = in.attribute("id", Integer::parseInt).map(OptionalInt::of).orElse(OptionalInt.empty());
        String uri = in.requiredAttribute("uri");
        List<AccessInfo> access = new ArrayList<>();
        while (in.nextChild()) {
            if (AccessInfo.ELEMENT.equals(in.xccosName())) {
                access.add(readAccessInfo());
            } else {
                in.skipElement();
            }
        }
        return GuardedReader.construct(where, () -> new UserInfo(id, uri, access));
    }

    AccessInfo readAccessInfo() throws XccosException {
        PermissionSet key = in.requiredAttribute("key", PermissionSet::parse);
        String value = in.requiredAttribute("value");
        Optional<String> domain = in.attribute("domain");
        in.skipElement();
        return new AccessInfo(key, value, domain);
    }

    ChannelInfo readChannelInfo() throws XccosException {
        ChannelInfo.Builder channel = ChannelInfo.builder(in.requiredAttribute("uri", ChanUri::parse));
        in.attribute("name").ifPresent(channel::name);
        in.attribute("topic").ifPresent(channel::topic);
        in.attribute("description").ifPresent(channel::description);
        List<UserInfo> users = new ArrayList<>();
        List<ChatMessage> messages = new ArrayList<>();
        while (in.nextChild()) {
            switch (in.xccosName()) {
                case AccessInfo.ELEMENT -> channel.access(readAccessInfo());
                case ChannelDetail.INFO_ELEMENT -> channel.info(readDetail());
                case ChannelDetail.PROP_ELEMENT -> channel.property(readDetail());
                case UserInfo.ELEMENT -> users.add(readUserInfo());
                case ChatMessage.HISTORY_ELEMENT -> messages.add(readChatMessage());
                default -> in.skipElement();
            }
        }
        return channel.users(users).messages(messages).build();
    }

    private ChannelDetail readDetail() throws XccosException {
        String id = in.requiredAttribute("id");
        return new ChannelDetail(id, in.readText());
    }

    FailureInfo readFailureInfo() throws XccosException {
        String where = in.path();
        String key = in.requiredAttribute("key");
        String value = in.requiredAttribute("value");
        String domain = in.requiredAttribute("domain");
        in.skipElement();
        return GuardedReader.construct(where, () -> new FailureInfo(key, ChanUri.of(domain, value)));
    }

    ServerInfo readServerInfo() throws XccosException {
        String where = in.path();
        Optional<String> infoType = in.attribute("infoType");
        var serverTime = in.requiredAttribute("serverTime", XccosTimestamps::parse);
        int searchLimit = in.requiredAttribute("searchLimit", Integer::parseInt);
        int messageSizeLimit = in.requiredAttribute("messageSizeLimit", Integer::parseInt);
        int storySizeLimit = in.requiredAttribute("storySizeLimit", Integer::parseInt);
        CatUri rootUri = in.requiredAttribute("rootUri", CatUri::parse);
        Optional<String> dbVersion = in.attribute("dbVersion");
        in.skipElement();
        return GuardedReader.construct(where, () -> new ServerInfo(infoType, serverTime, searchLimit,
                messageSizeLimit, storySizeLimit, rootUri, dbVersion));
    }

    Preference readPreference() throws XccosException {
        String where = in.path();
        String label = in.requiredAttribute("label");
        OptionalLong version = in.attribute("seqid", Long::parseLong).map(OptionalLong::of)
                .orElse(OptionalLong.empty());
        Optional<Boolean> createDefault = in.attribute("createdefault", DataBlockReader::parseBoolean);
        Optional<String> content = in.attribute("content");
        in.skipElement();
        return GuardedReader.construct(where, () -> new Preference(label, version, createDefault, content));
    }

    Invitation readInvitation() throws XccosException {
        String inviteId = in.requiredAttribute("inviteId");
        Optional<String> domain = in.attribute("domain");
        Optional<ChannelInfo> channel = Optional.empty();
        while (in.nextChild()) {
            if (ChannelInfo.ELEMENT.equals(in.xccosName()) && channel.isEmpty()) {
                channel = Optional.of(readChannelInfo());
            } else {
                in.skipElement();
            }
        }
        return new Invitation(inviteId, domain, channel);
    }

    FileToken readFileToken() throws XccosException {
        String where = in.path();
        String token = in.requiredAttribute("token");
        String serverUri = in.requiredAttribute("serveruri");
        in.skipElement();
        return GuardedReader.construct(where, () -> new FileToken(token, serverUri));
    }

    /**
     * Reads a {@code grpchat} or history {@code msg}: required {@code chanUri}, {@code author}, {@code ts}; the
     * text of its {@code chat} child (empty when absent).
     */
    ChatMessage readChatMessage() throws XccosException {
        String where = in.path();
        ChanUri channel = in.requiredAttribute("chanUri", ChanUri::parse);
        String author = in.requiredAttribute("author");
        var timestamp = in.requiredAttribute("ts", XccosTimestamps::parse);
        OptionalLong messageId = in.attribute(XccosNames.MESSAGE_ID, Long::parseLong).map(OptionalLong::of)
                .orElse(OptionalLong.empty());
        boolean alert = in.attribute(XccosNames.ALERT, DataBlockReader::parseBoolean).orElse(false);
        StringBuilder text = new StringBuilder();
        while (in.nextChild()) {
            if (ChatMessage.TEXT_ELEMENT.equals(in.xccosName())) {
                text.append(in.readText());
            } else {
                in.skipElement();
            }
        }
        return GuardedReader.construct(where,
                () -> new ChatMessage(channel, author, timestamp, text.toString(), messageId, alert));
    }

    /** {@code true}/{@code false}, case-insensitive (xccos.md §4.10). */
    static boolean parseBoolean(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        };
    }
}
