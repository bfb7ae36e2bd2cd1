package org.pchat.server.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pchat.server.config.ConfigCatalog;
import org.pchat.server.config.ConfigException;
import org.pchat.server.config.ConfigKey;
import org.pchat.server.config.ConfigLoader;
import org.pchat.server.config.ConfigRequest;
import org.pchat.server.config.PchatConfig;

/** The compliance options: defaults, validation errors that name the value and the limit, loading. */
class ComplianceConfigTest {

    @TempDir
    Path workingDir;

    /** The standard catalog plus the compliance keys (once registered there, they are not added twice). */
    private static ConfigCatalog catalog() {
        List<ConfigKey<?>> keys = new ArrayList<>(ConfigCatalog.standard().keys());
        ComplianceConfig.keys().stream().filter(k -> keys.stream().noneMatch(known -> known.name().equals(k.name())))
                .forEach(keys::add);
        return new ConfigCatalog(keys);
    }

    private ComplianceConfig load(String... sets) {
        PchatConfig config = new ConfigLoader(catalog(), Map.of(), workingDir)
                .load(new ConfigRequest(Optional.empty(), Optional.empty(), List.of(sets)));
        return ComplianceConfig.of(config, workingDir);
    }

    @Test
    void defaultsAreOffXmlEveryFifteenMinutesUnderTheDataDirectory() {
        ComplianceConfig config = ComplianceConfig.defaults(workingDir);

        assertThat(config.enabled()).isFalse();
        assertThat(config.formats()).containsExactly(ExportFormat.XML);
        assertThat(config.runInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.outputDir()).isEqualTo(workingDir.resolve("compliance-export"));
        assertThat(config.export()).isEqualTo(ExportOptions.defaults());
        assertThat(config.maxBacklogAge()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.retentionDays()).isZero();
    }

    @Test
    void loadedValuesComeFromTheProcessConfiguration() {
        ComplianceConfig config = load("compliance.enabled=true", "compliance.formats=csv,jsonl",
                "compliance.run-interval=60", "compliance.output-dir=exports", "compliance.one-room-per-file=true",
                "compliance.retention-days=90");

        assertThat(config.enabled()).isTrue();
        assertThat(config.formatList()).containsExactly(ExportFormat.JSONL, ExportFormat.CSV);
        assertThat(config.runInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.outputDir()).isEqualTo(workingDir.resolve("exports"));
        assertThat(config.export().oneRoomPerFile()).isTrue();
        assertThat(config.retentionDays()).isEqualTo(90);
    }

    @Test
    void unknownFormatIsRefusedNamingTheAcceptedOnes() {
        assertThatThrownBy(() -> load("compliance.formats=xml,pdf")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("compliance.formats=xml,pdf").hasMessageContaining("xml, jsonl or csv");
    }

    @Test
    void aFormatNamedTwiceIsRefused() {
        assertThatThrownBy(() -> load("compliance.formats=xml,xml")).isInstanceOf(ConfigException.class)
                .hasMessage("compliance.formats=xml,xml names xml twice");
    }

    @Test
    void relayIntervalAboveHalfTheBacklogBoundIsRefusedNamingBoth() {
        assertThatThrownBy(() -> ComplianceConfig.defaults(workingDir)
                .withRelay(Duration.ofMillis(3_000), Duration.ofSeconds(5)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("compliance.relay-interval-ms=3000 is more than half of "
                        + "compliance.max-backlog-age=5 s");
    }

    @Test
    void retentionOutsideItsRangeIsRefusedNamingTheRange() {
        assertThatThrownBy(() -> load("compliance.retention-days=-1")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("compliance.retention-days=-1").hasMessageContaining("0-36500");
    }

    @Test
    void noFormatAtAllIsRefused() {
        assertThatThrownBy(() -> ComplianceConfig.defaults(workingDir).withFormats(Set.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("compliance.formats is empty");
    }

    @Test
    void eventsPerFileOutsideItsRangeIsRefused() {
        assertThatThrownBy(() -> new ExportOptions(false, false, false, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("compliance events per file 0 is outside the allowed range 1..100000");
    }
}
