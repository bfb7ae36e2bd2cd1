package org.pchat.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchat.proxy.support.ClientDialog;
import org.pchat.proxy.support.Digest;
import org.pchat.proxy.support.ProxyFixture;
import org.pchat.proxy.support.SipText;
import org.pchat.proxy.support.SipUser;

/** Requests between users of the domain go to the callee's registered contacts (RFC 3261 §16.5, RFC 3428). */
class UserRoutingIT {

    private ProxyFixture fixture;

    @BeforeEach
    void start() {
        fixture = new ProxyFixture(List.of());
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    /** Registers over UDP with an RFC-style retry (new branch, CSeq + 1). */
    private static void register(SipUser user) throws Exception {
        String callId = "reg-" + UUID.randomUUID();
        user.socket.send(user.register(callId, user.nextCseq(), SipUser.branch(), 3600, null));
        String challenge = user.socket.awaitFinal("REGISTER").header("Proxy-Authenticate").orElseThrow();
        user.socket.send(user.register(callId, user.nextCseq(), SipUser.branch(), 3600, "Proxy-Authorization: "
                + Digest.answer(challenge, "REGISTER", "sip:example.com", user.username(), user.password,
                "00000001")));
        assertThat(user.socket.awaitFinal("REGISTER").status()).isEqualTo(200);
    }

    /** Sends {@code method} with digest after the 407, returns the text sent (with credentials). */
    private static String authenticated(SipUser user, String method, String uri, String callId, String type,
                                        String body) throws Exception {
        user.socket.send(user.request(method, uri, callId, user.nextCseq(), SipUser.branch(), uri, null, null, type,
                body));
        SipText challenge = user.socket.awaitFinal(method);
        assertThat(challenge.status()).isEqualTo(407);
        String header = "Proxy-Authorization: " + Digest.answer(challenge.header("Proxy-Authenticate").orElseThrow(),
                method, uri, user.username(), user.password, "00000001");
        String text = user.request(method, uri, callId, user.nextCseq(), SipUser.branch(), uri, null, header, type,
                body);
        user.socket.send(text);
        return text;
    }

    @Test
    void messageBetweenRegisteredUsersIsRelayedAndAnswered_rfc3428_4() throws Exception {
        try (SipUser alice = fixture.udpUser("alice"); SipUser bob = fixture.udpUser("bob")) {
            register(bob);
            authenticated(alice, "MESSAGE", "sip:bob@example.com", "m-" + UUID.randomUUID(), "text/plain", "hi bob");

            SipText relayed = bob.socket.awaitRequest("MESSAGE");
            assertThat(relayed.body()).isEqualTo("hi bob");
            assertThat(relayed.requestUri()).isEqualTo(bob.contact());
            assertThat(String.join(",", relayed.headers("Via"))).contains("branch=z9hG4bK-pxy-")
                    .contains("127.0.0.1:" + alice.socket.localPort());
            assertThat(relayed.header("Proxy-Authorization")).isEmpty();
            assertThat(relayed.header("P-Asserted-Identity")).hasValue("<sip:alice@example.com>");
            bob.socket.send(ClientDialog.ok(relayed));

            SipText ok = alice.socket.awaitFinal("MESSAGE");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(String.join(",", ok.headers("Via"))).doesNotContain("z9hG4bK-pxy-");
        }
    }

    @Test
    void unregisteredUserGets480_rfc3261_21_4_18() throws Exception {
        try (SipUser alice = fixture.udpUser("alice")) {
            authenticated(alice, "MESSAGE", "sip:carol@example.com", "m-" + UUID.randomUUID(), "text/plain", "hi");

            assertThat(alice.socket.awaitFinal("MESSAGE").status()).isEqualTo(480);
        }
    }

    @Test
    void foreignDomainIsNotRelayed_rfc3261_16_4() throws Exception {
        try (SipUser alice = fixture.udpUser("alice")) {
            authenticated(alice, "MESSAGE", "sip:eve@elsewhere.org", "m-" + UUID.randomUUID(), "text/plain", "hi");

            assertThat(alice.socket.awaitFinal("MESSAGE").status()).isEqualTo(403);
        }
    }

    @Test
    void cancelledInviteIsCancelledDownstreamAnd487Relayed_rfc3261_16_10() throws Exception {
        try (SipUser alice = fixture.udpUser("alice"); SipUser bob = fixture.udpUser("bob")) {
            register(bob);
            String invite = authenticated(alice, "INVITE", "sip:bob@example.com", "i-" + UUID.randomUUID(),
                    "application/sdp", "v=0\r\n");
            SipText atBob = bob.socket.awaitRequest("INVITE");
            assertThat(atBob.headers("Record-Route")).isNotEmpty();
            bob.socket.send(ClientDialog.ok(atBob).replace("SIP/2.0 200 OK", "SIP/2.0 180 Ringing"));
            assertThat(alice.socket.await(m -> m.isResponse() && m.status() == 180).status()).isEqualTo(180);

            SipText sent = SipText.parse(invite.replace("\n", "\r\n"));
            String via = sent.header("Via").orElseThrow();
            alice.socket.send("CANCEL sip:bob@example.com SIP/2.0\nVia: " + via + "\nFrom: "
                    + sent.header("From").orElseThrow() + "\nTo: " + sent.header("To").orElseThrow() + "\nCall-ID: "
                    + sent.header("Call-ID").orElseThrow() + "\nCSeq: " + sent.cseq() + " CANCEL\nMax-Forwards: 70\n"
                    + "Content-Length: 0\n\n");
            assertThat(alice.socket.awaitFinal("CANCEL").status()).isEqualTo(200);

            SipText cancel = bob.socket.awaitRequest("CANCEL");
            bob.socket.send(ClientDialog.ok(cancel));
            bob.socket.send(ClientDialog.ok(atBob).replace("SIP/2.0 200 OK", "SIP/2.0 487 Request Terminated"));

            assertThat(alice.socket.awaitFinal("INVITE").status()).isEqualTo(487);
        }
    }
}
