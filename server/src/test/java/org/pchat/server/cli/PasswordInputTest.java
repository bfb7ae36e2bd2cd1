package org.pchat.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordInputTest {

    private static PasswordInput stdin(String text) {
        return new PasswordInput(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                prompt -> Optional.empty());
    }

    @Test
    void readsOnlyTheFirstLineOfStdin() {
        assertThat(stdin("pässword\nsecond line\n").read("sip:a@example.com", true)).containsExactly(
                "pässword".toCharArray());
    }

    @Test
    void stripsAWindowsLineEnding() {
        assertThat(stdin("password\r\n").read("sip:a@example.com", true)).containsExactly("password".toCharArray());
    }

    @Test
    void acceptsALastLineWithoutNewline() {
        assertThat(stdin("password").read("sip:a@example.com", true)).containsExactly("password".toCharArray());
    }

    @Test
    void refusesAnOverlongPassword() {
        assertThatThrownBy(() -> stdin("x".repeat(1025)).read("sip:a@example.com", true))
                .isInstanceOf(UsageException.class)
                .hasMessage("the password for sip:a@example.com on stdin is longer than 1024 characters");
    }
}
