package org.pchat.server.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pchat.server.chat.ChatErrorCode;
import org.pchat.server.chat.ChatException;
import org.pchat.server.domain.RoomRole;
import org.pchat.xccos.model.ChanUri;

/** xccos.md §4.5 permission masks and §6 room URIs. */
class XccosViewsTest {

    private final XccosViews views = new XccosViews("example.com");

    @Test
    void aMemberAndAnOpenRoomVisitorCarryMask3984() {
        assertThat(XccosViews.mask(Set.of(RoomRole.MEMBER)).mask()).isEqualTo(3984);
        assertThat(XccosViews.mask(Set.of()).mask()).isEqualTo(3984);
    }

    @Test
    void aManagerCarriesMask12276() {
        assertThat(XccosViews.mask(Set.of(RoomRole.MEMBER, RoomRole.MANAGER)).mask()).isEqualTo(12276);
    }

    @Test
    void aPresenterAddsBit12() {
        assertThat(XccosViews.mask(Set.of(RoomRole.MEMBER, RoomRole.PRESENTER)).mask()).isEqualTo(3984 + 4096);
    }

    @Test
    void aRoomUriOfThisDomainGivesTheRoomId() {
        UUID id = UUID.randomUUID();

        assertThat(views.roomId(ChanUri.parse("ma-chan://EXAMPLE.com/" + id))).isEqualTo(id);
    }

    @Test
    void aRoomUriOfAnotherDomainIsNotFound() {
        assertThatThrownBy(() -> views.roomId(ChanUri.of("other.org", UUID.randomUUID())))
                .isInstanceOfSatisfying(ChatException.class,
                        e -> assertThat(e.code()).isEqualTo(ChatErrorCode.NOT_FOUND))
                .hasMessageContaining("other.org");
    }

    @Test
    void aRoomUriWhosePathIsNotAGuidIsNotFound() {
        assertThatThrownBy(() -> views.roomId(ChanUri.of("example.com", "300")))
                .isInstanceOfSatisfying(ChatException.class,
                        e -> assertThat(e.code()).isEqualTo(ChatErrorCode.NOT_FOUND));
    }
}
