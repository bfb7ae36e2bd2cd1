package org.pchat.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchat.proxy.auth.DigestAlgorithm;
import org.pchat.proxy.support.Digest;
import org.pchat.proxy.support.ProxyFixture;
import org.pchat.proxy.support.SipText;
import org.pchat.proxy.support.SipUser;

/** REGISTER through the proxy's registrar with digest authentication (RFC 3261 §10, RFC 7616, xccos.md §11). */
class RegistrarIT {

    private ProxyFixture fixture;

    @BeforeEach
    void start() {
        fixture = new ProxyFixture(List.of());
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void registerWithoutCredentialsIsChallengedWith407Md5QopAuth_xccos11() throws Exception {
        try (SipUser alice = fixture.tcpUser("alice")) {
            alice.socket.send(alice.register("c1", 1, SipUser.branch(), 3600, null));

            SipText challenge = alice.socket.awaitFinal("REGISTER");

            assertThat(challenge.status()).isEqualTo(407);
            String header = challenge.header("Proxy-Authenticate").orElseThrow();
            assertThat(Digest.challenge(header)).containsEntry("realm", "example.com").containsEntry("qop", "auth")
                    .containsEntry("algorithm", "MD5").containsKey("nonce");
            assertThat(challenge.header("Content-Length")).hasValue("0");
        }
    }

    @Test
    void lyncStyleRetryWithSameCseqBranchAndNullUriRegisters_xccos11() throws Exception {
        try (SipUser alice = fixture.tcpUser("alice")) {
            SipText ok = alice.registerLikeLync(3600);

            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("Expires")).hasValue("3600");
            assertThat(ok.header("Supported")).hasValue("msrtc-event-categories");
            assertThat(ok.header("Allow-Events")).hasValue("vnd-microsoft-provisioning-v2");
            assertThat(ok.header("ms-keep-alive")).get().asString().contains("timeout=300");
            assertThat(ok.header("Contact")).get().asString().contains(alice.contact()).contains("expires=");
            assertThat(fixture.proxy.bindings("sip:alice@example.com")).hasSize(1);
        }
    }

    @Test
    void wrongPasswordIsRefusedWith403_rfc3261_22_3() throws Exception {
        try (SipUser alice = new SipUser(org.pchat.proxy.support.SipSocket.tcp(fixture.tcpPort()), "alice",
                "wrong")) {
            SipText answer = alice.registerLikeLync(3600);

            assertThat(answer.status()).isEqualTo(403);
            assertThat(fixture.proxy.bindings("sip:alice@example.com")).isEmpty();
        }
    }

    @Test
    void unknownUserIsRefusedLikeAWrongPassword_rfc3261_22_3() throws Exception {
        try (SipUser mallory = fixture.tcpUser("mallory")) {
            assertThat(mallory.registerLikeLync(3600).status()).isEqualTo(403);
        }
    }

    @Test
    void registeringAnotherUsersAddressIsForbidden_rfc3261_10_3() throws Exception {
        try (SipUser alice = fixture.tcpUser("alice")) {
            String callId = "c-" + UUID.randomUUID();
            String branch = SipUser.branch();
            String asBob = alice.register(callId, 1, branch, 3600, null).replace("<sip:alice@example.com>",
                    "<sip:bob@example.com>");
            alice.socket.send(asBob);
            String challenge = alice.socket.awaitFinal("REGISTER").header("Proxy-Authenticate").orElseThrow();
            alice.socket.send(alice.register(callId, 1, branch, 3600, "Proxy-Authorization: "
                    + Digest.answer(challenge, "REGISTER", "(null)", "alice@example.com", "secret", "00000001"))
                    .replace("<sip:alice@example.com>", "<sip:bob@example.com>"));

            assertThat(alice.socket.awaitFinal("REGISTER").status()).isEqualTo(403);
        }
    }

    @Test
    void replayedNonceCountIsChallengedAgainAsStale_rfc7616_3_3() throws Exception {
        try (SipUser alice = fixture.udpUser("alice")) {
            alice.socket.send(alice.register("c2", 1, SipUser.branch(), 3600, null));
            String challenge = alice.socket.awaitFinal("REGISTER").header("Proxy-Authenticate").orElseThrow();
            String auth = "Proxy-Authorization: "
                    + Digest.answer(challenge, "REGISTER", "(null)", "alice@example.com", "secret", "00000001");
            alice.socket.send(alice.register("c2", 2, SipUser.branch(), 3600, auth));
            assertThat(alice.socket.awaitFinal("REGISTER").status()).isEqualTo(200);

            alice.socket.send(alice.register("c2", 3, SipUser.branch(), 3600, auth));
            SipText replay = alice.socket.awaitFinal("REGISTER");

            assertThat(replay.status()).isEqualTo(407);
            assertThat(replay.header("Proxy-Authenticate")).get().asString().contains("stale=TRUE");
        }
    }

    @Test
    void authenticatedConnectionIsNotChallengedAgain_xccos11() throws Exception {
        try (SipUser alice = fixture.tcpUser("alice")) {
            assertThat(alice.registerLikeLync(3600).status()).isEqualTo(200);

            alice.socket.send(alice.register("c3", alice.nextCseq(), SipUser.branch(), 1800, null));

            assertThat(alice.socket.awaitFinal("REGISTER").status()).isEqualTo(200);
        }
    }

    @Test
    void severalDevicesOfOneUserHaveBindingsAndExpiresZeroRemovesOne_rfc3261_10_3() throws Exception {
        try (SipUser phone = fixture.tcpUser("bob"); SipUser desk = fixture.tcpUser("bob")) {
            assertThat(phone.registerLikeLync(3600).status()).isEqualTo(200);
            SipText second = desk.registerLikeLync(3600);
            assertThat(second.status()).isEqualTo(200);
            assertThat(String.join(",", second.headers("Contact"))).contains(phone.contact(), desk.contact());

            desk.socket.send(desk.register("dereg", desk.nextCseq(), SipUser.branch(), 0, null));
            SipText gone = desk.socket.awaitFinal("REGISTER");

            assertThat(gone.status()).isEqualTo(200);
            assertThat(fixture.proxy.bindings("sip:bob@example.com")).extracting(b -> b.contactUri())
                    .containsExactly(phone.contact());
        }
    }

    @Test
    void expiresBelowTheMinimumGets423WithMinExpires_rfc3261_10_3_step7() throws Exception {
        try (SipUser alice = fixture.tcpUser("alice")) {
            SipText answer = alice.registerLikeLync(10);

            assertThat(answer.status()).isEqualTo(423);
            assertThat(answer.header("Min-Expires")).hasValue("60");
        }
    }

    @Test
    void repeatedFailuresFromOneAddressAreThrottled() throws Exception {
        fixture.close();
        fixture = new ProxyFixture(List.of(), b -> b.authFailureLimit(3).authFailureWindow(Duration.ofMinutes(1)));
        try (SipUser alice = new SipUser(org.pchat.proxy.support.SipSocket.udp(fixture.udpPort()), "alice",
                "wrong")) {
            for (int i = 0; i < 3; i++) {
                assertThat(alice.registerLikeLync(3600).status()).isEqualTo(403);
            }
            alice.socket.send(alice.register("c4", alice.nextCseq(), SipUser.branch(), 3600, null));
            SipText throttled = alice.socket.awaitFinal("REGISTER");

            assertThat(throttled.status()).isEqualTo(403);
            assertThat(throttled.startLine()).contains("Too many authentication failures");
        }
    }

    @Test
    void rfcStrictModeChallengesRegisterWith401AndAcceptsSha256_rfc7616_3_7() throws Exception {
        fixture.close();
        fixture = new ProxyFixture(List.of(), b -> b.challengeMode(ChallengeMode.WWW_AUTHENTICATE)
                .challengeAlgorithms(List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5)));
        try (SipUser alice = fixture.udpUser("alice")) {
            alice.socket.send(alice.register("c5", 1, SipUser.branch(), 3600, null));
            SipText challenge = alice.socket.awaitFinal("REGISTER");
            assertThat(challenge.status()).isEqualTo(401);
            List<String> offers = challenge.headers("WWW-Authenticate");
            assertThat(offers).hasSize(2);
            assertThat(offers.get(0)).contains("algorithm=SHA-256");

            alice.socket.send(alice.register("c5", 2, SipUser.branch(), 3600, "Authorization: "
                    + Digest.answer(offers.get(0), "REGISTER", "sip:example.com", "alice@example.com", "secret",
                    "00000001")));

            assertThat(alice.socket.awaitFinal("REGISTER").status()).isEqualTo(200);
        }
    }
}
