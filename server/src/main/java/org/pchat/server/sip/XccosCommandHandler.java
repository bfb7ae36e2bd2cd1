package org.pchat.server.sip;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.pchat.server.chat.ChatErrorCode;
import org.pchat.server.chat.ChatException;
import org.pchat.server.chat.ChatResult;
import org.pchat.server.chat.ChatService;
import org.pchat.server.chat.ChatServiceConfig;
import org.pchat.server.chat.FileAction;
import org.pchat.server.chat.HistoryQuery;
import org.pchat.server.chat.JoinOutcome;
import org.pchat.server.chat.PreferenceUpdate;
import org.pchat.xccos.model.BackchatData;
import org.pchat.xccos.model.BackchatQuery;
import org.pchat.xccos.model.BatchJoinData;
import org.pchat.xccos.model.ChanId;
import org.pchat.xccos.model.ChanUri;
import org.pchat.xccos.model.ChannelInfo;
import org.pchat.xccos.model.ChannelSearchData;
import org.pchat.xccos.model.Command;
import org.pchat.xccos.model.CommandData;
import org.pchat.xccos.model.CommandRef;
import org.pchat.xccos.model.CreateChildPermissionData;
import org.pchat.xccos.model.DataBlock;
import org.pchat.xccos.model.FileToken;
import org.pchat.xccos.model.FileTokenData;
import org.pchat.xccos.model.FileTransfer;
import org.pchat.xccos.model.GetInvitationsData;
import org.pchat.xccos.model.GetPreferencesData;
import org.pchat.xccos.model.GetServerInfoData;
import org.pchat.xccos.model.GroupChat;
import org.pchat.xccos.model.Invitation;
import org.pchat.xccos.model.JoinData;
import org.pchat.xccos.model.Notice;
import org.pchat.xccos.model.PartData;
import org.pchat.xccos.model.Preference;
import org.pchat.xccos.model.Reply;
import org.pchat.xccos.model.RequestUriData;
import org.pchat.xccos.model.Response;
import org.pchat.xccos.model.ResponseCode;
import org.pchat.xccos.model.SearchQuery;
import org.pchat.xccos.model.ServerInfo;
import org.pchat.xccos.model.SetPreferencesData;
import org.pchat.xccos.model.UnknownCommandData;
import org.pchat.xccos.model.UserInfo;
import org.pchat.xccos.model.XccosElement;
import org.pchat.xccos.model.XccosEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches the elements of a decoded XCCOS envelope (xccos.md §4, §5) to the chat core and answers each
 * command with an {@code rpl} correlated by the command's (envid, seqid). Every command gets a reply, unknown
 * ones a 501; a post gets no reply when it succeeds (the echo is the acknowledgement) and an
 * {@code rpl:grpchat} with the error when it fails.
 */
final class XccosCommandHandler {

    private static final Logger LOG = LoggerFactory.getLogger(XccosCommandHandler.class);
    /** The reply id of a failed post (this server's choice, see docs/chat-node.md). */
    static final String POST_REPLY_ID = "rpl:" + GroupChat.ELEMENT;

    private final SipChatConfig config;
    private final XccosViews views;
    private final ChatService chat;
    private final Clock clock;

    XccosCommandHandler(SipChatConfig config, XccosViews views, ChatService chat, Clock clock) {
        this.config = config;
        this.views = views;
        this.chat = chat;
        this.clock = clock;
    }

    /** Handles every element of an envelope the client sent; called right after the INFO got its 200. */
    void onEnvelope(SipSession session, XccosEnvelope envelope, Instant receivedAt) {
        for (XccosElement element : envelope.payload()) {
            element.accept(new XccosElement.Visitor<Void>() {
                @Override
                public Void command(Command command) {
                    LOG.debug("{} - {} from {} (envid {})", config.nodeId(), command.wireId(), session.userUri(),
                            envelope.envIdString());
                    command.data().accept(new Commands(session, envelope.envId(), command));
                    return null;
                }

                @Override
                public Void groupChat(GroupChat groupChat) {
                    post(session, envelope.envId(), groupChat, receivedAt);
                    return null;
                }

                @Override
                public Void reply(Reply reply) {
                    LOG.debug("{} - ignored {} from client {}", config.nodeId(), reply.id(), session.userUri());
                    return null;
                }

                @Override
                public Void notice(Notice notice) {
                    LOG.debug("{} - ignored {} from client {}", config.nodeId(), notice.id(), session.userUri());
                    return null;
                }
            });
        }
    }

    private void post(SipSession session, long envId, GroupChat post, Instant receivedAt) {
        if (!post.message().author().equalsIgnoreCase(session.userUri())) {
            LOG.debug("{} - post author {} replaced by the session's user {}", config.nodeId(),
                    post.message().author(), session.userUri());
        }
        UUID roomId;
        try {
            roomId = views.roomId(post.message().channel());
        } catch (ChatException e) {
            session.send(postError(post, envId, e));
            return;
        }
        chat.post(session, roomId, post.message().text(), post.message().alert(), receivedAt, result -> {
            if (result instanceof ChatResult.Failed<?> failed) {
                LOG.info("{} - post of {} in {} refused: {}", config.nodeId(), session.userUri(),
                        post.message().channel(), failed.error().getMessage());
                session.send(postError(post, envId, failed.error()));
            }
        });
    }

    static Reply postError(GroupChat post, long envId, ChatException error) {
        return new Reply(POST_REPLY_ID, post.seqId(), new CommandRef(post.seqId(), envId), response(error),
                List.of());
    }

    /** The {@code resp} of a failure: the code's number and {@code NAME: message}. */
    static Response response(ChatException error) {
        int code = error.code().code();
        String name = ResponseCode.fromCode(code).map(ResponseCode::text).orElse(error.code().name());
        return new Response(code, name + ": " + error.getMessage());
    }

    static Reply error(Command command, long envId, ChatException error) {
        return Reply.of(command, envId, response(error), List.of());
    }

    /** Answers one command; one instance per command. */
    private final class Commands implements CommandData.Visitor<Void> {
        private final SipSession session;
        private final long envId;
        private final Command command;

        Commands(SipSession session, long envId, Command command) {
            this.session = session;
            this.envId = envId;
            this.command = command;
        }

        @Override
        public Void requestUri(RequestUriData data) {
            session.send(Reply.success(command, envId, UserInfo.of(config.channelUri())));
            return null;
        }

        @Override
        public Void getServerInfo(GetServerInfoData data) {
            ChatServiceConfig limits = chat.config();
            session.send(Reply.success(command, envId, new ServerInfo(data.infoType(), clock.instant(),
                    limits.searchLimit(), limits.messageSizeLimit(), limits.storySizeLimit(), config.rootUri(),
                    Optional.of(config.dbVersion()))));
            return null;
        }

        @Override
        public Void getInvitations(GetInvitationsData data) {
            chat.invitations(session.userUri(), replying(invitations -> invitations.stream()
                    .map(p -> (DataBlock) Invitation.of(Long.toString(p.invitation().id()), config.domain(),
                            views.named(p.room())))
                    .toList()));
            return null;
        }

        @Override
        public Void getPreferences(GetPreferencesData data) {
            List<String> labels = data.preferences().stream().map(Preference::label).toList();
            chat.preferences(session.userUri(), labels, replying(XccosCommandHandler::preferenceBlocks));
            return null;
        }

        @Override
        public Void setPreferences(SetPreferencesData data) {
            List<PreferenceUpdate> updates = new ArrayList<>();
            for (Preference pref : data.preferences()) {
                if (pref.content().isEmpty()) {
                    fail(ChatException.badRequest("setpref of '" + pref.label() + "' from " + session.userUri()
                            + " carries no content"));
                    return null;
                }
                updates.add(new PreferenceUpdate(pref.label(), pref.version(), pref.content().get()));
            }
            chat.setPreferences(session.userUri(), updates, replying(XccosCommandHandler::preferenceBlocks));
            return null;
        }

        @Override
        public Void join(JoinData data) {
            joinRooms(data.channels(), false);
            return null;
        }

        @Override
        public Void batchJoin(BatchJoinData data) {
            joinRooms(data.channels(), true);
            return null;
        }

        @Override
        public Void part(PartData data) {
            List<ChanUri> rooms = data.channels();
            List<ChatException> errors = new CopyOnWriteArrayList<>();
            Gather<ChanUri> parted = new Gather<>(rooms.size(), done -> {
                if (errors.isEmpty()) {
                    session.send(Reply.success(command, envId,
                            done.stream().map(ChannelInfo::ref).map(DataBlock.class::cast).toList()));
                } else {
                    fail(errors.get(0));
                }
            });
            for (ChanUri uri : rooms) {
                UUID roomId;
                try {
                    roomId = views.roomId(uri);
                } catch (ChatException e) {
                    // a room of another domain or without a GUID path: nobody can be in it
                    parted.add(uri);
                    continue;
                }
                chat.part(session, roomId, result -> {
                    if (result instanceof ChatResult.Failed<UUID> failed) {
                        errors.add(failed.error());
                    }
                    parted.add(uri);
                });
            }
            return null;
        }

        @Override
        public Void channelSearch(ChannelSearchData data) {
            SearchQuery query = data.query();
            if (!SearchQuery.BY_NAME.equalsIgnoreCase(query.type())) {
                fail(new ChatException(ChatErrorCode.NOT_IMPLEMENTED, "room search type '" + query.type()
                        + "' is not supported, only " + SearchQuery.BY_NAME));
                return null;
            }
            chat.search(session.userUri(), query.criteria(), replying(rooms -> rooms.stream()
                    .map(room -> (DataBlock) views.listing(room)).toList()));
            return null;
        }

        @Override
        public Void backchat(BackchatData data) {
            HistoryQuery query = data.query().accept(new BackchatQuery.Visitor<HistoryQuery>() {
                @Override
                public HistoryQuery last(BackchatQuery.Last q) {
                    return new HistoryQuery.Last(q.count());
                }

                @Override
                public HistoryQuery before(BackchatQuery.Before q) {
                    return new HistoryQuery.Before(q.messageId(), q.count());
                }

                @Override
                public HistoryQuery after(BackchatQuery.After q) {
                    return new HistoryQuery.After(q.messageId(), q.count());
                }

                @Override
                public HistoryQuery unsupported(BackchatQuery.Unsupported q) {
                    return null;
                }
            });
            if (query == null) {
                fail(new ChatException(ChatErrorCode.NOT_IMPLEMENTED, "history query form '" + ((BackchatQuery
                        .Unsupported) data.query()).form() + "' is not supported: use last, before or after"));
                return null;
            }
            try {
                UUID roomId = views.roomId(data.channel());
                chat.history(session.userUri(), roomId, query, replying(page -> List.of(views.history(page))));
            } catch (ChatException e) {
                fail(e);
            }
            return null;
        }

        @Override
        public Void createChildPermission(CreateChildPermissionData data) {
            chat.canCreateRooms(session.userUri(), result -> {
                if (!result.isOk()) {
                    send(result, x -> List.of());
                } else if (Boolean.TRUE.equals(result.value())) {
                    session.send(Reply.success(command, envId));
                } else {
                    fail(ChatException.forbidden(session.userUri() + " may not create rooms in any category"));
                }
            });
            return null;
        }

        @Override
        public Void fileToken(FileTokenData data) {
            FileAction action = data.transfer() == FileTransfer.UPLOAD ? FileAction.UPLOAD : FileAction.DOWNLOAD;
            try {
                UUID roomId = views.roomId(data.channel());
                chat.fileToken(session.userUri(), roomId, action, data.fileUrl(), replying(token -> List.of(
                        new FileToken(token.token(), config.fileServiceUri().toString()))));
            } catch (ChatException e) {
                fail(e);
            }
            return null;
        }

        @Override
        public Void unknown(UnknownCommandData data) {
            LOG.info("{} - unknown command {} from {} answered 501", config.nodeId(), data.wireId(),
                    session.userUri());
            fail(new ChatException(ChatErrorCode.NOT_IMPLEMENTED, "command '" + data.wireId()
                    + "' is not supported by this server"));
            return null;
        }

        /** Joins each room; one room of {@code cmd:join} fails with its code, others become {@code fib}s. */
        private void joinRooms(List<ChanId> channels, boolean batch) {
            boolean single = !batch && channels.size() == 1;
            List<JoinOutcome> joined = new ArrayList<>();
            List<ChanUri> failed = new ArrayList<>();
            List<ChatException> errors = new ArrayList<>();
            Gather<Object> all = new Gather<>(channels.size(), done -> {
                synchronized (joined) {
                    if (single && !errors.isEmpty()) {
                        fail(errors.get(0));
                    } else {
                        session.send(Reply.success(command, envId, views.joinData(joined, failed)));
                    }
                }
            });
            for (ChanId channel : channels) {
                Consumer<ChatResult<JoinOutcome>> collect = result -> {
                    synchronized (joined) {
                        if (result instanceof ChatResult.Ok<JoinOutcome> ok) {
                            joined.add(ok.value());
                        } else {
                            ChatException error = ((ChatResult.Failed<JoinOutcome>) result).error();
                            LOG.info("{} - join of {} to {} refused: {}", config.nodeId(), session.userUri(),
                                    channel.channel(), error.getMessage());
                            failed.add(channel.channel());
                            errors.add(error);
                        }
                    }
                    all.add(channel);
                };
                try {
                    chat.join(session, views.roomId(channel.channel()), batch, collect);
                } catch (ChatException e) {
                    collect.accept(ChatResult.failed(e));
                }
            }
        }

        private <T> Consumer<ChatResult<T>> replying(Function<T, List<DataBlock>> data) {
            return result -> send(result, data);
        }

        private <T> void send(ChatResult<T> result, Function<T, List<DataBlock>> data) {
            if (result instanceof ChatResult.Ok<T> ok) {
                session.send(Reply.success(command, envId, data.apply(ok.value())));
            } else {
                fail(((ChatResult.Failed<T>) result).error());
            }
        }

        private void fail(ChatException error) {
            LOG.debug("{} - {} of {} answered {}: {}", config.nodeId(), command.wireId(), session.userUri(),
                    error.code().code(), error.getMessage());
            session.send(error(command, envId, error));
        }
    }

    private static List<DataBlock> preferenceBlocks(List<org.pchat.server.domain.Preference> prefs) {
        return prefs.stream().map(p -> (DataBlock) (p.version() == 0
                ? new Preference(p.label(), OptionalLong.of(0), Optional.empty(), Optional.empty())
                : Preference.stored(p.label(), p.version(), p.content()))).toList();
    }

    /** Calls {@code whenDone} once {@code expected} results were added (at once when none is expected). */
    private static final class Gather<T> {
        private final int expected;
        private final Consumer<List<T>> whenDone;
        private final List<T> results = new ArrayList<>();
        private final AtomicInteger count = new AtomicInteger();

        Gather(int expected, Consumer<List<T>> whenDone) {
            this.expected = expected;
            this.whenDone = whenDone;
            if (expected == 0) {
                whenDone.accept(List.of());
            }
        }

        void add(T result) {
            synchronized (results) {
                results.add(result);
            }
            if (count.incrementAndGet() == expected) {
                List<T> copy;
                synchronized (results) {
                    copy = List.copyOf(results);
                }
                whenDone.accept(copy);
            }
        }
    }
}
