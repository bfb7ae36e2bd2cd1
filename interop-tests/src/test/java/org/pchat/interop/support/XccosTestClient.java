package org.pchat.interop.support;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.SipException;
import javax.sip.address.Address;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Lync-style XCCOS client over SIP/TCP on JAIN-SIP (xccos.md §2, §11): INVITEs the chat URI with
 * {@code m=message 5060 sip null}, ACKs the 200, sends XCCOS commands in INFO {@code text/plain} (envid
 * increasing per envelope, seqid 1), answers the server's INFOs (200, 487 or nothing, see {@link InfoAnswer})
 * and collects what they carry in its {@link XccosInbox}. Identity, next hop and authentication come from
 * {@link ClientOptions}.
 */
public final class XccosTestClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(XccosTestClient.class);
    private static final String SDP = String.join("\r\n", "v=0", "o=- 0 0 IN IP4 127.0.0.1", "s=session",
            "c=IN IP4 127.0.0.1", "t=0 0", "m=message 5060 sip null", "a=accept-types:text/plain", "");

    private final ClientOptions options;
    private final String identity;
    private final SipUa ua;
    private final XccosInbox inbox;
    private final AtomicLong envids = new AtomicLong(ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE));
    private final AtomicInteger refusedServerInfos = new AtomicInteger();
    private volatile String fromTag = newTag();
    private volatile InfoAnswer infoAnswer;
    private volatile Dialog dialog;
    private volatile Dialog endedDialog;
    private volatile boolean byeFromServer;

    private XccosTestClient(ClientOptions options) {
        this.options = options;
        this.identity = options.userUri();
        this.infoAnswer = options.infoAnswer();
        this.inbox = new XccosInbox(identity, options.timeout());
        this.ua = new SipUa(identity, options, this::onRequest);
    }

    /** A client with its stack started and no dialog yet. */
    public static XccosTestClient start(ClientOptions options) {
        return new XccosTestClient(options);
    }

    /**
     * A client with an established chat session: INVITE answered 200 and ACKed.
     *
     * @throws AssertionError when the INVITE is not answered 2xx
     */
    public static XccosTestClient session(ClientOptions options, String chatUri) {
        XccosTestClient client = start(options);
        SipOutcome answer = client.invite(chatUri);
        if (!answer.isSuccess()) {
            client.close();
            throw new AssertionError("Expected 200 to INVITE " + chatUri + " from " + options.userUri()
                    + " (xccos.md §2.1) (but " + answer.describe() + ")");
        }
        return client;
    }

    /**
     * Sends REGISTER for the identity to the next hop (a registrar such as the next-hop proxy), answering
     * challenges with the configured {@link SipAuthenticator}.
     *
     * @param expires the requested binding lifetime; zero removes the binding
     */
    public SipOutcome register(Duration expires) {
        try {
            HeaderFactory h = ua.headers();
            Address self = ua.addresses().createAddress(options.userUri());
            Request register = ua.messages().createRequest(ua.addresses().createURI("sip:" + domain()),
                    Request.REGISTER, ua.provider().getNewCallId(), h.createCSeqHeader(1L, Request.REGISTER),
                    h.createFromHeader(self, newTag()), h.createToHeader(self, null), List.of(via()),
                    h.createMaxForwardsHeader(70));
            register.addHeader(contact());
            register.addHeader(h.createExpiresHeader((int) expires.toSeconds()));
            return ua.send(register, Optional.empty()).outcome();
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException(identity + " - cannot build REGISTER", e);
        }
    }

    /** Sends INVITE {@code chatUri} with the message SDP (xccos.md §2.1) and, on 2xx, keeps the dialog. */
    public SipOutcome invite(String chatUri) {
        fromTag = newTag();
        try {
            HeaderFactory h = ua.headers();
            Address target = ua.addresses().createAddress(chatUri);
            CallIdHeader callId = ua.provider().getNewCallId();
            CSeqHeader cseq = h.createCSeqHeader(1L, Request.INVITE);
            ContentTypeHeader sdpType = h.createContentTypeHeader("application", "sdp");
            Request invite = ua.messages().createRequest(target.getURI(), Request.INVITE, callId, cseq, from(),
                    h.createToHeader(target, null), List.of(via()), h.createMaxForwardsHeader(70), sdpType,
                    SDP.getBytes(StandardCharsets.US_ASCII));
            invite.addHeader(contact());
            invite.addHeader(h.createHeader("Supported", "ms-sender"));
            invite.addHeader(h.createUserAgentHeader(List.of("pchat-interop-tests")));
            SipUa.Exchange exchange = ua.send(invite, Optional.empty());
            if (exchange.outcome().isSuccess()) {
                dialog = exchange.dialog().orElseThrow(() -> new AssertionError(
                        "Expected JAIN-SIP to hold a dialog after " + exchange.outcome().describe()));
                LOG.info("{} - chat session up, call-id {}", identity, dialog.getCallId().getCallId());
            }
            return exchange.outcome();
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException(identity + " - cannot build INVITE " + chatUri, e);
        }
    }

    /** Sends an INFO in the session with any content type and body; returns the SIP answer. */
    public SipOutcome sendInfo(String contentType, String body) {
        Dialog current = requireDialog();
        try {
            Request info = current.createRequest(Request.INFO);
            String[] type = contentType.split("/", 2);
            info.setContent(body.getBytes(StandardCharsets.UTF_8), ua.headers().createContentTypeHeader(type[0],
                    type.length > 1 ? type[1] : ""));
            return ua.send(info, Optional.of(current)).outcome();
        } catch (SipException | ParseException e) {
            throw new AssertionError("Expected to send INFO in " + current.getCallId().getCallId()
                    + " (but JAIN-SIP refused: " + e + ")", e);
        }
    }

    /** Sends one XCCOS command in INFO {@code text/plain}, without waiting for its reply. */
    public CommandExchange send(String commandId, XccosWriter.Content data) {
        long envid = envids.incrementAndGet();
        SipOutcome info = sendInfo("text/plain", XccosWriter.command(envid, commandId, data));
        return new CommandExchange(commandId, envid, info);
    }

    /**
     * Sends one XCCOS command and waits for the reply correlated by {@code commandid/@envid} (xccos.md §3.3).
     *
     * @throws AssertionError when the INFO is not answered 200 or no reply comes
     */
    public XccosReply command(String commandId, XccosWriter.Content data) {
        CommandExchange exchange = send(commandId, data);
        if (exchange.info().status() != 200) {
            throw new AssertionError("Expected 200 to the INFO carrying " + commandId + " (xccos.md §2.2) (but "
                    + exchange.info().describe() + ")");
        }
        return inbox.awaitReply(exchange.envid(), commandId);
    }

    /** {@code cmd:getserverinfo} (xccos.md §4.2). */
    public XccosReply getServerInfo() {
        return command("cmd:getserverinfo", XccosWriter.serverInfoQuery(domain()));
    }

    /** {@code cmd:requri} (xccos.md §4.1). */
    public XccosReply requri() {
        return command("cmd:requri", XccosWriter.empty());
    }

    /** {@code cmd:getinv} (xccos.md §4.4). */
    public XccosReply getInvitations() {
        return command("cmd:getinv", XccosWriter.invitationQuery(domain()));
    }

    /** {@code cmd:chansrch} by name (xccos.md §4.10); empty criteria lists every visible room. */
    public XccosReply chansrch(String criteria) {
        return command("cmd:chansrch", XccosWriter.searchQuery(criteria));
    }

    /**
     * The URI of the room named exactly {@code name}, found with {@code cmd:chansrch}.
     *
     * @throws AssertionError when the search fails or does not list it
     */
    public RoomUri findRoom(String name) {
        XccosReply reply = chansrch(name);
        return reply.channels().stream().filter(c -> c.name().equals(name)).findFirst().map(ChannelInfo::roomUri)
                .orElseThrow(() -> new AssertionError("Expected rpl:chansrch for '" + name + "' to list that room "
                        + "(xccos.md §4.10) (but got " + reply.describe() + " with rooms "
                        + reply.channels().stream().map(ChannelInfo::name).toList() + ")"));
    }

    /** {@code cmd:join} of one room (xccos.md §4.5). */
    public XccosReply join(RoomUri room) {
        return command("cmd:join", XccosWriter.channelIds(List.of(room)));
    }

    /** {@code cmd:bjoin} of several rooms (xccos.md §4.6). */
    public XccosReply bjoin(List<RoomUri> rooms) {
        return command("cmd:bjoin", XccosWriter.channelIds(rooms));
    }

    /** {@code cmd:bccontext} for the last {@code count} messages (xccos.md §4.9). */
    public XccosReply bccontext(RoomUri room, int count) {
        return command("cmd:bccontext", XccosWriter.lastMessages(room, count));
    }

    /** {@code cmd:part} (xccos.md §4.7). */
    public XccosReply part(RoomUri room) {
        return command("cmd:part", XccosWriter.channel(room));
    }

    /**
     * Posts {@code text} with a {@code grpchat} (xccos.md §5.1: chanUri, author, ts at second resolution)
     * without waiting for its fate; see {@link #postAndAwait(RoomUri, String)}.
     */
    public CommandExchange post(RoomUri room, String text) {
        String ts = DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        long envid = envids.incrementAndGet();
        SipOutcome info = sendInfo("text/plain", XccosWriter.groupChat(envid, room, options.userUri(), ts, text));
        return new CommandExchange("grpchat", envid, info);
    }

    /**
     * Posts {@code text} and waits for its fate: the echo to this author (accepted), or a non-2xx to the INFO or
     * an error {@code rpl} correlated by the envelope's envid (refused).
     *
     * @throws AssertionError when neither comes within the timeout
     */
    public PostOutcome postAndAwait(RoomUri room, String text) {
        CommandExchange post = post(room, text);
        if (!post.info().isSuccess()) {
            return new PostOutcome(false, post.info(), Optional.empty(), Optional.empty());
        }
        return inbox.awaitPostOutcome(post, room, text);
    }

    /** A body-less in-dialog UPDATE, as SIPE refreshes the session (xccos.md §2.1). */
    public SipOutcome update() {
        Dialog current = requireDialog();
        try {
            return ua.send(current.createRequest(Request.UPDATE), Optional.of(current)).outcome();
        } catch (SipException e) {
            throw new AssertionError("Expected to send UPDATE (but JAIN-SIP refused: " + e + ")", e);
        }
    }

    /** Ends the session with BYE. */
    public SipOutcome bye() {
        Dialog current = requireDialog();
        try {
            Request bye = current.createRequest(Request.BYE);
            endedDialog = current;
            dialog = null;
            return ua.send(bye, Optional.of(current)).outcome();
        } catch (SipException e) {
            throw new AssertionError("Expected to send BYE (but JAIN-SIP refused: " + e + ")", e);
        }
    }

    /**
     * Sends an INFO {@code text/plain} carrying {@code body} with the identifiers (Call-ID, tags, next CSeq) of
     * the dialog this client ended with {@link #bye()}: a request on a dead dialog (RFC 3261 §12.2.2).
     */
    public SipOutcome infoOnEndedDialog(String body) {
        Dialog ended = endedDialog;
        if (ended == null) {
            throw new IllegalStateException(identity + " - no dialog has been ended with bye()");
        }
        try {
            HeaderFactory h = ua.headers();
            FromHeader from = h.createFromHeader(ended.getLocalParty(), ended.getLocalTag());
            ToHeader to = h.createToHeader(ended.getRemoteParty(), ended.getRemoteTag());
            CallIdHeader callId = h.createCallIdHeader(ended.getCallId().getCallId());
            CSeqHeader cseq = h.createCSeqHeader(ended.getLocalSeqNumber() + 10, Request.INFO);
            Request info = ua.messages().createRequest(ended.getRemoteTarget().getURI(), Request.INFO, callId, cseq,
                    from, to, List.of(via()), h.createMaxForwardsHeader(70), h.createContentTypeHeader("text", "plain"),
                    body.getBytes(StandardCharsets.UTF_8));
            return ua.send(info, Optional.empty()).outcome();
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException(identity + " - cannot build an INFO for the ended dialog", e);
        }
    }

    /** From now on, answer the server's INFOs like this. */
    public void answerServerInfosWith(InfoAnswer answer) {
        this.infoAnswer = answer;
    }

    /** What the server sent in INFOs this client answered 200. */
    public XccosInbox inbox() {
        return inbox;
    }

    /** How many server INFOs this client answered with something other than 200, or not at all. */
    public int refusedServerInfos() {
        return refusedServerInfos.get();
    }

    /** Whether the server ended the session with BYE. */
    public boolean endedByServer() {
        return byeFromServer;
    }

    /** The identity ({@code From} URI). */
    public String userUri() {
        return options.userUri();
    }

    /** The next envelope id this client will use (each envelope takes the next number). */
    public long nextEnvid() {
        return envids.get() + 1;
    }

    /** Takes an envelope id for a body the caller writes itself. */
    public long takeEnvid() {
        return envids.incrementAndGet();
    }

    /** The domain of the identity: what getserverinfo and getinv name. */
    public String domain() {
        return options.userUri().substring(options.userUri().indexOf('@') + 1);
    }

    private Dialog requireDialog() {
        Dialog current = dialog;
        if (current == null) {
            throw new IllegalStateException(identity + " - no chat session: invite() first");
        }
        return current;
    }

    private FromHeader from() throws ParseException {
        FromHeader from = ua.headers().createFromHeader(ua.addresses().createAddress(options.userUri()), fromTag);
        from.setParameter("epid", fromTag);
        return from;
    }

    private ContactHeader contact() throws ParseException {
        return ua.headers().createContactHeader(ua.addresses().createAddress("<sip:" + options.user() + "@"
                + ua.localHost() + ":" + ua.localPort() + ";transport=tcp>"));
    }

    private static String newTag() {
        return UUID.randomUUID().toString().substring(0, 10);
    }

    private ViaHeader via() throws ParseException, InvalidArgumentException {
        return ua.headers().createViaHeader(ua.localHost(), ua.localPort(), "tcp", null);
    }

    private void onRequest(RequestEvent event) {
        Request request = event.getRequest();
        switch (request.getMethod()) {
            case Request.INFO -> onInfo(event);
            case Request.BYE -> {
                byeFromServer = true;
                LOG.info("{} - the server ended the session with BYE", identity);
                ua.respond(event, 200);
            }
            case Request.ACK -> LOG.debug("{} - ACK received", identity);
            case Request.UPDATE, Request.OPTIONS -> ua.respond(event, 200);
            default -> ua.respond(event, 501);
        }
    }

    private void onInfo(RequestEvent event) {
        InfoAnswer answer = infoAnswer;
        Request request = event.getRequest();
        byte[] raw = request.getRawContent();
        String body = raw == null ? "" : new String(raw, StandardCharsets.UTF_8);
        if (answer != InfoAnswer.OK) {
            refusedServerInfos.incrementAndGet();
            LOG.info("{} - answering a server INFO with {}", identity, answer);
            if (answer != InfoAnswer.NO_ANSWER) {
                ua.respond(event, answer.status());
            }
            return;
        }
        ua.respond(event, 200);
        ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
        if (type == null || !"text".equalsIgnoreCase(type.getContentType())
                || !"plain".equalsIgnoreCase(type.getContentSubType())) {
            inbox.problem("server INFO with Content-Type " + type + " instead of text/plain (xccos.md §2.2)");
        }
        try {
            inbox.add(XccosReader.parse(body));
        } catch (AssertionError e) {
            inbox.problem(e.getMessage());
            LOG.warn("{} - unreadable server INFO body: {}", identity, e.getMessage());
        }
    }

    /** Ends the session if it is up (BYE) and stops the stack. */
    @Override
    public void close() {
        try {
            if (dialog != null && !byeFromServer) {
                SipOutcome answer = bye();
                LOG.info("{} - closing: {}", identity, answer.describe());
            }
        } catch (AssertionError | IllegalStateException e) {
            LOG.info("{} - closing without a clean BYE: {}", identity, e.getMessage());
        } finally {
            ua.close();
        }
    }
}
