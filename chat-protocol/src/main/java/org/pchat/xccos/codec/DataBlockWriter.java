package org.pchat.xccos.codec;

import java.util.List;
import java.util.Optional;
import org.pchat.xccos.model.AccessInfo;
import org.pchat.xccos.model.ChannelDetail;
import org.pchat.xccos.model.ChannelInfo;
import org.pchat.xccos.model.ChatMessage;
import org.pchat.xccos.model.DataBlock;
import org.pchat.xccos.model.FailureInfo;
import org.pchat.xccos.model.FileToken;
import org.pchat.xccos.model.Invitation;
import org.pchat.xccos.model.Preference;
import org.pchat.xccos.model.ServerInfo;
import org.pchat.xccos.model.UserInfo;

/** Writes info blocks (xccos.md §4) and chat messages (§5.1). One instance per encoding. */
final class DataBlockWriter implements DataBlock.Visitor<Void> {

    private final XmlOut out;

    DataBlockWriter(XmlOut out) {
        this.out = out;
    }

    /** Writes {@code <data>…</data>}, or {@code <data/>} when there is nothing. */
    void data(List<? extends DataBlock> blocks) {
        if (blocks.isEmpty()) {
            out.empty(XccosNames.DATA);
            return;
        }
        out.start(XccosNames.DATA);
        blocks.forEach(block -> block.accept(this));
        out.end();
    }

    @Override
    public Void userInfo(UserInfo block) {
        open(UserInfo.ELEMENT, block.access().isEmpty());
        block.id().ifPresent(id -> out.attribute("id", id));
        out.attribute("uri", block.uri());
        block.access().forEach(this::accessInfo);
        close(block.access().isEmpty());
        return null;
    }

    private void accessInfo(AccessInfo block) {
        out.empty(AccessInfo.ELEMENT);
        out.attribute("key", block.key().wireValue());
        out.attribute("domain", block.domain());
        out.attribute("value", block.value());
    }

    @Override
    public Void channelInfo(ChannelInfo block) {
        boolean empty = block.access().isEmpty() && block.info().isEmpty() && block.properties().isEmpty()
                && block.users().isEmpty() && block.messages().isEmpty();
        open(ChannelInfo.ELEMENT, empty);
        out.attribute("uri", block.uri().uri());
        out.attribute("name", block.name());
        out.attribute("topic", block.topic());
        out.attribute("description", block.description());
        block.access().forEach(this::accessInfo);
        block.info().forEach(detail -> detail(ChannelDetail.INFO_ELEMENT, detail));
        block.properties().forEach(detail -> detail(ChannelDetail.PROP_ELEMENT, detail));
        block.users().forEach(this::userInfo);
        block.messages().forEach(message -> chatMessage(ChatMessage.HISTORY_ELEMENT, Optional.empty(), message));
        close(empty);
        return null;
    }

    private void detail(String element, ChannelDetail detail) {
        out.start(element);
        out.attribute("id", detail.id());
        out.text(detail.value(), element);
        out.end();
    }

    /** Writes a live {@code grpchat} (with its seqid) or a history {@code msg} (without). */
    void chatMessage(String element, Optional<String> seqId, ChatMessage message) {
        out.start(element);
        out.attribute(XccosNames.ID, XccosNames.GRPCHAT_ID);
        out.attribute(XccosNames.SEQ_ID, seqId);
        out.attribute("chanUri", message.channel().uri());
        out.attribute("author", message.author());
        out.attribute("ts", XccosTimestamps.format(message.timestamp()));
        message.messageId().ifPresent(id -> out.attribute(XccosNames.MESSAGE_ID, id));
        if (message.alert()) {
            out.attribute(XccosNames.ALERT, "true");
        }
        out.textElement(ChatMessage.TEXT_ELEMENT, message.text());
        out.end();
    }

    @Override
    public Void failureInfo(FailureInfo block) {
        out.empty(FailureInfo.ELEMENT);
        out.attribute("key", block.key());
        out.attribute("value", block.channel().path());
        out.attribute("domain", block.channel().domain());
        return null;
    }

    @Override
    public Void serverInfo(ServerInfo block) {
        out.empty(ServerInfo.ELEMENT);
        out.attribute("infoType", block.infoType());
        out.attribute("serverTime", XccosTimestamps.format(block.serverTime()));
        out.attribute("searchLimit", block.searchLimit());
        out.attribute("messageSizeLimit", block.messageSizeLimit());
        out.attribute("storySizeLimit", block.storySizeLimit());
        out.attribute("rootUri", block.rootUri().uri());
        out.attribute("dbVersion", block.dbVersion());
        return null;
    }

    @Override
    public Void preference(Preference block) {
        out.empty(Preference.ELEMENT);
        out.attribute("label", block.label());
        block.version().ifPresent(version -> out.attribute(XccosNames.SEQ_ID, version));
        block.createDefault().ifPresent(value -> out.attribute("createdefault", value.toString()));
        out.attribute("content", block.content());
        return null;
    }

    @Override
    public Void invitation(Invitation block) {
        open(Invitation.ELEMENT, block.channel().isEmpty());
        out.attribute("inviteId", block.inviteId());
        out.attribute("domain", block.domain());
        block.channel().ifPresent(this::channelInfo);
        close(block.channel().isEmpty());
        return null;
    }

    @Override
    public Void fileToken(FileToken block) {
        out.empty(FileToken.ELEMENT);
        out.attribute("token", block.token());
        out.attribute("serveruri", block.serverUri());
        return null;
    }

    private void open(String element, boolean empty) {
        if (empty) {
            out.empty(element);
        } else {
            out.start(element);
        }
    }

    private void close(boolean empty) {
        if (!empty) {
            out.end();
        }
    }
}
