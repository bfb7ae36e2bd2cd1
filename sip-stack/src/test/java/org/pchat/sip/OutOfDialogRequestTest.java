package org.pchat.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import org.junit.jupiter.api.Test;

/** A request outside any dialog, sent down the connection a client opened (xccos.md §11, RFC 3261 §8.1). */
class OutOfDialogRequestTest {

    private static Request message(SipEndpoint endpoint) throws Exception {
        AddressFactory addresses = endpoint.addressFactory();
        HeaderFactory headers = endpoint.headerFactory();
        Request request = endpoint.messageFactory().createRequest(
                addresses.createURI("sip:alice@example.com"), Request.MESSAGE,
                headers.createCallIdHeader(UUID.randomUUID().toString()),
                headers.createCSeqHeader(1L, Request.MESSAGE),
                headers.createFromHeader(addresses.createAddress("sip:ocschat@example.com"), "srv1"),
                headers.createToHeader(addresses.createAddress("sip:alice@example.com"), null),
                new ArrayList<ViaHeader>(), headers.createMaxForwardsHeader(70));
        request.setContent("hello", headers.createContentTypeHeader("text", "plain"));
        return request;
    }

    @Test
    void messageGoesDownTheFlowOfAClientThatNeverListens() throws Exception {
        RecordingApp app = new RecordingApp();
        SipEndpoint endpoint = TestEndpoints.start(TestEndpoints.config("out-of-dialog").build(), app);
        try (RawTransport tcp = RawTransport.tcp(endpoint.boundPort(SipTransport.TCP));
             RawUac client = new RawUac(tcp, true)) {
            tcp.send(RawTransport.crlf("""
                    OPTIONS sip:ocschat@127.0.0.1 SIP/2.0
                    Via: SIP/2.0/TCP 127.0.0.1:%d;branch=z9hG4bK-%s
                    From: <sip:alice@example.com>;tag=a1
                    To: <sip:ocschat@example.com>
                    Call-ID: %s
                    CSeq: 1 OPTIONS
                    Max-Forwards: 70
                    Content-Length: 0

                    """.formatted(tcp.localPort(), UUID.randomUUID(), UUID.randomUUID())));
            assertThat(client.awaitFinal("OPTIONS").status()).isEqualTo(200);
            Flow flow = app.awaitRequest("OPTIONS").flow();

            CompletableFuture<RequestOutcome> sent = endpoint.sendRequest(message(endpoint), Optional.of(flow));
            RawSipMessage received = client.awaitRequest("MESSAGE");
            client.respond(received, 200, "OK");

            assertThat(flow.remotePort()).isEqualTo(tcp.localPort());
            assertThat(received.body()).isEqualTo("hello");
            assertThat(received.header("Content-Length")).hasValue("5");
            assertThat(sent.get(10, TimeUnit.SECONDS)).isInstanceOf(RequestOutcome.Success.class);
        } finally {
            endpoint.close();
        }
    }
}
