package org.pchat.xccos.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** toString keeps credentials and message bodies out of logs (xccos.md §4.11, §4.3, §5.1). */
class ToStringMaskingTest {

    private static final ChanUri ROOM = ChanUri.of("contoso.com", "300");

    @Test
    @DisplayName("§4.11: a file token is masked")
    void fileTokenIsMasked() {
        FileToken token = new FileToken("effab007-2465-45c5-b62f-04e1689cdd10", "https://fe/x.asmx");

        assertThat(token.toString()).doesNotContain("effab007").contains("https://fe/x.asmx");
    }

    @Test
    @DisplayName("§5.1: a chat message shows the text length, not the text")
    void chatTextIsMasked() {
        ChatMessage message = ChatMessage.of(ROOM, "sip:a@contoso.com", Instant.EPOCH, "my password is hunter2");

        assertThat(message.toString()).doesNotContain("hunter2").contains("text=<22 chars>");
        assertThat(XccosEnvelope.of(1, GroupChat.of(message)).toString()).doesNotContain("hunter2");
    }

    @Test
    @DisplayName("§4.3: preference content is masked")
    void preferenceContentIsMasked() {
        Preference preference = new Preference("label", OptionalLong.of(1), Optional.empty(),
                Optional.of("c2VjcmV0"));

        assertThat(preference.toString()).doesNotContain("c2VjcmV0").contains("<8 chars>");
    }

    @Test
    @DisplayName("§3.1: an envelope prints its envid unsigned")
    void envelopePrintsUnsignedEnvId() {
        assertThat(new XccosEnvelope(-1L, List.of()).toString()).contains("envId=18446744073709551615");
    }

    @Test
    @DisplayName("§5.1: timestamps are kept at 100 ns, the precision of the wire form")
    void timestampIsTruncatedToTicks() {
        ChatMessage message = ChatMessage.of(ROOM, "sip:a@contoso.com", Instant.parse("2010-09-14T14:26:17.620635699Z"),
                "x");

        assertThat(message.timestamp()).isEqualTo(Instant.parse("2010-09-14T14:26:17.6206356Z"));
    }
}
