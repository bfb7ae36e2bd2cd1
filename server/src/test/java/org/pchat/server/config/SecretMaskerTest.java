package org.pchat.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretMaskerTest {

    @Test
    void masksH2PasswordSetting() {
        assertThat(SecretMasker.maskUrl("jdbc:h2:file:/data/content;USER=sa;PASSWORD=x1;LOCK_TIMEOUT=10"))
                .isEqualTo("jdbc:h2:file:/data/content;USER=sa;PASSWORD=****;LOCK_TIMEOUT=10");
    }

    @Test
    void masksPostgresPasswordParameter() {
        assertThat(SecretMasker.maskUrl("jdbc:postgresql://db/pchat?user=chat&password=x1&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/pchat?user=chat&password=****&ssl=true");
    }

    @Test
    void masksBracedSqlServerPassword() {
        assertThat(SecretMasker.maskUrl("jdbc:sqlserver://db;user=chat;password={a;b};encrypt=true"))
                .isEqualTo("jdbc:sqlserver://db;user=chat;password=****;encrypt=true");
    }

    @Test
    void masksUserInfoPassword() {
        assertThat(SecretMasker.maskUrl("jdbc:postgresql://chat:x1@db:5432/pchat"))
                .isEqualTo("jdbc:postgresql://chat:****@db:5432/pchat");
    }

    @Test
    void leavesUrlsWithoutSecretsAlone() {
        assertThat(SecretMasker.maskUrl("jdbc:postgresql://db:5432/pchat"))
                .isEqualTo("jdbc:postgresql://db:5432/pchat");
    }

    @Test
    void secretRecordNeverShowsItsValue() {
        assertThat(new Secret("changeit")).hasToString("****");
        assertThat(Secret.none()).hasToString("");
    }
}
