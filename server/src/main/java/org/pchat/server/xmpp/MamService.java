package org.pchat.server.xmpp;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pchat.server.chat.ChatResult;
import org.pchat.server.chat.ChatService;
import org.pchat.server.chat.HistoryPage;
import org.pchat.server.chat.HistoryQuery;
import org.pchat.server.domain.ChatMessage;
import org.pchat.server.domain.RoomDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Message Archive Management (XEP-0313) on rooms, read from the message table through the chat core: result
 * set management (XEP-0059) pages by the room sequence number, which is also the XEP-0359 stanza-id, so a page
 * costs the same however large the archive is. A query without {@code before} or {@code after} reads the first
 * page (XEP-0059 §2.1), an empty {@code before} the last (§2.5). Each page reads one message more than it returns,
 * so {@code <fin complete='true'>} (XEP-0313) is set exactly on the page that reaches the end of the archive in
 * its direction; a page therefore holds at most one less than the chat core's history page limit. Data form
 * filters (start, end, with) are not supported yet.
 */
final class MamService {

    private static final Logger LOG = LoggerFactory.getLogger(MamService.class);
    private static final int DEFAULT_PAGE = 50;

    private final XmppEndpointConfig config;
    private final ChatService chat;
    private final MucService muc;
    private final MucRenderer render;

    MamService(XmppEndpointConfig config, ChatService chat, MucService muc, MucRenderer render) {
        this.config = Objects.requireNonNull(config, "config");
        this.chat = Objects.requireNonNull(chat, "chat");
        this.muc = Objects.requireNonNull(muc, "muc");
        this.render = Objects.requireNonNull(render, "render");
    }

    /** An iq set with a MAM query addressed to a room JID. */
    void query(XmppSession session, XmlElement iq, XmlElement query, Jid roomJid) {
        Optional<Page> page = page(query);
        if (page.isEmpty()) {
            session.send(Stanzas.error(iq, "modify", "bad-request", roomJid.toString(), session.jid().toString()));
            return;
        }
        String queryId = query.attribute("queryid").orElse(null);
        muc.room(session, roomJid, room -> {
            if (room.isEmpty()) {
                session.send(Stanzas.error(iq, "cancel", "item-not-found", roomJid.toString(),
                        session.jid().toString()));
                return;
            }
            RoomDetails details = room.get();
            chat.history(session.userUri(), details.room().id(), page.get().read(), result -> {
                if (result instanceof ChatResult.Ok<HistoryPage> ok) {
                    answer(session, iq, queryId, details.room().name(), page.get(), ok.value().messages());
                } else {
                    LOG.info("{} - MAM query of {} on {} refused: {}", session.connectionId(), session.jid(),
                            roomJid, ((ChatResult.Failed<HistoryPage>) result).error().getMessage());
                    session.send(Stanzas.error(iq, "auth", "forbidden", roomJid.toString(),
                            session.jid().toString()));
                }
            });
        });
    }

    private void answer(XmppSession session, XmlElement iq, String queryId, String roomName, Page page,
                        List<ChatMessage> read) {
        String room = render.roomJid(roomName).toString();
        List<ChatMessage> messages = page.served(read);
        List<XmlElement> out = new java.util.ArrayList<>(messages.size() + 1);
        for (ChatMessage message : messages) {
            XmlElement forwarded = XmlElement.builder("forwarded", Namespaces.FORWARD)
                    .child(XmlElement.builder("delay", Namespaces.DELAY)
                            .attr("stamp", DateTimeFormatter.ISO_INSTANT.format(message.receivedAt())).build())
                    .child(render.message(roomName, message, session.jid(), false))
                    .build();
            out.add(XmlElement.builder("message", Namespaces.CLIENT)
                    .attr("from", room)
                    .attr("to", session.jid().toString())
                    .child(XmlElement.builder("result", Namespaces.MAM)
                            .attr("queryid", queryId)
                            .attr("id", Long.toString(message.seq()))
                            .child(forwarded)
                            .build())
                    .build());
        }
        XmlElement.Builder set = XmlElement.builder("set", Namespaces.RSM);
        if (!messages.isEmpty()) {
            set.child(XmlElement.builder("first", Namespaces.RSM).text(Long.toString(messages.get(0).seq())).build());
            set.textChild("last", Namespaces.RSM, Long.toString(messages.get(messages.size() - 1).seq()));
        }
        boolean complete = read.size() < page.read().count();
        out.add(Stanzas.iqResult(iq, room, XmlElement.builder("fin", Namespaces.MAM)
                .attr("complete", Boolean.toString(complete))
                .child(set.build())
                .build()));
        if (!session.sendAll(out)) {
            LOG.warn("{} - MAM page of {} messages for {} not sent: session closed or its queue full",
                    session.connectionId(), messages.size(), session.jid());
        }
    }

    /** RSM max/before/after as the page to serve; empty when a value is not a number. */
    private Optional<Page> page(XmlElement query) {
        Optional<XmlElement> set = query.child("set", Namespaces.RSM);
        try {
            int max = set.flatMap(s -> s.child("max", Namespaces.RSM)).map(e -> Integer.parseInt(e.text().strip()))
                    .orElse(DEFAULT_PAGE);
            int pageLimit = chat.config().historyPageLimit();
            int size = Math.max(0, Math.min(max, Math.min(config.maxHistory(), Math.max(1, pageLimit - 1))));
            int read = Math.min(size + 1, pageLimit);
            Optional<String> before = set.flatMap(s -> s.child("before", Namespaces.RSM)).map(e -> e.text().strip());
            Optional<String> after = set.flatMap(s -> s.child("after", Namespaces.RSM)).map(e -> e.text().strip());
            if (after.isPresent() && !after.get().isEmpty()) {
                return Optional.of(new Page(new HistoryQuery.After(Long.parseLong(after.get()), read), size));
            }
            if (before.isPresent()) {
                return Optional.of(new Page(before.get().isEmpty() ? new HistoryQuery.Last(read)
                        : new HistoryQuery.Before(Long.parseLong(before.get()), read), size));
            }
            return Optional.of(new Page(new HistoryQuery.After(0, read), size));
        } catch (NumberFormatException e) {
            LOG.debug("MAM paging value is not a number: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * One page: what is read from the archive (up to one message more than is served, to know whether more
     * follow) and how many messages are served.
     */
    private record Page(HistoryQuery read, int size) {

        /** The messages to send: the {@code size} nearest the page's starting point. */
        List<ChatMessage> served(List<ChatMessage> messages) {
            if (messages.size() <= size) {
                return messages;
            }
            return read instanceof HistoryQuery.After ? messages.subList(0, size)
                    : messages.subList(messages.size() - size, messages.size());
        }
    }
}
