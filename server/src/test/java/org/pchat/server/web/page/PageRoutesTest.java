package org.pchat.server.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageRoutesTest {

    @Test
    void afterLoginOnlyLocalPathsAreFollowed() {
        assertThat(PageRoutes.next("/rooms/abc")).isEqualTo("/rooms/abc");
        assertThat(PageRoutes.next("https://evil.example/")).isEqualTo("/rooms");
        assertThat(PageRoutes.next("//evil.example/")).isEqualTo("/rooms");
        assertThat(PageRoutes.next("/\\evil.example")).isEqualTo("/rooms");
        assertThat(PageRoutes.next("/rooms\r\nSet-Cookie: x")).isEqualTo("/rooms");
        assertThat(PageRoutes.next(null)).isEqualTo("/rooms");
    }
}
