package org.pchat.interop.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How the load driver reads Retry-After (RFC 3261 §20.33) off a 503 and the session-timer headers (RFC 4028). */
class SipMessageTest {

    private static SipMessage unavailable(String... retryAfter) {
        List<SipMessage.Header> headers = java.util.Arrays.stream(retryAfter)
                .map(v -> new SipMessage.Header("Retry-After", v)).toList();
        return new SipMessage("SIP/2.0 503 Service Unavailable", headers, "");
    }

    @Test
    void theDeltaSecondsAreReadWithoutTheCommentAndParameters_rfc3261_20_33() {
        assertThat(unavailable("18000;duration=3600").retryAfterSeconds()).hasValue(18000);
        assertThat(unavailable("120 (I'm in a meeting)").retryAfterSeconds()).hasValue(120);
    }

    @Test
    void aMissingOrMalformedRetryAfterGivesNothing() {
        assertThat(unavailable().retryAfterSeconds()).isEmpty();
        assertThat(unavailable("soon").retryAfterSeconds()).isEmpty();
    }

    @Test
    void anAbsurdlyLongValueIsCutToNineDigitsRatherThanOverflowing() {
        assertThat(unavailable("949302838503028349304023988").retryAfterSeconds()).hasValue(949302838L);
    }

    @Test
    void sessionExpiresIsReadWithoutItsRefresherInLongAndCompactForm_rfc4028_4() {
        assertThat(new SipMessage("SIP/2.0 200 OK", List.of(new SipMessage.Header("Session-Expires",
                "1800;refresher=uac")), "").sessionExpiresSeconds()).hasValue(1800);
        assertThat(new SipMessage("SIP/2.0 200 OK", List.of(new SipMessage.Header("x", "90")), "")
                .sessionExpiresSeconds()).hasValue(90);
    }

    @Test
    void minSeIsReadOffA422_rfc4028_5() {
        assertThat(new SipMessage("SIP/2.0 422 Session Interval Too Small",
                List.of(new SipMessage.Header("Min-SE", "90")), "").minSeSeconds()).hasValue(90);
    }
}
