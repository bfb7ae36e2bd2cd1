package org.pchat.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EffectiveConfigTest {

    @TempDir
    Path workingDir;

    private EffectiveConfig effective(Map<String, String> env, String... sets) {
        return new ConfigLoader(ConfigCatalog.standard(), env, workingDir)
                .load(new ConfigRequest(Optional.empty(), Optional.empty(), List.of(sets)))
                .effective();
    }

    @Test
    void everyKnownKeyIsListedOnce() {
        EffectiveConfig effective = effective(Map.of());

        assertThat(effective.entries()).extracting(EffectiveConfig.Entry::key)
                .containsExactlyElementsOf(ConfigCatalog.standard().keys().stream().map(ConfigKey::name).toList());
    }

    @Test
    void databasePasswordsAreMasked() {
        String rendered = effective(Map.of("PCHAT_DB_COMPLIANCE_PASSWORD", "env-secret-2"),
                "db.content.url=jdbc:postgresql://db.example.com/pchat",
                "db.compliance.url=jdbc:postgresql://db.example.com/compliance",
                "db.content.password=flag-secret-1").render();

        assertThat(rendered)
                .doesNotContain("flag-secret-1", "env-secret-2")
                .contains("db.content.password = ****  (flag --set)")
                .contains("db.compliance.password = ****  (environment PCHAT_DB_COMPLIANCE_PASSWORD)");
    }

    @Test
    void keyStorePasswordIsMasked() {
        String rendered = effective(Map.of(), "proxy.tls.key-store=proxy.p12",
                "proxy.tls.key-store-password=changeit").render();

        assertThat(rendered).doesNotContain("changeit").contains("proxy.tls.key-store-password = ****");
    }

    @Test
    void passwordsInsideJdbcUrlsAreMasked() {
        String rendered = effective(Map.of(),
                "db.content.url=jdbc:postgresql://chat:hunter2@db.example.com/pchat",
                "db.compliance.url=jdbc:postgresql://db.example.com/compliance").render();

        assertThat(rendered)
                .doesNotContain("hunter2")
                .contains("db.content.url = jdbc:postgresql://chat:****@db.example.com/pchat");
    }

    @Test
    void originsAreShownPerKey() {
        EffectiveConfig effective = effective(Map.of("PCHAT_HTTP_PORT", "9000"), "sip.port=6000");

        assertThat(effective.render())
                .contains("http.port = 9000  (environment PCHAT_HTTP_PORT)")
                .contains("sip.port = 6000  (flag --set)")
                .contains("xmpp.port = 5222  (default)")
                .contains("db.content.user = sa  (derived from data.dir)")
                .contains("http.public-url =   (not set)");
    }

    @Test
    void dataDirIsShownResolved() {
        EffectiveConfig effective = effective(Map.of(), "data.dir=relative/dir");

        assertThat(effective.entry("data.dir").orElseThrow().shownValue())
                .isEqualTo(workingDir.resolve("relative/dir").toString());
    }
}
