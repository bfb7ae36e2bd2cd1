package org.pchat.server.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** xccos.md §2.1: the answer echoes the offered message media line with the node's address. */
class SdpAnswerTest {

    @Test
    void aMessageOfferIsAnsweredWithAMessageLine() {
        String offer = "v=0\r\nm=message 5061 sip null\r\n";

        String answer = new String(SdpAnswer.answer(offer.getBytes(StandardCharsets.UTF_8), "127.0.0.1", 5070),
                StandardCharsets.US_ASCII);

        assertThat(answer).contains("c=IN IP4 127.0.0.1\r\n").contains("m=message 5070 sip null\r\n");
    }

    @Test
    void anOldServerStyleOfferKeepsItsMediaType() {
        assertThat(SdpAnswer.media("v=0\nm=x-ms-message 5061 sip null\n")).isEqualTo("x-ms-message");
    }

    @Test
    void anInviteWithoutOfferGetsAMessageLine() {
        String answer = new String(SdpAnswer.answer(new byte[0], "::1", 5070), StandardCharsets.US_ASCII);

        assertThat(answer).contains("c=IN IP6 ::1").contains("m=message 5070 sip null");
    }
}
