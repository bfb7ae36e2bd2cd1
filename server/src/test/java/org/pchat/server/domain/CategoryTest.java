package org.pchat.server.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CategoryTest {

    private static Category category(Set<Principal> allowed, Set<Principal> denied) {
        return new Category(UUID.randomUUID(), "Eng", "", allowed, denied, Set.of(), false, true, true);
    }

    @Test
    void userInAnAllowedDomainIsInScope() {
        Category eng = category(Set.of(Principal.parse("domain:example.com")), Set.of());

        assertThat(eng.inScope("sip:alice@example.com")).isTrue();
    }

    @Test
    void deniedBeatsAllowed() {
        Category eng = category(Set.of(Principal.parse("everyone")), Set.of(Principal.parse("sip:eve@example.com")));

        assertThat(eng.inScope("sip:eve@example.com")).isFalse();
        assertThat(eng.inScope("sip:alice@example.com")).isTrue();
    }

    @Test
    void emptyAllowedListPutsNobodyInScope() {
        Category eng = category(Set.of(), Set.of());

        assertThat(eng.inScope("sip:alice@example.com")).isFalse();
    }
}
