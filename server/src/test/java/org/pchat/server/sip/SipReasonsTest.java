package org.pchat.server.sip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 3261 §25.1: a Reason-Phrase is one line; ours is printable ASCII and bounded. */
class SipReasonsTest {

    @Test
    void controlCharactersAndNonAsciiBecomeSpaces() {
        assertThat(SipReasons.of("Bad Request", "line one\r\nline two \u00e9")).isEqualTo(
                "Bad Request: line one  line two");
    }

    @Test
    void longDetailsAreCutAtTheLimit() {
        assertThat(SipReasons.of("Bad Request", "x".repeat(1000))).hasSize(SipReasons.MAX_LENGTH);
    }

    @Test
    void anEmptyDetailLeavesThePhraseAlone() {
        assertThat(SipReasons.of("Not Found", "")).isEqualTo("Not Found");
    }
}
