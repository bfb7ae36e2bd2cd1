package org.pchat.server.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Room names ↔ room JID local parts (XEP-0106 escaping, lower case). */
class RoomJidsTest {

    @Test
    void xep0106Section4_2SpacesAreEscapedAndNamesLowerCased() {
        assertThat(RoomJids.localPart("Team Chat")).isEqualTo("team\\20chat");
    }

    @Test
    void xep0106Section4_2EveryForbiddenCharacterIsEscaped() {
        assertThat(RoomJids.localPart("a\"&'/:<>@\\b")).isEqualTo("a\\22\\26\\27\\2f\\3a\\3c\\3e\\40\\5cb");
    }

    @Test
    void xep0106Section4_3UnescapingGivesBackTheLowerCasedName() {
        String name = "Sales & Marketing: EMEA/2026 <core> \\team";

        assertThat(RoomJids.roomName(RoomJids.localPart(name))).isEqualTo(name.toLowerCase());
    }

    @Test
    void xep0106Section4_3BackslashesThatAreNoEscapeStayLiteral() {
        assertThat(RoomJids.roomName("a\\zz\\4")).isEqualTo("a\\zz\\4");
    }
}
