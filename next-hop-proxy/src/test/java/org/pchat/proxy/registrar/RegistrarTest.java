package org.pchat.proxy.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.pchat.sip.Flow;
import org.pchat.sip.SipTransport;

/** The registrar's binding rules (RFC 3261 §10.3). */
class RegistrarTest {

    private static final String ALICE = "sip:alice@example.com";
    private static final Flow FLOW = new Flow(SipTransport.TCP, "192.0.2.1", 50000);

    private final Registrar registrar = new Registrar("test", Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"),
            ZoneOffset.UTC), 60, 3600, 7200, 2, 100);

    private static RegisterRequest request(long cseq, OptionalInt expires, String... contacts) {
        List<ContactSpec> specs = java.util.Arrays.stream(contacts)
                .map(c -> new ContactSpec(c, OptionalInt.empty(), Optional.empty(), false)).toList();
        return new RegisterRequest(ALICE, false, specs, expires, "call-1", cseq, FLOW);
    }

    @Test
    void defaultExpiryIsGrantedAndTheLongestIsShortened_step7() {
        RegisterResult ok = registrar.register(request(1, OptionalInt.empty(), "sip:a@192.0.2.1"));
        RegisterResult capped = registrar.register(request(2, OptionalInt.of(99_999), "sip:a@192.0.2.1"));

        assertThat(((RegisterResult.Registered) ok).grantedExpires()).isEqualTo(3600);
        assertThat(((RegisterResult.Registered) capped).grantedExpires()).isEqualTo(7200);
    }

    @Test
    void tooBriefExpiryGets423WithTheMinimum_step7() {
        assertThat(registrar.register(request(1, OptionalInt.of(10), "sip:a@192.0.2.1")))
                .isEqualTo(new RegisterResult.IntervalTooBrief(60));
    }

    @Test
    void expiresZeroRemovesTheBinding_step7() {
        registrar.register(request(1, OptionalInt.empty(), "sip:a@192.0.2.1"));
        registrar.register(request(2, OptionalInt.of(0), "sip:a@192.0.2.1"));

        assertThat(registrar.lookup(ALICE)).isEmpty();
        assertThat(registrar.size()).isZero();
    }

    @Test
    void oldestDeviceGivesWayBeyondTheLimitPerUser() {
        registrar.register(request(1, OptionalInt.empty(), "sip:a@192.0.2.1"));
        registrar.register(request(2, OptionalInt.empty(), "sip:b@192.0.2.2"));
        registrar.register(request(3, OptionalInt.empty(), "sip:c@192.0.2.3"));

        assertThat(registrar.lookup(ALICE)).extracting(Binding::contactUri).hasSize(2)
                .doesNotContain("sip:a@192.0.2.1");
    }

    @Test
    void olderCseqOnTheSameCallIdIsOutOfOrder_step7() {
        registrar.register(request(5, OptionalInt.empty(), "sip:a@192.0.2.1"));

        assertThat(registrar.register(request(4, OptionalInt.empty(), "sip:a@192.0.2.1")))
                .isInstanceOf(RegisterResult.OutOfOrder.class);
    }

    @Test
    void starWithExpiresZeroRemovesAllAndWithoutIsInvalid_step6() {
        registrar.register(request(1, OptionalInt.empty(), "sip:a@192.0.2.1", "sip:b@192.0.2.2"));

        assertThat(registrar.register(new RegisterRequest(ALICE, true, List.of(), OptionalInt.of(5), "c", 2, FLOW)))
                .isInstanceOf(RegisterResult.Invalid.class);
        registrar.register(new RegisterRequest(ALICE, true, List.of(), OptionalInt.of(0), "c", 3, FLOW));
        assertThat(registrar.lookup(ALICE)).isEmpty();
    }
}
