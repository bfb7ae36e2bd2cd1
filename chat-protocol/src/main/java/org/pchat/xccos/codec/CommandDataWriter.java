package org.pchat.xccos.codec;

import java.util.List;
import org.pchat.xccos.model.BackchatData;
import org.pchat.xccos.model.BackchatQuery;
import org.pchat.xccos.model.BatchJoinData;
import org.pchat.xccos.model.ChanId;
import org.pchat.xccos.model.ChanUri;
import org.pchat.xccos.model.ChannelInfo;
import org.pchat.xccos.model.ChannelSearchData;
import org.pchat.xccos.model.CommandData;
import org.pchat.xccos.model.CreateChildPermissionData;
import org.pchat.xccos.model.FileTokenData;
import org.pchat.xccos.model.GetInvitationsData;
import org.pchat.xccos.model.GetPreferencesData;
import org.pchat.xccos.model.GetServerInfoData;
import org.pchat.xccos.model.JoinData;
import org.pchat.xccos.model.PartData;
import org.pchat.xccos.model.RequestUriData;
import org.pchat.xccos.model.SearchQuery;
import org.pchat.xccos.model.ServerInfo;
import org.pchat.xccos.model.SetPreferencesData;
import org.pchat.xccos.model.UnknownCommandData;

/**
 * Writes the {@code <data>} of a command (xccos.md §4.1–§4.12), as clients send it. The server only needs this
 * for tests and for client-side tools; it is kept exact so every command round-trips. One instance per encoding.
 */
final class CommandDataWriter implements CommandData.Visitor<Void>, BackchatQuery.Visitor<Void> {

    private final XmlOut out;
    private final DataBlockWriter blocks;

    CommandDataWriter(XmlOut out, DataBlockWriter blocks) {
        this.out = out;
        this.blocks = blocks;
    }

    private Void emptyData() {
        out.empty(XccosNames.DATA);
        return null;
    }

    @Override
    public Void requestUri(RequestUriData data) {
        return emptyData();
    }

    @Override
    public Void getServerInfo(GetServerInfoData data) {
        if (data.domain().isEmpty() && data.infoType().isEmpty()) {
            return emptyData();
        }
        out.start(XccosNames.DATA);
        out.empty(ServerInfo.ELEMENT);
        out.attribute("domain", data.domain());
        out.attribute("infoType", data.infoType());
        out.end();
        return null;
    }

    @Override
    public Void getInvitations(GetInvitationsData data) {
        blocks.data(data.invitations());
        return null;
    }

    @Override
    public Void getPreferences(GetPreferencesData data) {
        blocks.data(data.preferences());
        return null;
    }

    @Override
    public Void setPreferences(SetPreferencesData data) {
        blocks.data(data.preferences());
        return null;
    }

    @Override
    public Void join(JoinData data) {
        return chanIds(data.channels());
    }

    @Override
    public Void batchJoin(BatchJoinData data) {
        return chanIds(data.channels());
    }

    private Void chanIds(List<ChanId> channels) {
        if (channels.isEmpty()) {
            return emptyData();
        }
        out.start(XccosNames.DATA);
        for (ChanId chanId : channels) {
            out.empty(ChanId.ELEMENT);
            out.attribute("key", chanId.key());
            out.attribute("domain", chanId.channel().domain());
            out.attribute("value", chanId.channel().path());
        }
        out.end();
        return null;
    }

    @Override
    public Void part(PartData data) {
        out.start(XccosNames.DATA);
        data.channels().forEach(this::channelRef);
        out.end();
        return null;
    }

    private void channelRef(ChanUri channel) {
        blocks.channelInfo(ChannelInfo.ref(channel));
    }

    @Override
    public Void channelSearch(ChannelSearchData data) {
        SearchQuery query = data.query();
        out.start(XccosNames.DATA);
        out.empty(SearchQuery.ELEMENT);
        out.attribute("qtype", query.type());
        out.attribute("criteria", query.criteria());
        out.attribute("extended", Boolean.toString(query.extended()));
        out.end();
        return null;
    }

    @Override
    public Void backchat(BackchatData data) {
        out.start(XccosNames.DATA);
        channelRef(data.channel());
        out.start(BackchatQuery.ELEMENT);
        data.query().accept(this);
        out.end();
        out.end();
        return null;
    }

    @Override
    public Void last(BackchatQuery.Last query) {
        out.empty(BackchatQuery.Last.ELEMENT);
        out.attribute("cnt", query.count());
        return null;
    }

    @Override
    public Void before(BackchatQuery.Before query) {
        out.empty(BackchatQuery.Before.ELEMENT);
        out.attribute(XccosNames.ID, query.messageId());
        out.attribute("cnt", query.count());
        return null;
    }

    @Override
    public Void after(BackchatQuery.After query) {
        out.empty(BackchatQuery.After.ELEMENT);
        out.attribute(XccosNames.ID, query.messageId());
        out.attribute("cnt", query.count());
        return null;
    }

    @Override
    public Void unsupported(BackchatQuery.Unsupported query) {
        if (!query.form().isEmpty()) {
            out.empty(query.form());
        }
        return null;
    }

    @Override
    public Void createChildPermission(CreateChildPermissionData data) {
        return emptyData();
    }

    @Override
    public Void fileToken(FileTokenData data) {
        out.start(XccosNames.DATA);
        out.empty(FileTokenData.ELEMENT);
        out.attribute("channelUri", data.channel().uri());
        out.attribute("fileUrl", data.fileUrl());
        out.end();
        return null;
    }

    @Override
    public Void unknown(UnknownCommandData data) {
        return emptyData();
    }
}
