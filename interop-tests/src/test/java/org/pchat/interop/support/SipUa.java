package org.pchat.interop.support;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TooManyListenersException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.TransactionUnavailableException;
import javax.sip.address.AddressFactory;
import javax.sip.header.CSeqHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JAIN-SIP stack with one TCP listening point on loopback, sending every request to the configured next
 * hop ({@code javax.sip.OUTBOUND_PROXY}) and turning client transactions into awaitable final responses
 * (challenges answered by the {@link SipAuthenticator}, 2xx to INVITE acknowledged). Incoming requests go to
 * the owner's handler. Every message is logged in full at debug, with the identity.
 */
final class SipUa implements SipListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SipUa.class);
    private static final AtomicInteger STACKS = new AtomicInteger();
    private static final int MAX_CHALLENGES = 2;

    private final String identity;
    private final ClientOptions options;
    private final SipStackImpl stack;
    private final SipProvider provider;
    private final AddressFactory addresses = new AddressFactoryImpl();
    private final HeaderFactory headers = new HeaderFactoryImpl();
    private final MessageFactory messages = new MessageFactoryImpl();
    private final int localPort;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Consumer<RequestEvent> requestHandler;

    private record Pending(CompletableFuture<Final> future, Dialog dialog, int challenges) {
    }

    /** The final response (null on a transaction timeout) and the transaction that got it. */
    private record Final(Response response, ClientTransaction transaction) {
    }

    /**
     * The outcome of a request and the dialog its (last) client transaction belongs to.
     *
     * @param outcome the final answer
     * @param dialog the transaction's dialog, if JAIN-SIP made one (INVITE)
     */
    record Exchange(SipOutcome outcome, Optional<Dialog> dialog) {
    }

    SipUa(String identity, ClientOptions options, Consumer<RequestEvent> requestHandler) {
        this.identity = identity;
        this.options = options;
        this.requestHandler = requestHandler;
        Properties props = new Properties();
        props.setProperty("javax.sip.STACK_NAME", "xccos-" + options.user() + "-" + STACKS.incrementAndGet());
        props.setProperty("javax.sip.OUTBOUND_PROXY", options.outboundProxy() + "/tcp");
        props.setProperty("gov.nist.javax.sip.STACK_LOGGER", JainSipLogger.class.getName());
        props.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "true");
        props.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        props.setProperty("gov.nist.javax.sip.CACHE_SERVER_CONNECTIONS", "true");
        props.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "4194304");
        try {
            this.stack = new SipStackImpl(props);
            this.localPort = FreePorts.one();
            ListeningPoint point = stack.createListeningPoint("127.0.0.1", localPort, ListeningPoint.TCP);
            this.provider = stack.createSipProvider(point);
            provider.addSipListener(this);
            stack.start();
        } catch (SipException | InvalidArgumentException | TooManyListenersException e) {
            throw new IllegalStateException(identity + " - cannot start the JAIN-SIP stack", e);
        }
    }

    AddressFactory addresses() {
        return addresses;
    }

    HeaderFactory headers() {
        return headers;
    }

    MessageFactory messages() {
        return messages;
    }

    SipProvider provider() {
        return provider;
    }

    String localHost() {
        return "127.0.0.1";
    }

    int localPort() {
        return localPort;
    }

    /**
     * Sends a request in a new client transaction (through {@code dialog} when given) and waits for its final
     * response.
     *
     * @throws AssertionError when no final response arrives within the timeout
     */
    Exchange send(Request request, Optional<Dialog> dialog) {
        String method = request.getMethod();
        CompletableFuture<Final> future = new CompletableFuture<>();
        try {
            ClientTransaction transaction = provider.getNewClientTransaction(request);
            pending.put(transaction.getBranchId(), new Pending(future, dialog.orElse(null), 0));
            LOG.debug("{} --> {}\n{}", identity, options.outboundProxy(), request);
            if (dialog.isPresent()) {
                dialog.get().sendRequest(transaction);
            } else {
                transaction.sendRequest();
            }
        } catch (SipException e) {
            throw new AssertionError("Expected to send " + method + " to " + options.outboundProxy()
                    + " (but JAIN-SIP refused: " + e + ")", e);
        }
        return await(method, future);
    }

    private Exchange await(String method, CompletableFuture<Final> future) {
        try {
            Final last = future.get(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
            Optional<Dialog> dialog = Optional.ofNullable(last.transaction().getDialog());
            Response response = last.response();
            if (response == null) {
                return new Exchange(new SipOutcome(method, Response.REQUEST_TIMEOUT,
                        "no response (transaction timed out)", ""), dialog);
            }
            return new Exchange(new SipOutcome(method, response.getStatusCode(), response.getReasonPhrase(),
                    response.toString()), dialog);
        } catch (TimeoutException e) {
            throw new AssertionError("Expected a final response to " + method + " from " + options.outboundProxy()
                    + " within " + options.timeout().toSeconds() + " s (but none came)", e);
        } catch (ExecutionException e) {
            throw new AssertionError(identity + " - " + method + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(identity + " - interrupted waiting for a response to " + method, e);
        }
    }

    /**
     * Responds to an incoming request with a bare status.
     *
     * @return false when JAIN-SIP refused to send it
     */
    boolean respond(RequestEvent event, int status) {
        Request request = event.getRequest();
        try {
            Response response = messages.createResponse(status, request);
            ServerTransaction transaction = event.getServerTransaction();
            if (transaction == null) {
                try {
                    transaction = provider.getNewServerTransaction(request);
                } catch (TransactionAlreadyExistsException | TransactionUnavailableException e) {
                    LOG.debug("{} - answering {} statelessly: {}", identity, request.getMethod(), e.toString());
                }
            }
            LOG.debug("{} --> response\n{}", identity, response);
            if (transaction == null) {
                provider.sendResponse(response);
            } else {
                transaction.sendResponse(response);
            }
            return true;
        } catch (java.text.ParseException | SipException | InvalidArgumentException e) {
            LOG.warn("{} - cannot answer {} with {}: {}", identity, request.getMethod(), status, e.toString());
            return false;
        }
    }

    @Override
    public void processRequest(RequestEvent event) {
        LOG.debug("{} <-- request\n{}", identity, event.getRequest());
        requestHandler.accept(event);
    }

    @Override
    public void processResponse(ResponseEvent event) {
        Response response = event.getResponse();
        LOG.debug("{} <-- response\n{}", identity, response);
        ClientTransaction transaction = event.getClientTransaction();
        if (transaction == null || response.getStatusCode() < 200) {
            return;
        }
        Pending waiting = pending.remove(transaction.getBranchId());
        if (waiting == null) {
            return;
        }
        int status = response.getStatusCode();
        if ((status == Response.UNAUTHORIZED || status == Response.PROXY_AUTHENTICATION_REQUIRED)
                && waiting.challenges() < MAX_CHALLENGES && retryWithCredentials(transaction, response, waiting)) {
            return;
        }
        if (status / 100 == 2 && Request.INVITE.equals(transaction.getRequest().getMethod())) {
            acknowledge(event.getDialog(), response);
        }
        waiting.future().complete(new Final(response, transaction));
    }

    private boolean retryWithCredentials(ClientTransaction challenged, Response challenge, Pending waiting) {
        try {
            Optional<ClientTransaction> retry = options.authenticator().answer(challenged, challenge, stack, provider,
                    headers);
            if (retry.isEmpty()) {
                return false;
            }
            ClientTransaction next = retry.get();
            pending.put(next.getBranchId(), new Pending(waiting.future(), waiting.dialog(), waiting.challenges() + 1));
            LOG.debug("{} --> {} (with credentials)\n{}", identity, options.outboundProxy(), next.getRequest());
            if (waiting.dialog() != null) {
                waiting.dialog().sendRequest(next);
            } else {
                next.sendRequest();
            }
            return true;
        } catch (SipException e) {
            LOG.warn("{} - cannot answer the {} challenge: {}", identity, challenge.getStatusCode(), e.toString());
            return false;
        }
    }

    private void acknowledge(Dialog dialog, Response ok) {
        try {
            long cseq = ((CSeqHeader) ok.getHeader(CSeqHeader.NAME)).getSeqNumber();
            Request ack = dialog.createAck(cseq);
            LOG.debug("{} --> ACK\n{}", identity, ack);
            dialog.sendAck(ack);
        } catch (InvalidArgumentException | SipException e) {
            LOG.warn("{} - cannot ACK the 2xx to INVITE: {}", identity, e.toString());
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (event.getClientTransaction() != null) {
            Pending waiting = pending.remove(event.getClientTransaction().getBranchId());
            LOG.info("{} - {} timed out without a final response", identity,
                    event.getClientTransaction().getRequest().getMethod());
            if (waiting != null) {
                waiting.future().complete(new Final(null, event.getClientTransaction()));
            }
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.info("{} - I/O error towards {}:{}/{}", identity, event.getHost(), event.getPort(), event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // Final responses complete their futures in processResponse; nothing is left to do here.
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        LOG.debug("{} - dialog {} terminated", identity, event.getDialog().getDialogId());
    }

    @Override
    public void close() {
        pending.values().forEach(p -> p.future().cancel(false));
        stack.stop();
        LOG.debug("{} - stack stopped", identity);
    }

    /** How long to wait for answers. */
    Duration timeout() {
        return options.timeout();
    }
}
