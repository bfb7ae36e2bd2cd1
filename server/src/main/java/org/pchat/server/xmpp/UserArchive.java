package org.pchat.server.xmpp;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Message Archive Management (XEP-0313) on a user's own archive: the one-to-one messages this node routed to or
 * from the user (RFC 6121 §8.5), with paging (XEP-0059) and the {@code with} filter. The archive is kept in memory,
 * at most {@link XmppEndpointConfig#maxHistory()} × 50 messages per user, and does not survive a restart; room
 * archives live in the database ({@link MamService}).
 */
final class UserArchive {

    private final XmppEndpointConfig config;
    private final Clock clock;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Jid, Deque<Entry>> archives = new ConcurrentHashMap<>();

    /** One archived message: its archive id, when it passed, its peer and the stanza as routed. */
    private record Entry(long id, Instant at, Jid with, XmlElement stanza) {
    }

    UserArchive(XmppEndpointConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Keeps a routed message in the archives of its sender and its recipient. */
    void archive(Jid from, Jid to, XmlElement stanza) {
        if (stanza.child("body", Namespaces.CLIENT).isEmpty()) {
            return;
        }
        long id = ids.incrementAndGet();
        Instant now = clock.instant();
        add(from.bare(), new Entry(id, now, to.bare(), stanza));
        if (!to.bare().equals(from.bare())) {
            add(to.bare(), new Entry(id, now, from.bare(), stanza));
        }
    }

    private void add(Jid owner, Entry entry) {
        Deque<Entry> archive = archives.computeIfAbsent(owner, o -> new ArrayDeque<>());
        synchronized (archive) {
            archive.addLast(entry);
            while (archive.size() > Math.max(1, config.maxHistory()) * 50) {
                archive.removeFirst();
            }
        }
    }

    /** A MAM query (iq set) on the session's own archive. */
    void query(XmppSession session, XmlElement iq, XmlElement query) {
        Optional<XmlElement> set = query.child("set", Namespaces.RSM);
        Optional<Jid> with = query.child("x", Namespaces.DATA).flatMap(form -> MucConfigForm.answers(form)
                .getOrDefault("with", List.of()).stream().findFirst()).flatMap(Jid::parse);
        int max;
        long after;
        Optional<String> before;
        try {
            max = set.flatMap(s -> s.child("max", Namespaces.RSM)).map(e -> Integer.parseInt(e.text().strip()))
                    .orElse(50);
            after = set.flatMap(s -> s.child("after", Namespaces.RSM)).map(e -> e.text().strip())
                    .filter(t -> !t.isEmpty()).map(Long::parseLong).orElse(0L);
            before = set.flatMap(s -> s.child("before", Namespaces.RSM)).map(e -> e.text().strip());
            before.filter(t -> !t.isEmpty()).ifPresent(Long::parseLong);
        } catch (NumberFormatException e) {
            session.send(Stanzas.error(iq, "modify", "bad-request", null, session.jid().toString()));
            return;
        }
        int count = Math.max(0, Math.min(max, config.maxHistory()));
        List<Entry> matching = new ArrayList<>();
        Deque<Entry> archive = archives.getOrDefault(session.jid().bare(), new ArrayDeque<>());
        synchronized (archive) {
            for (Entry entry : archive) {
                if (with.isEmpty() || entry.with().equals(with.get().bare())) {
                    matching.add(entry);
                }
            }
        }
        List<Entry> page;
        boolean complete;
        if (before.isPresent()) {
            long limit = before.get().isEmpty() ? Long.MAX_VALUE : Long.parseLong(before.get());
            List<Entry> older = matching.stream().filter(e -> e.id() < limit).toList();
            page = older.subList(Math.max(0, older.size() - count), older.size());
            complete = older.size() <= count;
        } else {
            List<Entry> newer = matching.stream().filter(e -> e.id() > after).toList();
            page = newer.subList(0, Math.min(count, newer.size()));
            complete = newer.size() <= count;
        }
        String queryId = query.attribute("queryid").orElse(null);
        for (Entry entry : page) {
            session.send(XmlElement.builder("message", Namespaces.CLIENT)
                    .attr("to", session.jid().toString())
                    .attr("from", session.jid().bare().toString())
                    .child(XmlElement.builder("result", Namespaces.MAM).attr("queryid", queryId)
                            .attr("id", Long.toString(entry.id()))
                            .child(XmlElement.builder("forwarded", Namespaces.FORWARD)
                                    .child(XmlElement.builder("delay", Namespaces.DELAY)
                                            .attr("stamp", DateTimeFormatter.ISO_INSTANT.format(entry.at())).build())
                                    .child(entry.stanza())
                                    .build())
                            .build())
                    .build());
        }
        XmlElement.Builder rsm = XmlElement.builder("set", Namespaces.RSM);
        if (!page.isEmpty()) {
            rsm.textChild("first", Namespaces.RSM, Long.toString(page.get(0).id()));
            rsm.textChild("last", Namespaces.RSM, Long.toString(page.get(page.size() - 1).id()));
        }
        session.send(Stanzas.iqResult(iq, null, XmlElement.builder("fin", Namespaces.MAM)
                .attr("complete", Boolean.toString(complete)).child(rsm.build()).build()));
    }
}
