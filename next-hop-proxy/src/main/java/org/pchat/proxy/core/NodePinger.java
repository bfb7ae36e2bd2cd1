package org.pchat.proxy.core;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.ClientTransaction;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import org.pchat.proxy.pool.PoolNodeAddress;
import org.pchat.sip.Flow;
import org.pchat.sip.SipEndpoint;

/** Health checks: an OPTIONS to a node; any final response means it is alive. */
final class NodePinger {

    /** The application data of a health-check transaction. */
    record Probe(PoolNodeAddress node, CompletableFuture<Boolean> answer) {
    }

    private final SipEndpoint endpoint;
    private final Addressing addressing;
    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final AddressFactory addresses;
    private final AtomicLong cseq = new AtomicLong();

    NodePinger(SipEndpoint endpoint, Addressing addressing) {
        this.endpoint = endpoint;
        this.addressing = addressing;
        this.messages = endpoint.messageFactory();
        this.headers = endpoint.headerFactory();
        this.addresses = endpoint.addressFactory();
    }

    CompletableFuture<Boolean> ping(PoolNodeAddress node) {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        try {
            SipURI target = addresses.createSipURI(null, node.host());
            target.setPort(node.port());
            target.setTransportParam(node.transport().jainSipName().toLowerCase(java.util.Locale.ROOT));
            SipURI proxy = addresses.createSipURI("pchat-proxy", addressing.domain());
            ViaHeader via = addressing.via(node.transport(), "z9hG4bK-pxh-" + UUID.randomUUID());
            Request options = messages.createRequest(target, Request.OPTIONS,
                    headers.createCallIdHeader("health-" + UUID.randomUUID()),
                    headers.createCSeqHeader(cseq.incrementAndGet(), Request.OPTIONS),
                    headers.createFromHeader(addresses.createAddress(proxy), Long.toHexString(System.nanoTime())),
                    headers.createToHeader(addresses.createAddress(target), null),
                    List.of(via), headers.createMaxForwardsHeader(1));
            ClientTransaction transaction = endpoint.newClientTransaction(options,
                    Optional.of(new Flow(node.transport(), node.host(), node.port())));
            transaction.setApplicationData(new Probe(node, answer));
            transaction.sendRequest();
        } catch (Exception e) {
            answer.complete(false);
        }
        return answer;
    }
}
