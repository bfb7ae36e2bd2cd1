package org.pchat.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.message.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Raw mode, the extension point for a stateful proxy (RFC 3261 §16): every request reaches the caller's
 * listener unanswered, including branch-less in-dialog ACKs that match no dialog, and client transactions can
 * be pinned to a peer's own connection.
 */
class RawModeTest {

    private final List<RequestEvent> requests = new CopyOnWriteArrayList<>();
    private SipEndpoint endpoint;

    @BeforeEach
    void start() {
        endpoint = SipEndpoint.raw(TestEndpoints.config("raw").build(), new SipListener() {
            @Override
            public void processRequest(RequestEvent event) {
                requests.add(event);
            }

            @Override
            public void processResponse(ResponseEvent event) {
            }

            @Override
            public void processTimeout(TimeoutEvent event) {
            }

            @Override
            public void processIOException(IOExceptionEvent event) {
            }

            @Override
            public void processTransactionTerminated(TransactionTerminatedEvent event) {
            }

            @Override
            public void processDialogTerminated(DialogTerminatedEvent event) {
            }
        });
        endpoint.start();
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    @Test
    void inDialogRequestOnUnknownDialogReachesTheListenerInsteadOf481_rfc3261_16_4() throws Exception {
        try (RawUac uac = new RawUac(RawTransport.tcp(endpoint.boundPort(SipTransport.TCP)), true)) {
            uac.transport().send(uac.invite().replace("To: <sip:ocschat@example.com>",
                    "To: <sip:ocschat@example.com>;tag=abc"));

            await().atMost(Duration.ofSeconds(5)).until(() -> requests.size() == 1);
            assertThat(requests.get(0).getRequest().getMethod()).isEqualTo(Request.INVITE);
            assertThat(uac.transport().receive(Duration.ofMillis(300))).isEmpty();
        }
    }

    @Test
    void branchlessAckWithoutDialogOrTransactionIsDelivered_rfc3261_17_2_3() throws Exception {
        try (RawUac uac = new RawUac(RawTransport.tcp(endpoint.boundPort(SipTransport.TCP)), false)) {
            String ack = uac.invite().replace("INVITE sip:", "ACK sip:").replace(" INVITE\r\n", " ACK\r\n")
                    .replace("To: <sip:ocschat@example.com>", "To: <sip:ocschat@example.com>;tag=abc");
            uac.transport().send(ack);

            await().atMost(Duration.ofSeconds(5)).until(() -> requests.size() == 1);
            assertThat(requests.get(0).getRequest().getMethod()).isEqualTo(Request.ACK);
        }
    }

    @Test
    void clientTransactionPinnedToAFlowGoesDownThePeersConnection_rfc5923() throws Exception {
        try (RawUac uac = new RawUac(RawTransport.tcp(endpoint.boundPort(SipTransport.TCP)), true)) {
            uac.transport().send(uac.invite());
            await().atMost(Duration.ofSeconds(5)).until(() -> requests.size() == 1);
            Request options = endpoint.messageFactory().createRequest(
                    "OPTIONS sip:nobody@192.0.2.1:9;transport=tcp SIP/2.0\r\n"
                            + "Via: SIP/2.0/TCP 127.0.0.1:" + endpoint.boundPort(SipTransport.TCP)
                            + ";branch=z9hG4bK-raw-1\r\n"
                            + "From: <sip:proxy@example.com>;tag=1\r\nTo: <sip:nobody@example.com>\r\n"
                            + "Call-ID: raw-options\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\n"
                            + "Content-Length: 0\r\n\r\n");
            Flow flow = new Flow(SipTransport.TCP, "127.0.0.1", uac.transport().localPort());

            ClientTransaction transaction = endpoint.newClientTransaction(options, Optional.of(flow));
            transaction.sendRequest();

            RawSipMessage received = uac.awaitRequest("OPTIONS");
            assertThat(received.header("Call-ID")).hasValue("raw-options");
        }
    }

    @Test
    void dialogOperationsAreRefusedInRawMode() throws Exception {
        Request anything = endpoint.messageFactory().createRequest(
                "MESSAGE sip:bob@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5;branch=z9hG4bK-x\r\n"
                        + "From: <sip:a@example.com>;tag=1\r\nTo: <sip:bob@example.com>\r\nCall-ID: x\r\n"
                        + "CSeq: 1 MESSAGE\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n");
        assertThatThrownBy(() -> endpoint.sendRequest(anything, Optional.empty()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("raw endpoint 'raw'");
    }
}
