package org.pchat.server.web.api;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.pchat.server.chat.ComplianceRecorder;
import org.pchat.server.domain.ChatMessage;
import org.pchat.server.domain.RoomDetails;
import org.pchat.server.rooms.AccessPolicy;
import org.pchat.server.rooms.RoomDirectory;
import org.pchat.server.store.MessagePage;
import org.pchat.server.store.MessageQuery;
import org.pchat.server.store.MessageRepository;
import org.pchat.server.web.RouteGroup;
import org.pchat.server.web.api.ApiViews.MessagePageView;
import org.pchat.server.web.auth.Authenticator;
import org.pchat.server.web.auth.Caller;
import org.pchat.server.web.http.ApiException;
import org.pchat.server.web.http.Params;

/**
 * Room history over HTTP: {@code GET /api/rooms/{roomId}/messages} pages one room by message id, and
 * {@code GET /api/messages} searches by text, author and time over the rooms the caller may read (only rooms
 * whose history they may read are ever searched, so secret rooms never leak). Every read is recorded for
 * compliance as a backchat of each room it returned messages from.
 */
public final class HistoryRoutes implements RouteGroup {

    private static final int MAX_QUERY_LENGTH = 256;

    private final Authenticator auth;
    private final RoomAccess access;
    private final RoomDirectory directory;
    private final MessageRepository messages;
    private final DSLContext content;
    private final ComplianceRecorder compliance;
    private final Clock clock;
    private final int pageLimit;
    private final int maxSearchRooms;

    public HistoryRoutes(Authenticator auth, RoomDirectory directory, MessageRepository messages, DSLContext content,
            ComplianceRecorder compliance, Clock clock, int pageLimit, int maxSearchRooms) {
        this.auth = Objects.requireNonNull(auth, "auth");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.access = new RoomAccess(directory);
        this.messages = Objects.requireNonNull(messages, "messages");
        this.content = Objects.requireNonNull(content, "content");
        this.compliance = Objects.requireNonNull(compliance, "compliance");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pageLimit = pageLimit;
        this.maxSearchRooms = maxSearchRooms;
    }

    @Override
    public void register(JavalinDefaultRouting routes) {
        routes.get("/api/rooms/{roomId}/messages", this::roomHistory);
        routes.get("/api/messages", this::search);
    }

    private void roomHistory(Context ctx) {
        Caller caller = auth.require(ctx);
        RoomDetails room = access.readable(caller, Params.uuid(ctx, "roomId"));
        MessageQuery query = paged(ctx, MessageQuery.in(Set.of(room.room().id()), limit(ctx)));
        MessagePage page = messages.search(query);
        recordBackchat(caller, page);
        ctx.json(MessagePageView.of(page.messages(), page.complete()));
    }

    private void search(Context ctx) {
        Caller caller = auth.require(ctx);
        Set<UUID> rooms = new LinkedHashSet<>();
        Optional<String> roomParam = Params.textQuery(ctx, "roomId", 36);
        if (roomParam.isPresent()) {
            UUID roomId;
            try {
                roomId = UUID.fromString(roomParam.get());
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("roomId", "roomId '" + Params.abbreviate(roomParam.get())
                        + "' is not a GUID");
            }
            rooms.add(access.readable(caller, roomId).room().id());
        } else {
            directory.visibleRooms(caller.uri(), "", maxSearchRooms).stream()
                    .filter(r -> AccessPolicy.canReadHistory(caller.uri(), r))
                    .forEach(r -> rooms.add(r.room().id()));
        }
        MessageQuery query = MessageQuery.in(rooms, limit(ctx));
        Optional<String> text = Params.textQuery(ctx, "q", MAX_QUERY_LENGTH);
        if (text.isPresent()) {
            query = query.withText(text.get());
        }
        Optional<String> author = Params.textQuery(ctx, "author", MAX_QUERY_LENGTH);
        if (author.isPresent()) {
            query = query.withAuthor(Fields.users("author", java.util.List.of(author.get())).iterator().next());
        }
        Optional<Instant> from = Params.instantQuery(ctx, "from");
        if (from.isPresent()) {
            query = query.withFrom(from.get());
        }
        Optional<Instant> to = Params.instantQuery(ctx, "to");
        if (to.isPresent()) {
            query = query.withTo(to.get());
        }
        MessagePage page = messages.search(paged(ctx, query));
        recordBackchat(caller, page);
        ctx.json(MessagePageView.of(page.messages(), page.complete()));
    }

    private int limit(Context ctx) {
        return Params.intQuery(ctx, "limit", Math.min(50, pageLimit), 1, pageLimit);
    }

    private static MessageQuery paged(Context ctx, MessageQuery query) {
        OptionalLong before = Params.longQuery(ctx, "before");
        OptionalLong after = Params.longQuery(ctx, "after");
        if (before.isPresent() && after.isPresent()) {
            throw ApiException.badRequest("after", "page either before or after a message id, not both");
        }
        if (before.isPresent()) {
            return query.withBeforeId(before.getAsLong());
        }
        if (after.isPresent()) {
            return query.withAfterId(after.getAsLong());
        }
        return query;
    }

    private void recordBackchat(Caller caller, MessagePage page) {
        Set<UUID> read = new LinkedHashSet<>();
        page.messages().stream().map(ChatMessage::roomId).forEach(read::add);
        if (read.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        content.transaction(c -> read.forEach(roomId -> compliance.backchat(c.dsl(), caller.uri(), roomId, now)));
    }
}
