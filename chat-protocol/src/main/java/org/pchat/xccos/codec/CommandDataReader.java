package org.pchat.xccos.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pchat.xccos.model.BackchatData;
import org.pchat.xccos.model.BackchatQuery;
import org.pchat.xccos.model.BatchJoinData;
import org.pchat.xccos.model.ChanId;
import org.pchat.xccos.model.ChanUri;
import org.pchat.xccos.model.ChannelInfo;
import org.pchat.xccos.model.ChannelSearchData;
import org.pchat.xccos.model.CommandData;
import org.pchat.xccos.model.CommandId;
import org.pchat.xccos.model.CreateChildPermissionData;
import org.pchat.xccos.model.FileTokenData;
import org.pchat.xccos.model.FileTransfer;
import org.pchat.xccos.model.GetInvitationsData;
import org.pchat.xccos.model.GetPreferencesData;
import org.pchat.xccos.model.GetServerInfoData;
import org.pchat.xccos.model.Invitation;
import org.pchat.xccos.model.JoinData;
import org.pchat.xccos.model.PartData;
import org.pchat.xccos.model.Preference;
import org.pchat.xccos.model.RequestUriData;
import org.pchat.xccos.model.SearchQuery;
import org.pchat.xccos.model.ServerInfo;
import org.pchat.xccos.model.SetPreferencesData;

/**
 * Reads the typed {@code data} of a known command (xccos.md §4.1–§4.12). Only the children a command uses are
 * parsed; others are skipped. A missing {@code data} reads as empty data.
 */
final class CommandDataReader {

    private final GuardedReader in;
    private final DataBlockReader blocks;

    CommandDataReader(GuardedReader in, DataBlockReader blocks) {
        this.in = in;
        this.blocks = blocks;
    }

    /** Reads from the {@code cmd} START_ELEMENT to its END_ELEMENT. */
    CommandData read(CommandId id) throws XccosException {
        String dataPath = in.path() + "/" + XccosNames.DATA;
        Parts parts = new Parts();
        while (in.nextChild()) {
            if (XccosNames.DATA.equals(in.xccosName())) {
                readData(id, parts);
            } else {
                in.skipElement();
            }
        }
        return build(id, parts, dataPath);
    }

    private void readData(CommandId id, Parts parts) throws XccosException {
        Set<String> used = usedElements(id);
        while (in.nextChild()) {
            String name = in.xccosName();
            if (!used.contains(name)) {
                in.skipElement();
                continue;
            }
            switch (name) {
                case ChanId.ELEMENT -> parts.chanIds.add(readChanId());
                case ChannelInfo.ELEMENT -> parts.channels.add(blocks.readChannelInfo().uri());
                case BackchatQuery.ELEMENT -> parts.backchat = Optional.of(readBackchatQuery());
                case SearchQuery.ELEMENT -> parts.search = Optional.of(readSearchQuery());
                case FileTokenData.ELEMENT -> parts.fileRequest = Optional.of(readFileRequest());
                case ServerInfo.ELEMENT -> parts.serverInfo = Optional.of(readServerInfoQuery());
                case Invitation.ELEMENT -> parts.invitations.add(blocks.readInvitation());
                case Preference.ELEMENT -> parts.preferences.add(blocks.readPreference());
                default -> in.skipElement();
            }
        }
    }

    private static Set<String> usedElements(CommandId id) {
        return switch (id) {
            case REQURI, NODESPERMCREATECHILD -> Set.of();
            case GETSERVERINFO -> Set.of(ServerInfo.ELEMENT);
            case GETINV -> Set.of(Invitation.ELEMENT);
            case GETPREF, SETPREF -> Set.of(Preference.ELEMENT);
            case JOIN, BJOIN -> Set.of(ChanId.ELEMENT);
            case PART -> Set.of(ChannelInfo.ELEMENT);
            case CHANSRCH -> Set.of(SearchQuery.ELEMENT);
            case BCCONTEXT -> Set.of(ChannelInfo.ELEMENT, BackchatQuery.ELEMENT);
            case GETFUTOK, GETFDTOK -> Set.of(FileTokenData.ELEMENT);
        };
    }

    private static CommandData build(CommandId id, Parts parts, String where) throws XccosFormatException {
        return switch (id) {
            case REQURI -> new RequestUriData();
            case GETSERVERINFO -> parts.serverInfo.orElseGet(
                    () -> new GetServerInfoData(Optional.empty(), Optional.empty()));
            case GETINV -> new GetInvitationsData(parts.invitations);
            case GETPREF -> new GetPreferencesData(parts.preferences);
            case SETPREF -> new SetPreferencesData(parts.preferences);
            case JOIN -> new JoinData(required(parts.chanIds, where, ChanId.ELEMENT));
            case BJOIN -> new BatchJoinData(parts.chanIds);
            case PART -> new PartData(required(parts.channels, where, ChannelInfo.ELEMENT));
            case CHANSRCH -> new ChannelSearchData(required(parts.search, where, SearchQuery.ELEMENT));
            case BCCONTEXT -> new BackchatData(
                    required(parts.channels, where, ChannelInfo.ELEMENT).get(0),
                    required(parts.backchat, where, BackchatQuery.ELEMENT));
            case NODESPERMCREATECHILD -> new CreateChildPermissionData();
            case GETFUTOK -> fileToken(FileTransfer.UPLOAD, required(parts.fileRequest, where, FileTokenData.ELEMENT));
            case GETFDTOK -> fileToken(FileTransfer.DOWNLOAD,
                    required(parts.fileRequest, where, FileTokenData.ELEMENT));
        };
    }

    private static FileTokenData fileToken(FileTransfer transfer, FileRequest request) {
        return new FileTokenData(transfer, request.channel(), request.fileUrl());
    }

    private static <T> List<T> required(List<T> values, String where, String element) throws XccosFormatException {
        if (values.isEmpty()) {
            throw XccosFormatException.missingElement(where, element);
        }
        return values;
    }

    private static <T> T required(Optional<T> value, String where, String element) throws XccosFormatException {
        if (value.isEmpty()) {
            throw XccosFormatException.missingElement(where, element);
        }
        return value.get();
    }

    private ChanId readChanId() throws XccosException {
        String where = in.path();
        int key = in.requiredAttribute("key", Integer::parseInt);
        String domain = in.requiredAttribute("domain");
        String value = in.requiredAttribute("value");
        in.skipElement();
        return GuardedReader.construct(where, () -> new ChanId(key, ChanUri.of(domain, value)));
    }

    private BackchatQuery readBackchatQuery() throws XccosException {
        Optional<BackchatQuery> query = Optional.empty();
        while (in.nextChild()) {
            if (query.isPresent()) {
                in.skipElement();
                continue;
            }
            query = Optional.of(readBackchatForm());
        }
        return query.orElseGet(() -> new BackchatQuery.Unsupported(""));
    }

    private BackchatQuery readBackchatForm() throws XccosException {
        String where = in.path();
        String form = in.xccosName();
        BackchatQuery query = switch (form) {
            case BackchatQuery.Last.ELEMENT -> {
                int count = in.requiredAttribute("cnt", Integer::parseInt);
                yield GuardedReader.construct(where, () -> new BackchatQuery.Last(count));
            }
            case BackchatQuery.Before.ELEMENT -> {
                long messageId = in.requiredAttribute(XccosNames.ID, Long::parseLong);
                int count = in.requiredAttribute("cnt", Integer::parseInt);
                yield GuardedReader.construct(where, () -> new BackchatQuery.Before(messageId, count));
            }
            case BackchatQuery.After.ELEMENT -> {
                long messageId = in.requiredAttribute(XccosNames.ID, Long::parseLong);
                int count = in.requiredAttribute("cnt", Integer::parseInt);
                yield GuardedReader.construct(where, () -> new BackchatQuery.After(messageId, count));
            }
            default -> {
                String name = in.localName();
                yield GuardedReader.construct(where, () -> new BackchatQuery.Unsupported(name));
            }
        };
        in.skipElement();
        return query;
    }

    private SearchQuery readSearchQuery() throws XccosException {
        String type = in.requiredAttribute("qtype");
        String criteria = in.attribute("criteria").orElse("");
        boolean extended = in.attribute("extended", DataBlockReader::parseBoolean).orElse(false);
        in.skipElement();
        return new SearchQuery(type, criteria, extended);
    }

    private FileRequest readFileRequest() throws XccosException {
        ChanUri channel = in.requiredAttribute("channelUri", ChanUri::parse);
        String fileUrl = in.requiredAttribute("fileUrl");
        in.skipElement();
        return new FileRequest(channel, fileUrl);
    }

    private GetServerInfoData readServerInfoQuery() throws XccosException {
        Optional<String> domain = in.attribute("domain");
        Optional<String> infoType = in.attribute("infoType");
        in.skipElement();
        return new GetServerInfoData(domain, infoType);
    }

    private record FileRequest(ChanUri channel, String fileUrl) {
    }

    /** The children collected from one {@code data}. */
    private static final class Parts {
        private final List<ChanId> chanIds = new ArrayList<>();
        private final List<ChanUri> channels = new ArrayList<>();
        private final List<Invitation> invitations = new ArrayList<>();
        private final List<Preference> preferences = new ArrayList<>();
        private Optional<BackchatQuery> backchat = Optional.empty();
        private Optional<SearchQuery> search = Optional.empty();
        private Optional<FileRequest> fileRequest = Optional.empty();
        private Optional<GetServerInfoData> serverInfo = Optional.empty();
    }
}
