package org.pchat.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pchat.server.config.ChatLimits;
import org.pchat.server.config.HttpConfig;
import org.pchat.server.files.FileServiceConfig;

class WebConfigTest {

    @Test
    void defaultsComeFromHttpConfigAndChatLimits() {
        WebConfig config = WebConfig.from(HttpConfig.defaults(), ChatLimits.defaults(), Optional.empty());

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.tls()).isEmpty();
        assertThat(config.historyPageLimit()).isEqualTo(ChatLimits.defaults().historyPageLimit());
    }

    @Test
    void limitErrorsNameTheSettingTheValueAndTheRange() {
        WebConfig config = WebConfig.from(HttpConfig.defaults(), ChatLimits.defaults(), Optional.empty());

        assertThatThrownBy(() -> new WebConfig(config.bindAddress(), 8080, Optional.empty(), Optional.empty(), 2,
                10, config.idleTimeout(), config.maxJsonBytes(), config.maxFormBytes(), config.session(), 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("http maxThreads is 2, allowed range is 4..1000");
        assertThatThrownBy(() -> FileServiceConfig.defaults(Path.of("/data"), 0))
                .hasMessage("file service maxFileSizeKb is 0, allowed range is 1..4194304");
    }

    @Test
    void tlsPasswordIsMasked() {
        assertThat(new WebConfig.Tls(Path.of("/etc/pchat/keys.p12"), "s3cret").toString()).doesNotContain("s3cret");
    }

    @Test
    void defaultFileLimitIsLyncs20000Kb() {
        assertThat(FileServiceConfig.defaults(Path.of("/data"), FileServiceConfig.DEFAULT_MAX_FILE_SIZE_KB)
                .maxFileBytes()).isEqualTo(20_000L * 1024);
        assertThat(FileServiceConfig.defaults(Path.of("/data"), 20_000).root()).isEqualTo(Path.of("/data/files"));
    }
}
