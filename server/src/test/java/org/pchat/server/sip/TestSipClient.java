package org.pchat.server.sip;

import static org.awaitility.Awaitility.await;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.pchat.xccos.codec.XccosDecoder;
import org.pchat.xccos.codec.XccosEncoder;
import org.pchat.xccos.codec.XccosException;
import org.pchat.xccos.model.ChanUri;
import org.pchat.xccos.model.ChatMessage;
import org.pchat.xccos.model.Command;
import org.pchat.xccos.model.CommandData;
import org.pchat.xccos.model.GroupChat;
import org.pchat.xccos.model.Notice;
import org.pchat.xccos.model.Reply;
import org.pchat.xccos.model.XccosElement;
import org.pchat.xccos.model.XccosEnvelope;

/**
 * A chat client on its own JAIN-SIP RI stack (TCP, loopback), sending everything to the node as outbound
 * proxy: INVITE/ACK, XCCOS commands and posts in INFO, BYE; it answers the node's INFOs (200, 487 or not at
 * all) and keeps every XCCOS element it received.
 */
final class TestSipClient implements SipListener, AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(15);

    /** How the client answers the node's INFOs. */
    enum InfoAnswer { OK, REQUEST_TERMINATED, SILENT }

    private final String userUri;
    private final String domain;
    private final SipStackImpl stack;
    private final SipProvider provider;
    private final int localPort;
    private final MessageFactory messages = new MessageFactoryImpl();
    private final HeaderFactory headers = new HeaderFactoryImpl();
    private final AddressFactory addresses = new AddressFactoryImpl();
    private final XccosEncoder encoder = new XccosEncoder();
    private final XccosDecoder decoder = new XccosDecoder();
    private final List<XccosElement> received = new CopyOnWriteArrayList<>();
    private final List<String> undecodable = new CopyOnWriteArrayList<>();
    private final AtomicLong envIds = new AtomicLong(1000);
    private final AtomicLong cseq = new AtomicLong(1);
    private final AtomicReference<Dialog> dialog = new AtomicReference<>();
    private volatile InfoAnswer infoAnswer = InfoAnswer.OK;
    private volatile Request lastInfo;
    private volatile boolean byeReceived;

    TestSipClient(String userUri, int nodePort) throws Exception {
        this.userUri = userUri;
        this.domain = userUri.substring(userUri.indexOf('@') + 1);
        Properties properties = new Properties();
        properties.setProperty("javax.sip.STACK_NAME", "test-client-" + UUID.randomUUID());
        properties.setProperty("javax.sip.OUTBOUND_PROXY", "127.0.0.1:" + nodePort + "/tcp");
        properties.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "2");
        properties.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        properties.setProperty("gov.nist.javax.sip.STACK_LOGGER", "org.pchat.sip.logging.Slf4jStackLogger");
        properties.setProperty("gov.nist.javax.sip.SERVER_LOGGER", "org.pchat.sip.logging.Slf4jServerLogger");
        this.stack = new SipStackImpl(properties);
        ListeningPoint point = null;
        for (int attempt = 0; point == null; attempt++) {
            int port;
            try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
                port = probe.getLocalPort();
            }
            try {
                point = stack.createListeningPoint("127.0.0.1", port, ListeningPoint.TCP);
            } catch (javax.sip.InvalidArgumentException e) {
                if (attempt > 5) {
                    throw e;
                }
            }
        }
        this.localPort = point.getPort();
        this.provider = stack.createSipProvider(point);
        provider.addSipListener(this);
        stack.start();
    }

    String userUri() {
        return userUri;
    }

    void answerInfos(InfoAnswer answer) {
        this.infoAnswer = answer;
    }

    boolean byeReceived() {
        return byeReceived;
    }

    /** INVITE to {@code target}; on 2xx the ACK is sent and the dialog kept. Returns the final response. */
    Response invite(String target) throws Exception {
        SipURI requestUri = (SipURI) addresses.createURI(target);
        Address from = addresses.createAddress(addresses.createURI(userUri));
        Address to = addresses.createAddress(addresses.createURI(target));
        CallIdHeader callId = provider.getNewCallId();
        List<ViaHeader> via = new ArrayList<>();
        via.add(headers.createViaHeader("127.0.0.1", localPort, "tcp", null));
        Request invite = messages.createRequest(requestUri, Request.INVITE, callId,
                headers.createCSeqHeader(cseq.getAndIncrement(), Request.INVITE),
                headers.createFromHeader(from, Long.toHexString(System.nanoTime())), headers.createToHeader(to, null),
                via, headers.createMaxForwardsHeader(70));
        SipURI contact = addresses.createSipURI(userUri.substring(4, userUri.indexOf('@')), "127.0.0.1");
        contact.setPort(localPort);
        contact.setTransportParam("tcp");
        invite.addHeader(headers.createContactHeader(addresses.createAddress(contact)));
        String sdp = "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=session\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=message " + localPort + " sip null\r\n";
        invite.setContent(sdp, headers.createContentTypeHeader("application", "sdp"));
        ClientTransaction transaction = provider.getNewClientTransaction(invite);
        CompletableFuture<Response> answer = new CompletableFuture<>();
        transaction.setApplicationData(answer);
        transaction.sendRequest();
        Response response = answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        if (response.getStatusCode() < 300) {
            Dialog created = transaction.getDialog();
            long number = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
            created.sendAck(created.createAck(number));
            dialog.set(created);
        }
        return response;
    }

    /** Sends an XCCOS command; returns the envelope id to correlate the reply with. */
    long command(CommandData data) throws Exception {
        long envId = envIds.incrementAndGet();
        Response response = info("text/plain", encoder.encode(XccosEnvelope.of(envId, Command.of(data))));
        if (response.getStatusCode() != 200) {
            throw new AssertionError("INFO with " + data.wireId() + " answered " + response.getStatusCode() + " "
                    + response.getReasonPhrase());
        }
        return envId;
    }

    /** Posts a message; returns the envelope id. */
    long post(ChanUri room, String text) throws Exception {
        long envId = envIds.incrementAndGet();
        ChatMessage message = ChatMessage.of(room, userUri, java.time.Instant.now(), text);
        Response response = info("text/plain", encoder.encode(XccosEnvelope.of(envId, GroupChat.of(message))));
        if (response.getStatusCode() != 200) {
            throw new AssertionError("post answered " + response.getStatusCode() + " " + response.getReasonPhrase());
        }
        return envId;
    }

    /** Sends an in-dialog INFO with any content type and body; returns the final response. */
    Response info(String contentType, String body) throws Exception {
        return info(contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    Response info(String contentType, byte[] body) throws Exception {
        Dialog current = dialog.get();
        Request info = current.createRequest(Request.INFO);
        String[] type = contentType.split("/", 2);
        info.setContent(body, headers.createContentTypeHeader(type[0], type[1]));
        lastInfo = (Request) info.clone();
        ClientTransaction transaction = provider.getNewClientTransaction(info);
        CompletableFuture<Response> answer = new CompletableFuture<>();
        transaction.setApplicationData(answer);
        current.sendRequest(transaction);
        return answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Re-sends the last INFO outside any dialog state (after BYE): the node should answer 481. */
    Response infoOnDeadDialog() throws Exception {
        Request dead = (Request) lastInfo.clone();
        dead.removeHeader(ViaHeader.NAME);
        dead.addHeader(headers.createViaHeader("127.0.0.1", localPort, "tcp", null));
        CSeqHeader number = (CSeqHeader) dead.getHeader(CSeqHeader.NAME);
        number.setSeqNumber(number.getSeqNumber() + 100);
        ClientTransaction transaction = provider.getNewClientTransaction(dead);
        CompletableFuture<Response> answer = new CompletableFuture<>();
        transaction.setApplicationData(answer);
        transaction.sendRequest();
        return answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** BYE; returns the final response. */
    Response bye() throws Exception {
        Dialog current = dialog.get();
        Request bye = current.createRequest(Request.BYE);
        ClientTransaction transaction = provider.getNewClientTransaction(bye);
        CompletableFuture<Response> answer = new CompletableFuture<>();
        transaction.setApplicationData(answer);
        current.sendRequest(transaction);
        return answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Every element received so far. */
    List<XccosElement> received() {
        return List.copyOf(received);
    }

    /** Waits for the reply to the command sent in envelope {@code envId}. */
    Reply awaitReply(long envId) {
        return awaitElement(Reply.class, r -> r.command().envId() == envId);
    }

    /** Waits for a received element of a type matching a condition. */
    <T extends XccosElement> T awaitElement(Class<T> type, Predicate<T> condition) {
        AtomicReference<T> found = new AtomicReference<>();
        await().atMost(WAIT).until(() -> {
            find(type, condition).ifPresent(found::set);
            return found.get() != null;
        });
        return found.get();
    }

    <T extends XccosElement> Optional<T> find(Class<T> type, Predicate<T> condition) {
        return received.stream().filter(type::isInstance).map(type::cast).filter(condition).findFirst();
    }

    /** The received chat messages of a room, in arrival order. */
    List<ChatMessage> messages(ChanUri room) {
        return received.stream().filter(GroupChat.class::isInstance).map(e -> ((GroupChat) e).message())
                .filter(m -> m.channel().equals(room)).toList();
    }

    /** The received notices with an id. */
    List<Notice> notices(String id) {
        return received.stream().filter(Notice.class::isInstance).map(Notice.class::cast)
                .filter(n -> n.id().equals(id)).toList();
    }

    List<String> undecodable() {
        return List.copyOf(undecodable);
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        try {
            ServerTransaction transaction = event.getServerTransaction() != null ? event.getServerTransaction()
                    : provider.getNewServerTransaction(request);
            switch (request.getMethod()) {
                case Request.INFO -> onInfo(request, transaction);
                case Request.BYE -> {
                    byeReceived = true;
                    transaction.sendResponse(messages.createResponse(Response.OK, request));
                }
                default -> transaction.sendResponse(messages.createResponse(Response.OK, request));
            }
        } catch (Exception e) {
            undecodable.add("cannot answer " + request.getMethod() + ": " + e);
        }
    }

    private void onInfo(Request request, ServerTransaction transaction) throws Exception {
        switch (infoAnswer) {
            case SILENT -> {
                return;
            }
            case REQUEST_TERMINATED -> {
                transaction.sendResponse(messages.createResponse(Response.REQUEST_TERMINATED, request));
                return;
            }
            case OK -> transaction.sendResponse(messages.createResponse(Response.OK, request));
        }
        ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
        if (type == null || !"plain".equalsIgnoreCase(type.getContentSubType())) {
            undecodable.add("INFO with Content-Type " + type);
            return;
        }
        try {
            received.addAll(decoder.decode(request.getRawContent()).payload());
        } catch (XccosException e) {
            undecodable.add(e.getMessage());
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void processResponse(ResponseEvent event) {
        ClientTransaction transaction = event.getClientTransaction();
        if (transaction != null && event.getResponse().getStatusCode() >= 200
                && transaction.getApplicationData() instanceof CompletableFuture<?> future) {
            ((CompletableFuture<Response>) future).complete(event.getResponse());
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void processTimeout(TimeoutEvent event) {
        ClientTransaction transaction = event.getClientTransaction();
        if (transaction != null && transaction.getApplicationData() instanceof CompletableFuture<?> future) {
            ((CompletableFuture<Response>) future).completeExceptionally(new AssertionError("request timed out"));
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        undecodable.add("I/O error with " + event.getHost() + ":" + event.getPort());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // nothing to track
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // nothing to track
    }

    @Override
    public void close() {
        stack.stop();
    }

    @Override
    public String toString() {
        return "TestSipClient[" + userUri + ", domain " + domain + "]";
    }
}
