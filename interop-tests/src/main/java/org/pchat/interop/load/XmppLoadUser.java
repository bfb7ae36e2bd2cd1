package org.pchat.interop.load;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One simulated XMPP user on one TCP connection: stream, optional in-band registration (XEP-0077, for servers
 * whose accounts the benchmark cannot seed), SASL SCRAM-SHA-1 or PLAIN (RFC 6120 §6), stream restart, resource
 * binding (§7), then Multi-User Chat (XEP-0045) joins without history (§7.2.15), an instant room when its join
 * created the room (§10.1.2), groupchat posts, and MAM pages (XEP-0313 with XEP-0059 paging) on request;
 * {@code </stream:stream>} at the end. The same client plays against pchat, Prosody and ejabberd. All state is
 * touched on the channel's event loop; the driver hands work in with {@link #run(Runnable)}.
 */
final class XmppLoadUser extends LoadUser<String> {
    static final String POST_PREFIX = "lt-";

    enum State { CONNECTING, STREAM, REGISTERING, AUTHENTICATING, BINDING, ACTIVE, CLOSING, CLOSED, FAILED }

    /** What the driver shares with every user. */
    interface Context {
        LoadMetrics metrics();

        XmppLoadOptions options();

        ScramSha1Client.Cache scramCache();

        /** The room's bare JID. */
        String roomJid(int room);

        /** The user's joined state in a room changed. */
        void joined(int user, int room, boolean joined);

        /** Sign-in ended: bound (true) or failed (false); called once. */
        void signedIn(XmppLoadUser user, boolean ok);

        /** The user was bound and lost its session. */
        void dropped(XmppLoadUser user);
    }

    /** A request waiting for its answer. */
    private record Pending(String what, int room, long startNanos) {
    }

    private final int index;
    private final String username;
    private final String nick;
    private final Context ctx;
    private final Map<String, Pending> pending = new HashMap<>();
    private final Map<String, Integer> roomByJid = new HashMap<>();
    private final BitSet joinedRooms = new BitSet();
    /** Archived messages received per MAM query id. */
    private final Map<String, Integer> mamResults = new HashMap<>();
    private final ArrayDeque<Runnable> whenJoined = new ArrayDeque<>();
    private State state = State.CONNECTING;
    private String features = "";
    private ScramSha1Client scram;
    private long loginStarted;
    private long ids;
    private int joinsUnderWay;
    private boolean signInReported;
    private String mamLastId;

    XmppLoadUser(int index, Context ctx) {
        this.index = index;
        this.ctx = ctx;
        this.username = ctx.options().userPrefix() + index;
        this.nick = "u" + index;
    }

    int index() {
        return index;
    }

    State state() {
        return state;
    }

    @Override
    boolean open() {
        return state == State.ACTIVE || state == State.CLOSING;
    }

    // ---- sign-in ----

    @Override
    public void channelActive(ChannelHandlerContext context) {
        channel = context.channel();
        loginStarted = System.nanoTime();
        state = State.STREAM;
        openStream();
    }

    private void openStream() {
        send("<?xml version='1.0'?><stream:stream to='" + XmppStanza.escape(ctx.options().domain())
                + "' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>");
    }

    private void streamFeatures(String xml) {
        features = xml;
        switch (state) {
            case STREAM -> {
                if (ctx.options().register()) {
                    state = State.REGISTERING;
                    send("<iq type='set' id='reg'><query xmlns='jabber:iq:register'><username>"
                            + XmppStanza.escape(username) + "</username><password>"
                            + XmppStanza.escape(ctx.options().password()) + "</password></query></iq>");
                } else {
                    authenticate();
                }
            }
            case BINDING -> send("<iq type='set' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
                    + "<resource>load</resource></bind></iq>");
            default -> fail("stream features in state " + state);
        }
    }

    private void authenticate() {
        boolean scramOffered = features.contains(">SCRAM-SHA-1<");
        boolean plainOffered = features.contains(">PLAIN<");
        String wanted = ctx.options().sasl();
        state = State.AUTHENTICATING;
        if (scramOffered && !wanted.equals("plain")) {
            String nonce = Long.toHexString(ThreadLocalRandom.current().nextLong())
                    + Long.toHexString(ThreadLocalRandom.current().nextLong());
            scram = new ScramSha1Client(username, ctx.options().password(), nonce, ctx.scramCache());
            send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='SCRAM-SHA-1'>"
                    + base64(scram.clientFirst()) + "</auth>");
        } else if (plainOffered && !wanted.equals("scram")) {
            send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>"
                    + base64("\0" + username + "\0" + ctx.options().password()) + "</auth>");
        } else {
            fail("no usable SASL mechanism (wanted " + wanted + ") in " + features);
        }
    }

    private void sasl(String name, String xml) {
        switch (name) {
            case "challenge" -> {
                if (scram == null) {
                    fail("SASL challenge to PLAIN");
                    return;
                }
                String serverFirst = unbase64(text(xml));
                send("<response xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>" + base64(scram.clientFinal(serverFirst))
                        + "</response>");
            }
            case "success" -> {
                if (scram != null && !scram.verifyServerFinal(unbase64(text(xml)))) {
                    fail("SASL success without a valid server signature");
                    return;
                }
                state = State.BINDING;
                openStream();
            }
            default -> fail("SASL failure: " + firstChildName(xml));
        }
    }

    private void bound() {
        state = State.ACTIVE;
        LoadMetrics.record(ctx.metrics().login, loginStarted, System.nanoTime());
        reportSignIn(true);
    }

    private void reportSignIn(boolean ok) {
        if (!signInReported) {
            signInReported = true;
            ctx.signedIn(this, ok);
        }
    }

    // ---- rooms ----

    /**
     * Joins these rooms (each without history); when every join is answered, runs {@code then}. A join that
     * creates the room configures it as an instant room first, so that others can enter (XEP-0045 §10.1.2).
     */
    void join(int[] rooms, Runnable then) {
        if (state != State.ACTIVE) {
            then.run();
            return;
        }
        whenJoined.add(then);
        for (int room : rooms) {
            String jid = ctx.roomJid(room);
            roomByJid.put(jid, room);
            joinsUnderWay++;
            pending.put("join:" + jid, new Pending("join", room, System.nanoTime()));
            send("<presence to='" + XmppStanza.escape(jid + "/" + nick) + "'><x xmlns='http://jabber.org/protocol/muc'>"
                    + "<history maxstanzas='0'/></x></presence>");
        }
        if (joinsUnderWay == 0) {
            whenJoined.poll().run();
        }
    }

    private void joinAnswered(String jid, boolean ok, String why) {
        Pending p = pending.remove("join:" + jid);
        if (p == null) {
            return;
        }
        if (ok) {
            LoadMetrics.record(ctx.metrics().join, p.startNanos(), System.nanoTime());
            ctx.metrics().joins.increment();
            joinedRooms.set(p.room());
            ctx.joined(index, p.room(), true);
        } else {
            ctx.metrics().failure("join refused: " + why);
        }
        if (--joinsUnderWay == 0) {
            while (!whenJoined.isEmpty()) {
                whenJoined.poll().run();
            }
        }
    }

    boolean isJoined(int room) {
        return joinedRooms.get(room);
    }

    /** Posts {@code lt-<id>-<nanoTime>} to a room it is in; {@code expected} members should receive it. */
    void post(long id, int room, BitSet expected, int expectedCount) {
        if (state != State.ACTIVE || !joinedRooms.get(room)) {
            ctx.metrics().skippedPosts.increment();
            return;
        }
        long now = System.nanoTime();
        ctx.metrics().posted(id, index, -1, expected, expectedCount, now);
        send("<message to='" + XmppStanza.escape(ctx.roomJid(room)) + "' type='groupchat' id='p" + id + "'><body>" + POST_PREFIX + id
                + "-" + now + "</body></message>");
    }

    /**
     * Asks a room's archive for a page of 30 (XEP-0313 §4, XEP-0059 §2.5): the last page, or, once the user has
     * seen the archive's ids, alternately the page before a random older message.
     */
    void mamPage(String roomJid) {
        if (state != State.ACTIVE) {
            return;
        }
        String id = "m" + (++ids);
        String before = "";
        if (mamLastId != null && (ids & 1) == 0) {
            try {
                long last = Long.parseLong(mamLastId);
                before = Long.toString(1 + ThreadLocalRandom.current().nextLong(Math.max(1, last)));
            } catch (NumberFormatException notNumeric) {
                before = mamLastId;
            }
        }
        pending.put(id, new Pending("mam page", -1, System.nanoTime()));
        send("<iq type='set' id='" + id + "' to='" + XmppStanza.escape(roomJid) + "'><query xmlns='urn:xmpp:mam:2' queryid='" + id
                + "'><set xmlns='http://jabber.org/protocol/rsm'><max>30</max>"
                + (before.isEmpty() ? "<before/>" : "<before>" + XmppStanza.escape(before) + "</before>") + "</set></query></iq>");
    }

    /** Fails what waited longer than the operation timeout (call on the event loop). */
    @Override
    void sweep() {
        long now = System.nanoTime();
        Iterator<Map.Entry<String, Pending>> it = pending.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Pending> e = it.next();
            if (now - e.getValue().startNanos() > ctx.options().opTimeout().toNanos()) {
                it.remove();
                mamResults.remove(e.getKey());
                ctx.metrics().failure(e.getValue().what() + " timed out");
                if (e.getKey().startsWith("join:") && --joinsUnderWay == 0) {
                    while (!whenJoined.isEmpty()) {
                        whenJoined.poll().run();
                    }
                }
            }
        }
        if (state.ordinal() < State.ACTIVE.ordinal() && now - loginStarted > ctx.options().opTimeout().toNanos()) {
            ctx.metrics().failure("sign-in timed out in " + state);
            fail(null);
        }
    }

    /** Ends the stream (RFC 6120 §4.4). */
    @Override
    void end() {
        if (state == State.ACTIVE) {
            state = State.CLOSING;
            send("</stream:stream>");
            channel.eventLoop().schedule(() -> channel.close(), 5, java.util.concurrent.TimeUnit.SECONDS);
        } else if (channel != null) {
            channel.close();
        }
    }

    // ---- incoming ----

    @Override
    protected void channelRead0(ChannelHandlerContext context, String xml) {
        String name = XmppStanza.name(xml);
        switch (name) {
            case "message" -> message(xml);
            case "presence" -> presence(xml);
            case "iq" -> iq(xml);
            case "stream:stream", "?xml" -> { }
            case "stream:features" -> streamFeatures(xml);
            case "challenge", "success", "failure" -> sasl(name, xml);
            case "/stream:stream" -> {
                if (state != State.CLOSING) {
                    fail("server closed the stream");
                }
                channel.close();
            }
            case "stream:error" -> fail("stream error: " + firstChildName(xml));
            default -> { }
        }
    }

    private void message(String xml) {
        int result = xml.indexOf("<result");
        if (result >= 0 && xml.contains("urn:xmpp:mam:2")) {
            String resultTag = xml.substring(result);
            XmppStanza.attribute(resultTag, "queryid").ifPresent(q -> mamResults.merge(q, 1, Integer::sum));
            if (mamLastId == null) {
                mamLastId = XmppStanza.attribute(resultTag, "id").orElse(null);
            }
            return;
        }
        if (xml.contains("type='error'") || xml.contains("type=\"error\"")) {
            ctx.metrics().failure("message refused: " + errorCondition(xml));
            return;
        }
        if (XmppStanza.has(xml, "delay")) {
            return;
        }
        Optional<String> body = XmppStanza.childText(xml, "body");
        if (body.isEmpty() || !body.get().startsWith(POST_PREFIX)) {
            return;
        }
        String text = body.get();
        int dash = text.indexOf('-', POST_PREFIX.length());
        long id = Long.parseLong(text, POST_PREFIX.length(), dash, 10);
        long sent = Long.parseLong(text, dash + 1, text.length(), 10);
        ctx.metrics().delivered(id, index, sent, System.nanoTime());
    }

    private void presence(String xml) {
        String from = XmppStanza.attribute(xml, "from").orElse("");
        int slash = from.indexOf('/');
        if (slash < 0) {
            return;
        }
        String room = from.substring(0, slash);
        if (!from.substring(slash + 1).equals(nick) || !pending.containsKey("join:" + room)) {
            return;
        }
        String type = XmppStanza.attribute(xml, "type").orElse("");
        if (type.equals("error")) {
            joinAnswered(room, false, errorCondition(xml));
            return;
        }
        if (XmppStanza.hasStatus(xml, 201)) {
            Pending join = pending.get("join:" + room);
            String id = "cfg:" + room;
            pending.put(id, new Pending("instant room", join.room(), System.nanoTime()));
            send("<iq type='set' id='" + XmppStanza.escape(id) + "' to='" + XmppStanza.escape(room)
                    + "'><query xmlns='http://jabber.org/protocol/muc#owner'>"
                    + "<x xmlns='jabber:x:data' type='submit'/></query></iq>");
            return;
        }
        joinAnswered(room, true, "");
    }

    private void iq(String xml) {
        String id = XmppStanza.attribute(xml, "id").orElse("");
        String type = XmppStanza.attribute(xml, "type").orElse("");
        if (type.equals("get") || type.equals("set")) {
            // a server's ping or disco: answer that the driver does not support it (RFC 6120 §8.2.3)
            String from = XmppStanza.attribute(xml, "from").map(f -> " to='" + XmppStanza.escape(f) + "'").orElse("");
            send("<iq type='error' id='" + XmppStanza.escape(id) + "'" + from + "><error type='cancel'>"
                    + "<service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
            return;
        }
        boolean ok = type.equals("result");
        if (id.equals("reg")) {
            if (ok || xml.contains("<conflict")) {
                authenticate();
            } else {
                fail("registration refused: " + errorCondition(xml));
            }
        } else if (id.equals("bind")) {
            if (ok) {
                bound();
            } else {
                fail("bind refused: " + errorCondition(xml));
            }
        } else if (id.startsWith("cfg:")) {
            Pending p = pending.remove(id);
            String room = id.substring(4);
            if (p != null && ok) {
                joinAnswered(room, true, "");
            } else if (p != null) {
                joinAnswered(room, false, "instant room " + errorCondition(xml));
            }
        } else if (id.startsWith("m")) {
            Pending p = pending.remove(id);
            if (p == null) {
                return;
            }
            int results = mamResults.getOrDefault(id, 0);
            mamResults.remove(id);
            if (ok && results > 0) {
                LoadMetrics.record(ctx.metrics().history, p.startNanos(), System.nanoTime());
                ctx.metrics().histories.increment();
            } else if (ok) {
                ctx.metrics().failure("mam page empty");
            } else {
                ctx.metrics().failure("mam page refused: " + errorCondition(xml));
            }
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        State was = state;
        if (was == State.ACTIVE) {
            ctx.metrics().failure("session dropped");
            ctx.dropped(this);
        }
        leaveAll();
        if (was != State.FAILED) {
            state = State.CLOSED;
        }
        reportSignIn(false);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        if (state == State.CLOSING || state == State.CLOSED) {
            context.close();
            return;
        }
        fail("connection error: " + cause);
    }

    void connectFailed(Throwable cause) {
        ctx.metrics().failure("connect failed: " + cause.getClass().getSimpleName());
        state = State.FAILED;
        reportSignIn(false);
    }

    private void leaveAll() {
        for (int r = joinedRooms.nextSetBit(0); r >= 0; r = joinedRooms.nextSetBit(r + 1)) {
            ctx.joined(index, r, false);
        }
        joinedRooms.clear();
    }

    private void fail(String why) {
        if (why != null) {
            ctx.metrics().failure(why.length() > 160 ? why.substring(0, 160) : why);
        }
        boolean wasActive = state == State.ACTIVE;
        state = State.FAILED;
        if (wasActive) {
            ctx.dropped(this);
        }
        leaveAll();
        reportSignIn(false);
        if (channel != null) {
            channel.close();
        }
    }

    // ---- helpers ----

    private void send(String xml) {
        channel.writeAndFlush(xml);
    }

    private static String text(String xml) {
        int start = xml.indexOf('>') + 1;
        int end = xml.lastIndexOf("</");
        return start <= 0 || end < start ? "" : xml.substring(start, end).strip();
    }

    private static String firstChildName(String xml) {
        int start = xml.indexOf('>') + 1;
        int child = xml.indexOf('<', start);
        return child < 0 || xml.startsWith("</", child) ? "(none)" : XmppStanza.name(xml.substring(child));
    }

    private static String errorCondition(String xml) {
        int error = xml.indexOf("<error");
        return error < 0 ? "(no error element)" : firstChildName(xml.substring(error));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String unbase64(String text) {
        return text.isEmpty() || text.equals("=") ? "" : new String(Base64.getDecoder().decode(text),
                StandardCharsets.UTF_8);
    }
}
