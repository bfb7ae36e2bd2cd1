package org.pchat.proxy.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.pchat.proxy.pool.PoolNodeAddress;
import org.pchat.sip.DialogHandle;
import org.pchat.sip.IncomingRequest;
import org.pchat.sip.RequestOutcome;
import org.pchat.sip.SipEndpoint;
import org.pchat.sip.SipEndpointListener;
import org.pchat.sip.SipStackConfig;
import org.pchat.sip.SipTransport;
import org.pchat.sip.TerminationReason;

/**
 * A chat node stand-in on the project's own SIP endpoint: accepts INVITEs, answers every INFO 200 and then sends
 * an INFO back in the dialog with {@code echo:<body>}; answers OPTIONS and MESSAGE 200. While {@link #busy}, it
 * answers new INVITEs 503 with {@code Retry-After: }{@value #BUSY_RETRY_AFTER}, as a chat node behind on its work
 * does.
 */
public final class FakeNode implements AutoCloseable {

    public final String name;
    private final SipEndpoint endpoint;
    public final List<IncomingRequest> received = new CopyOnWriteArrayList<>();
    public final Map<String, DialogHandle> dialogs = new ConcurrentHashMap<>();
    public static final int BUSY_RETRY_AFTER = 7;

    /** INVITEs accepted. */
    public final AtomicInteger invites = new AtomicInteger();
    /** INVITEs answered 503 while busy. */
    public final AtomicInteger refused = new AtomicInteger();
    public volatile boolean busy;
    public final List<RequestOutcome> infoOutcomes = new CopyOnWriteArrayList<>();

    public FakeNode(String name) {
        this.name = name;
        SipStackConfig config = SipStackConfig.builder(name).bindAddress("127.0.0.1").listen(SipTransport.TCP, 0)
                .threadPoolSize(2).build();
        this.endpoint = new SipEndpoint(config, this::onRequest, new SipEndpointListener() {
            @Override
            public void onDialogTerminated(DialogHandle dialog, TerminationReason reason) {
                dialogs.remove(dialog.callId());
            }

            @Override
            public void onRequestFailed(DialogHandle dialog, String method, RequestOutcome outcome) {
                infoOutcomes.add(outcome);
            }

            @Override
            public void onTransportError(String peer, String transport) {
                // a fake node has nothing to clean up
            }
        });
        endpoint.start();
    }

    private void onRequest(IncomingRequest in) {
        received.add(in);
        switch (in.method()) {
            case "INVITE" -> {
                if (busy) {
                    refused.incrementAndGet();
                    in.respond(503, "Service Unavailable: busy", retryAfter(), null, null);
                    return;
                }
                invites.incrementAndGet();
                in.respond(200);
                in.dialog().ifPresent(d -> dialogs.put(d.callId(), d));
            }
            case "INFO" -> {
                in.respond(200);
                in.dialog().ifPresent(d -> d.sendInfo("text/plain", "echo:" + in.bodyAsString())
                        .thenAccept(infoOutcomes::add));
            }
            default -> in.respond(200);
        }
    }

    private List<javax.sip.header.Header> retryAfter() {
        try {
            return List.of(endpoint.headerFactory().createRetryAfterHeader(BUSY_RETRY_AFTER));
        } catch (javax.sip.InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return endpoint.boundPort(SipTransport.TCP);
    }

    public PoolNodeAddress address() {
        return new PoolNodeAddress("127.0.0.1", port(), SipTransport.TCP);
    }

    public long count(String method) {
        return received.stream().filter(r -> r.method().equals(method)).count();
    }

    @Override
    public void close() {
        endpoint.close();
    }
}
