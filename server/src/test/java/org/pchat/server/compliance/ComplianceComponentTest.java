package org.pchat.server.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pchat.server.chat.ComplianceRecorder;
import org.pchat.server.config.ChatLimits;
import org.pchat.server.config.NodeConfig;
import org.pchat.server.db.TestDatabases;
import org.pchat.server.files.FileAudit;
import org.pchat.server.rooms.DirectoryConfig;
import org.pchat.server.store.ComplianceEventRepository;

/** The compliance component of {@code serve}: off records nothing; on relays in the background and exports. */
class ComplianceComponentTest {

    @TempDir
    Path dataDir;

    private TestDatabases databases;
    private ComplianceComponent component;

    @BeforeEach
    void open() {
        databases = TestDatabases.h2(dataDir.resolve("db"));
    }

    @AfterEach
    void close() throws Exception {
        if (component != null) {
            component.stop();
        }
        databases.close();
    }

    private ComplianceComponent component(ComplianceConfig config) {
        return new ComplianceComponent(config, new NodeConfig("node-a", "example.com", dataDir.toAbsolutePath(),
                ChatLimits.defaults()), DirectoryConfig.defaults(), databases::databases, Clock.systemUTC());
    }

    @Test
    void aDisabledComponentHandsOutHooksThatRecordNothingAndRunsNothing() throws Exception {
        component = component(ComplianceConfig.defaults(dataDir));

        component.start();

        assertThat(component.recorder()).isSameAs(ComplianceRecorder.NONE);
        assertThat(component.fileAudit()).isSameAs(FileAudit.NONE);
        assertThat(component.exportNow()).isEmpty();
        assertThat(component.endpoint()).isEmpty();
    }

    @Test
    void anEnabledComponentRelaysRecordedEventsInTheBackgroundAndExportsThemOnDemand() throws Exception {
        component = component(ComplianceConfig.defaults(dataDir).withEnabled(true)
                .withRelay(Duration.ofMillis(100), Duration.ofSeconds(5)));
        component.start();
        UUID room = UUID.randomUUID();
        databases.databases().content().transaction(c -> component.recorder().joined(c.dsl(),
                "sip:alice@example.com", room, Instant.now()));
        ComplianceEventRepository events = new ComplianceEventRepository(databases.databases().compliance());

        await().atMost(Duration.ofSeconds(10)).until(() -> events.after(0, 10).size() == 1);
        List<AdapterRun> runs = component.exportNow().orElseThrow();

        assertThat(runs).singleElement().isEqualTo(new AdapterRun.Exported("xml", 1, 1, 1));
        assertThat(ExportedFiles.files(dataDir.resolve("compliance-export").resolve("xml"))).hasSize(1);
    }
}
