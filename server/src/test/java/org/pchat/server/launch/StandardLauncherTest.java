package org.pchat.server.launch;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pchat.server.config.ConfigCatalog;
import org.pchat.server.config.ConfigLoader;
import org.pchat.server.config.ConfigRequest;
import org.pchat.server.config.PchatConfig;
import org.pchat.server.db.Databases;
import org.pchat.server.domain.Privacy;
import org.pchat.server.domain.RoomDetails;
import org.pchat.server.domain.credentials.PasswordHasher;
import org.pchat.server.rooms.DirectoryService;
import org.pchat.server.rooms.RoomFilter;
import org.slf4j.LoggerFactory;

/** The Standard topology in-process on embedded databases: demo seed, start-up log, clean stop. */
class StandardLauncherTest {

    @TempDir
    Path workingDir;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private Logger projectLogger;
    private Level previousLevel;

    @BeforeEach
    void captureLogs() {
        projectLogger = (Logger) LoggerFactory.getLogger("org.pchat");
        previousLevel = projectLogger.getLevel();
        projectLogger.setLevel(Level.INFO);
        logs.start();
        projectLogger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        projectLogger.detachAppender(logs);
        projectLogger.setLevel(previousLevel);
    }

    /** The configuration with every listener on a free port, so tests never fight over 5070 and friends. */
    private PchatConfig config(String... sets) {
        List<String> all = new ArrayList<>(List.of("sip.port=0", "proxy.port=0", "proxy.tls-port=0", "xmpp.port=0",
                "http.port=0", "pool.port=0"));
        all.addAll(List.of(sets));
        return new ConfigLoader(ConfigCatalog.standard(), Map.of(), workingDir)
                .load(new ConfigRequest(Optional.empty(), Optional.empty(), all));
    }

    private static void runOnce(PchatConfig config) {
        StandardLauncher launcher = new StandardLauncher(config, Clock.systemUTC(), System::nanoTime);
        launcher.start(Instant.now());
        launcher.stop();
    }

    /** Reads the directory after the launcher has stopped: this also proves the files were released. */
    private static <T> T afterStop(PchatConfig config, Function<DirectoryService, T> read) {
        try (Databases databases = Databases.open(config.database())) {
            return read.apply(new DirectoryService(databases.content(), config.directory(),
                    new PasswordHasher(config.passwords()), Clock.systemUTC()));
        }
    }

    private List<String> messages() {
        return logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void firstStartOnAnEmptyDatabaseSeedsTheDemoCategoryAndOpenRoom() {
        PchatConfig config = config();

        runOnce(config);

        List<RoomDetails> rooms = afterStop(config, directory -> directory.listRooms(RoomFilter.all()));
        assertThat(rooms).singleElement().satisfies(details -> {
            assertThat(details.room().name()).isEqualTo(DemoSeeder.ROOM);
            assertThat(details.room().privacy()).isEqualTo(Privacy.OPEN);
            assertThat(details.category().name()).isEqualTo(DemoSeeder.CATEGORY);
            assertThat(details.category().inScope("sip:anyone@elsewhere.example")).isTrue();
        });
    }

    @Test
    void laterStartsDoNotSeedAgain() {
        PchatConfig config = config();

        runOnce(config);
        runOnce(config);

        assertThat(afterStop(config, DirectoryService::listCategories)).hasSize(1);
    }

    @Test
    void demoSeedFalseCreatesNothing() {
        PchatConfig config = config("demo.seed=false");

        runOnce(config);

        assertThat(afterStop(config, DirectoryService::listCategories)).isEmpty();
    }

    @Test
    void effectiveConfigIsLoggedOnceWithSecretsMasked() {
        // the proxy stays off: the key store is only here to have a secret in the configuration
        runOnce(config("proxy.enabled=false", "proxy.tls.key-store=proxy.p12", "proxy.tls.key-store-password=hunter2"));

        assertThat(messages()).filteredOn(m -> m.contains("effective configuration")).singleElement().asString()
                .contains("proxy.tls.key-store-password = ****")
                .contains("sip.domain = example.com  (default)", "sip.port = 0  (flag --set)");
        assertThat(messages()).noneMatch(m -> m.contains("hunter2"));
    }

    @Test
    void startLogsTheStartUpTimeAndWhereTheDataIs() {
        runOnce(config());

        assertThat(messages()).anySatisfy(m -> assertThat(m)
                .matches("node1 - pchat started in \\d+ ms; databases content jdbc:h2:file:.*")
                .contains(workingDir.resolve("data").resolve("content").toString()));
    }

    @Test
    void stopLogsEveryComponentInReverseOrderAndTheTotalLast() {
        runOnce(config());

        List<String> stopped = messages().stream().filter(m -> m.startsWith("node1 - stopped")).toList();
        assertThat(stopped).anyMatch(m -> m.startsWith("node1 - stopped demo seed in "));
        assertThat(stopped.get(stopped.size() - 2)).as("databases stop after every component using them")
                .startsWith("node1 - stopped databases in ");
        assertThat(stopped.get(stopped.size() - 1)).matches("node1 - stopped in \\d+ ms");
    }
}
