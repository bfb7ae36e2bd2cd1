package org.pchat.server.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DomainEnumsTest {

    @Test
    void privacyParsesIgnoringCase() {
        assertThat(Privacy.parse("Secret")).isEqualTo(Privacy.SECRET);
    }

    @Test
    void badPrivacyNamesTheValueAndTheAcceptedOnes() {
        assertThatThrownBy(() -> Privacy.parse("public"))
                .isInstanceOf(DirectoryException.class)
                .hasMessage("privacy 'public' is not one of open|closed|secret")
                .extracting(e -> ((DirectoryException) e).kind()).isEqualTo(DirectoryException.Kind.INVALID);
    }

    @Test
    void roomTypeParsesAndRejects() {
        assertThat(RoomType.parse("auditorium")).isEqualTo(RoomType.AUDITORIUM);
        assertThatThrownBy(() -> RoomType.parse("stage"))
                .hasMessage("room type 'stage' is not one of normal|auditorium");
    }

    @Test
    void invitationsUseTrueAndFalseAsText() {
        assertThat(Invitations.parse("TRUE")).isEqualTo(Invitations.ENABLED);
        assertThat(Invitations.DISABLED.text()).isEqualTo("false");
        assertThatThrownBy(() -> Invitations.parse("yes"))
                .hasMessage("invitations 'yes' is not one of inherit|true|false");
    }

    @Test
    void inheritedInvitationsFollowTheCategory() {
        assertThat(Invitations.INHERIT.effective(true)).isTrue();
        assertThat(Invitations.INHERIT.effective(false)).isFalse();
        assertThat(Invitations.ENABLED.effective(false)).isTrue();
        assertThat(Invitations.DISABLED.effective(true)).isFalse();
    }

    @Test
    void missingEnumTextIsRejected() {
        assertThatThrownBy(() -> Privacy.parse(null)).hasMessage("privacy 'null' is not one of open|closed|secret");
    }

    @Test
    void chatMessageToStringHidesTheText() {
        ChatMessage message = new ChatMessage(java.util.UUID.randomUUID(), 1, 1, "sip:a@example.com",
                java.time.Instant.EPOCH, "secret plans", false, null);

        assertThat(message.toString()).doesNotContain("secret plans").contains("text=<12 chars>");
    }
}
