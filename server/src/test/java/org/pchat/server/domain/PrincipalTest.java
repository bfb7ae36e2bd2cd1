package org.pchat.server.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PrincipalTest {

    @Test
    void parsesAUserUriAndLowerCasesIt() {
        assertThat(Principal.parse("sip:Alice@Example.COM")).isEqualTo(new Principal.UserPrincipal("sip:alice@example.com"));
    }

    @Test
    void parsesADomain() {
        assertThat(Principal.parse("domain:Example.com")).isEqualTo(new Principal.DomainPrincipal("example.com"));
    }

    @Test
    void parsesEveryoneIgnoringCase() {
        assertThat(Principal.parse(" Everyone ")).isEqualTo(new Principal.Everyone());
    }

    @Test
    void formatIsReadBackByParse() {
        for (String text : new String[] {"sip:bob@example.org", "domain:example.org", "everyone"}) {
            assertThat(Principal.parse(text).format()).isEqualTo(text);
        }
    }

    @Test
    void unknownFormIsRejectedNamingTheValueAndTheAcceptedForms() {
        assertThatThrownBy(() -> Principal.parse("group:admins"))
                .isInstanceOf(DirectoryException.class)
                .hasMessage("principal 'group:admins' is not one of sip:user@domain, domain:<domain name>, everyone");
    }

    @Test
    void userPrincipalIncludesOnlyThatUser() {
        Principal alice = Principal.parse("sip:alice@example.com");

        assertThat(alice.includes("sip:alice@example.com")).isTrue();
        assertThat(alice.includes("sip:bob@example.com")).isFalse();
    }

    @Test
    void domainPrincipalIncludesUsersOfThatDomainOnly() {
        Principal domain = Principal.parse("domain:example.com");

        assertThat(domain.includes("sip:alice@example.com")).isTrue();
        assertThat(domain.includes("sip:alice@sub.example.com")).isFalse();
        assertThat(domain.includes("sip:alice@example.org")).isFalse();
    }

    @Test
    void malformedUserUriIsRejected() {
        assertThatThrownBy(() -> Principal.parse("sip:no-domain"))
                .isInstanceOf(DirectoryException.class)
                .hasMessage("user URI 'sip:no-domain' is not of the form sip:user@domain");
    }
}
