package org.pchat.interop.load;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulated SIP user on one TCP connection to the proxy: REGISTER (answering a 401/407 digest challenge),
 * INVITE {@code sip:ocschat@<domain>}, ACK, {@code cmd:bjoin} of its rooms, then posts, joins and history reads
 * on request, every server INFO answered 200, BYE at the end (xccos.md §2, §4, §11). All its state is touched
 * on its channel's event loop only; the driver hands it work with {@link #run(Runnable)}.
 */
final class SipLoadUser extends LoadUser<SipMessage> {
    private static final Logger LOG = LoggerFactory.getLogger(SipLoadUser.class);
    private static final String POST_PREFIX = "lt-";

    enum State { CONNECTING, REGISTERING, INVITING, JOINING, ACTIVE, CLOSING, CLOSED, FAILED }

    /** What the driver shares with every user. */
    interface Context {
        LoadModel model();

        LoadMetrics metrics();

        String password();

        long opTimeoutNanos();

        /** Whether this process issued the post (several processes may share one run, see {@link Shard}). */
        boolean issued(long postId);

        /** The user's joined state in a room changed. */
        void joined(int user, int room, boolean joined);

        /** The user reached ACTIVE (true) or left it (false). */
        void active(SipLoadUser user, boolean active);

        /** The user's sign-in ended, signed in or failed (called once). */
        void loginDone(SipLoadUser user);
    }

    /** A command waiting for its reply. */
    private record Pending(String what, int room, long startNanos, Consumer<Xccos.Element> onReply) {
    }

    private final int index;
    private final String aor;
    private final String username;
    private final Context ctx;
    private final int[] initialRooms;
    private final Map<Long, Pending> pending = new HashMap<>();
    private final Map<Long, String> pendingInfo = new HashMap<>();
    private final BitSet joinedRooms = new BitSet();
    private String host;
    private State state = State.CONNECTING;
    private long cseq;
    private long envId = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
    private long loginStarted;
    private String registerCallId;
    private String callId;
    private String fromTag;
    private String chatUri;
    private SipDialog dialog;
    /** The session interval the last 2xx set (RFC 4028); 0 when the node runs no session timer. */
    private long sessionInterval;
    /** When the unanswered UPDATE went out; 0 when none is under way. */
    private long refreshSentNanos;
    private boolean churning;
    private boolean loginReported;

    SipLoadUser(int index, Context ctx, int[] initialRooms) {
        this.index = index;
        this.ctx = ctx;
        this.aor = ctx.model().userUri(index);
        this.username = aor.substring("sip:".length());
        this.initialRooms = initialRooms.clone();
    }

    int index() {
        return index;
    }

    State state() {
        return state;
    }

    /** Whether the user is joined to a room (call on its event loop). */
    boolean isJoined(int room) {
        return joinedRooms.get(room);
    }

    @Override
    boolean open() {
        return state == State.ACTIVE || state == State.CLOSING;
    }

    // ---- sign-in ----

    @Override
    public void channelActive(ChannelHandlerContext context) {
        channel = context.channel();
        InetSocketAddress local = (InetSocketAddress) channel.localAddress();
        host = "127.0.0.1:" + local.getPort();
        loginStarted = System.nanoTime();
        registerCallId = newId();
        fromTag = Long.toHexString(ThreadLocalRandom.current().nextLong());
        state = State.REGISTERING;
        send(register(null, null));
    }

    private String register(String authHeader, String authValue) {
        return SipText.register(ctx.model().domain(), host, aor, fromTag, registerCallId, ++cseq,
                authHeader == null ? null : authHeader + ": " + authValue);
    }

    private void invite() {
        state = State.INVITING;
        chatUri = "sip:ocschat@" + ctx.model().domain();
        callId = newId();
        send(SipText.invite(chatUri, host, aor, fromTag, callId, ++cseq));
    }

    /**
     * The chat service is busy (RFC 3261 §21.5.4): ACK the 503 (§17.1.1.3, same branch as the INVITE) and INVITE
     * again after Retry-After, plus up to half as much again at random so refused users do not all return at once.
     */
    private void inviteLater(SipMessage refused, long seconds) {
        send(SipText.ackFor(refused, chatUri));
        ctx.metrics().invitesDeferred.increment();
        long millis = seconds * 1000 + ThreadLocalRandom.current().nextLong(seconds * 500 + 1);
        channel.eventLoop().schedule(() -> {
            if (state == State.INVITING && channel.isActive()) {
                invite();
            }
        }, millis, TimeUnit.MILLISECONDS);
    }

    private void dialogEstablished(SipMessage ok) {
        dialog = SipDialog.established(ok, host, aor, fromTag, chatUri);
        send(dialog.request("ACK", ok.cseqNumber(), List.of(), null, ""));
        state = State.JOINING;
        refreshLater(ok);
        if (initialRooms.length == 0) {
            becomeActive();
            return;
        }
        List<String> guids = new ArrayList<>();
        for (int r : initialRooms) {
            guids.add(ctx.model().room(r).guid());
        }
        command("bjoin", -1, Xccos.bjoin(++envId, ctx.model().domain(), guids), reply -> {
            if (reply.code() != 200 || reply.failedRooms() > 0) {
                fail("bjoin refused: code " + reply.code() + ", " + reply.failedRooms() + " rooms failed");
                return;
            }
            for (int r : initialRooms) {
                markJoined(r, true);
            }
            LoadMetrics.record(ctx.metrics().login, loginStarted, System.nanoTime());
            becomeActive();
        });
    }

    private void becomeActive() {
        state = State.ACTIVE;
        ctx.active(this, true);
        reportLogin();
    }

    private void reportLogin() {
        if (!loginReported) {
            loginReported = true;
            ctx.loginDone(this);
        }
    }

    private void markJoined(int room, boolean joined) {
        if (joinedRooms.get(room) != joined) {
            joinedRooms.set(room, joined);
            ctx.joined(index, room, joined);
        }
    }

    // ---- session timer (RFC 4028, the node asks the client to refresh: refresher=uac) ----

    /** Schedules the refresh at half the session interval a 2xx set (RFC 4028 §10); none when it set none. */
    private void refreshLater(SipMessage ok) {
        sessionInterval = ok.sessionExpiresSeconds().orElse(0);
        if (sessionInterval > 0) {
            channel.eventLoop().schedule(this::refresh, sessionInterval * 500, TimeUnit.MILLISECONDS);
        }
    }

    /** Refreshes the session with an UPDATE asking for the same interval (RFC 4028 §7.4). */
    private void refresh() {
        if ((state != State.ACTIVE && state != State.JOINING) || !channel.isActive()) {
            return;
        }
        refreshSentNanos = System.nanoTime();
        send(dialog.request("UPDATE", ++cseq, List.of("Session-Expires: " + sessionInterval + ";refresher=uac",
                "Supported: timer"), null, ""));
    }

    private void refreshAnswered(SipMessage r) {
        refreshSentNanos = 0;
        if (r.status() == 200) {
            ctx.metrics().sessionRefreshes.increment();
            refreshLater(r);
        } else if (r.status() == 422 && r.minSeSeconds().orElse(0) > sessionInterval) {
            // RFC 4028 §7.4: too small an interval; ask again with the node's Min-SE (a 422 that asks for no more
            // than was offered is a failure below, not another try)
            sessionInterval = r.minSeSeconds().getAsLong();
            refresh();
        } else {
            ctx.metrics().failure("UPDATE answered " + r.status());
        }
    }

    // ---- work the driver asks for (on the event loop) ----

    /** Posts to a room; the text carries the post id and the send time. */
    void post(long postId, int room, BitSet expected, int expectedCount) {
        if (state != State.ACTIVE || !joinedRooms.get(room)) {
            ctx.metrics().skippedPosts.increment();
            return;
        }
        long now = System.nanoTime();
        ctx.metrics().posted(postId, index, LoadDriver.classOf(ctx.model().room(room).roomClass()), expected,
                expectedCount, now);
        String text = POST_PREFIX + postId + "-" + now;
        long env = ++envId;
        sendInfo(Xccos.grpchat(env, ctx.model().roomUri(room), aor, text), "post");
    }

    /** Leaves a room and joins it again, then reads its last 30 messages, as a client entering a room does. */
    void churn(int room) {
        if (state != State.ACTIVE || churning || !joinedRooms.get(room)) {
            return;
        }
        churning = true;
        markJoined(room, false);
        command("part", room, Xccos.part(++envId, ctx.model().roomUri(room)), parted -> {
            if (parted.code() != 200) {
                churning = false;
                ctx.metrics().failure("part refused " + parted.code());
                return;
            }
            long joinStart = System.nanoTime();
            command("join", room, Xccos.join(++envId, ctx.model().domain(), ctx.model().room(room).guid()), joined -> {
                if (joined.code() != 200) {
                    churning = false;
                    ctx.metrics().failure("join refused " + joined.code());
                    return;
                }
                LoadMetrics.record(ctx.metrics().join, joinStart, System.nanoTime());
                ctx.metrics().joins.increment();
                markJoined(room, true);
                history(room, () -> churning = false);
            });
        });
    }

    /** Reads the last 30 messages of a room ({@code bccontext last 30}). */
    void history(int room, Runnable then) {
        if (state != State.ACTIVE) {
            return;
        }
        long start = System.nanoTime();
        command("bccontext", room, Xccos.bccontext(++envId, ctx.model().roomUri(room), 30), reply -> {
            if (reply.code() != 200) {
                ctx.metrics().failure("bccontext refused " + reply.code());
            } else {
                LoadMetrics.record(ctx.metrics().history, start, System.nanoTime());
                ctx.metrics().histories.increment();
            }
            then.run();
        });
    }

    /** Ends the session with BYE, then closes the connection. */
    @Override
    void end() {
        if (state != State.ACTIVE && state != State.JOINING) {
            closeQuietly();
            return;
        }
        state = State.CLOSING;
        ctx.active(this, false);
        send(dialog.request("BYE", ++cseq, List.of(), null, ""));
        channel.eventLoop().schedule(this::closeQuietly, 5, TimeUnit.SECONDS);
    }

    /** Fails commands waiting longer than the operation timeout. */
    @Override
    void sweep() {
        long now = System.nanoTime();
        if (refreshSentNanos != 0 && now - refreshSentNanos > ctx.opTimeoutNanos()) {
            refreshSentNanos = 0;
            ctx.metrics().failure("UPDATE timed out");
        }
        Iterator<Map.Entry<Long, Pending>> it = pending.entrySet().iterator();
        while (it.hasNext()) {
            Pending p = it.next().getValue();
            if (now - p.startNanos() > ctx.opTimeoutNanos()) {
                it.remove();
                ctx.metrics().failure(p.what() + " timed out");
                if (p.what().equals("bjoin")) {
                    fail("bjoin timed out");
                    return;
                }
                churning = false;
            }
        }
    }

    // ---- incoming ----

    @Override
    protected void channelRead0(ChannelHandlerContext context, SipMessage message) {
        if (message.isResponse()) {
            response(message);
        } else {
            request(message);
        }
    }

    private void response(SipMessage r) {
        int status = r.status();
        if (status < 200) {
            return;
        }
        String method = r.cseqMethod();
        switch (method) {
            case "REGISTER" -> {
                if ((status == 401 || status == 407) && state == State.REGISTERING && cseq < 3) {
                    String challengeHeader = status == 401 ? "WWW-Authenticate" : "Proxy-Authenticate";
                    String challenge = r.header(challengeHeader).orElse("");
                    String answer = Digest.answer(challenge, "REGISTER", "sip:" + ctx.model().domain(), username,
                            ctx.password(), Long.toHexString(ThreadLocalRandom.current().nextLong()));
                    send(register(status == 401 ? "Authorization" : "Proxy-Authorization", answer));
                } else if (status == 200 && state == State.REGISTERING) {
                    invite();
                } else {
                    fail("REGISTER answered " + status);
                }
            }
            case "INVITE" -> {
                OptionalLong retryAfter = status == 503 ? r.retryAfterSeconds() : OptionalLong.empty();
                if (status == 200 && state == State.INVITING) {
                    dialogEstablished(r);
                } else if (status == 200 && dialog != null) {
                    send(dialog.request("ACK", r.cseqNumber(), List.of(), null, ""));
                } else if (state == State.INVITING && retryAfter.isPresent()) {
                    inviteLater(r, retryAfter.getAsLong());
                } else {
                    fail("INVITE answered " + status);
                }
            }
            case "INFO" -> {
                String what = pendingInfo.remove(r.cseqNumber());
                if (status != 200) {
                    ctx.metrics().failure((what == null ? "INFO" : what) + " INFO answered " + status);
                }
            }
            case "UPDATE" -> refreshAnswered(r);
            case "BYE" -> closeQuietly();
            default -> {
            }
        }
    }

    private void request(SipMessage req) {
        String method = req.method();
        send(SipText.answer(req, method.equals("INFO") || method.equals("BYE") || method.equals("UPDATE")
                || method.equals("OPTIONS") || method.equals("NOTIFY") ? 200 : 405));
        if (method.equals("BYE")) {
            if (state != State.CLOSING) {
                fail("server sent BYE");
            }
            return;
        }
        if (!method.equals("INFO") || req.body().isEmpty()) {
            return;
        }
        List<Xccos.Element> elements;
        try {
            elements = Xccos.read(req.body());
        } catch (XMLStreamException | RuntimeException e) {
            ctx.metrics().failure("unreadable server INFO");
            LOG.warn("user {} - unreadable server INFO: {}", aor, e.getMessage());
            return;
        }
        long now = System.nanoTime();
        for (Xccos.Element e : elements) {
            if (e.kind().equals("grpchat")) {
                delivered(e, now);
            } else if (e.kind().equals("rpl")) {
                Pending p = e.answersEnv() < 0 ? null : pending.remove(e.answersEnv());
                if (p != null) {
                    p.onReply().accept(e);
                } else if (e.id() != null && e.id().equals("rpl:grpchat")) {
                    ctx.metrics().failure("post refused " + e.code());
                }
            }
        }
    }

    private void delivered(Xccos.Element e, long now) {
        String text = e.text();
        if (!text.startsWith(POST_PREFIX)) {
            return;
        }
        int dash = text.indexOf('-', POST_PREFIX.length());
        long postId = Long.parseLong(text.substring(POST_PREFIX.length(), dash));
        if (!ctx.issued(postId)) {
            ctx.metrics().otherShardDeliveries.increment();
            return;
        }
        long sent = Long.parseLong(text.substring(dash + 1).trim());
        ctx.metrics().delivered(postId, index, sent, now);
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        if (state != State.CLOSING && state != State.CLOSED && state != State.FAILED) {
            fail("connection closed by the server");
        }
        state = state == State.FAILED ? State.FAILED : State.CLOSED;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        fail("connection error: " + cause.getClass().getSimpleName());
        LOG.warn("user {} - connection error: {}", aor, cause.toString());
    }

    /** The connection could not be opened. */
    void connectFailed(Throwable cause) {
        state = State.FAILED;
        ctx.metrics().failure("connect failed");
        reportLogin();
        LOG.warn("user {} - connect failed: {}", aor, cause.toString());
    }

    // ---- helpers ----

    private void fail(String why) {
        if (state == State.FAILED) {
            return;
        }
        boolean wasActive = state == State.ACTIVE;
        state = State.FAILED;
        ctx.metrics().failure(why);
        LOG.warn("user {} - {}", aor, why);
        for (int r = joinedRooms.nextSetBit(0); r >= 0; r = joinedRooms.nextSetBit(r + 1)) {
            ctx.joined(index, r, false);
        }
        joinedRooms.clear();
        if (wasActive) {
            ctx.active(this, false);
        }
        reportLogin();
        if (channel != null) {
            channel.close();
        }
    }

    private void closeQuietly() {
        if (state != State.FAILED) {
            state = State.CLOSED;
        }
        if (channel != null && channel.isOpen()) {
            channel.close();
        }
    }

    private void command(String what, int room, String body, Consumer<Xccos.Element> onReply) {
        pending.put(envId, new Pending(what, room, System.nanoTime(), onReply));
        sendInfo(body, what);
    }

    private void sendInfo(String body, String what) {
        long number = ++cseq;
        pendingInfo.put(number, what);
        if (pendingInfo.size() > 10_000) {
            pendingInfo.clear();
        }
        send(dialog.request("INFO", number, List.of(), "text/plain", body));
    }

    private static String newId() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong()) + Long.toHexString(System.nanoTime());
    }

    private void send(String text) {
        channel.writeAndFlush(io.netty.buffer.Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8)));
    }
}
