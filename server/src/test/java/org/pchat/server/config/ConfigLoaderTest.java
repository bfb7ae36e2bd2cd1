package org.pchat.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path workingDir;

    private PchatConfig load(Map<String, String> env, ConfigRequest request) {
        return new ConfigLoader(ConfigCatalog.standard(), env, workingDir).load(request);
    }

    private PchatConfig load(String... sets) {
        return load(Map.of(), new ConfigRequest(Optional.empty(), Optional.empty(), List.of(sets)));
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(workingDir.resolve(name), content);
    }

    @Test
    void defaultsApplyWhenNothingIsSet() {
        PchatConfig config = load(Map.of(), ConfigRequest.none());

        assertThat(config.node().nodeId()).isEqualTo("node1");
        assertThat(config.node().sipDomain()).isEqualTo("example.com");
        assertThat(config.node().dataDir()).isEqualTo(workingDir.resolve("data"));
        assertThat(config.node().limits()).isEqualTo(new ChatLimits(512, 4096, 999, 75, 100, 65_536, 20_000));
        assertThat(config.sip().port()).isEqualTo(5070);
        assertThat(config.proxy().port()).isEqualTo(5060);
        assertThat(config.proxy().tlsPort()).isEqualTo(5061);
        assertThat(config.xmpp().port()).isEqualTo(5222);
        assertThat(config.http().port()).isEqualTo(8080);
        assertThat(config.pool().port()).isEqualTo(8011);
        assertThat(config.launch().demoSeed()).isTrue();
        assertThat(config.effective().file()).isEmpty();
    }

    @Test
    void embeddedDatabasesLiveUnderTheDataDirectory() {
        PchatConfig config = load(Map.of(), ConfigRequest.none());

        assertThat(config.database().contentUrl()).startsWith("jdbc:h2:file:" + workingDir.resolve("data/content"));
        assertThat(config.database().complianceUrl())
                .startsWith("jdbc:h2:file:" + workingDir.resolve("data/compliance"));
        assertThat(config.database().contentUser()).isEqualTo("sa");
    }

    @Test
    void fileOverridesDefaults() throws IOException {
        Path file = file("custom.properties", "sip.port=6000\nsip.domain=chat.example.org\n");

        PchatConfig config = load(Map.of(), new ConfigRequest(Optional.of(file), Optional.empty(), List.of()));

        assertThat(config.sip().port()).isEqualTo(6000);
        assertThat(config.node().sipDomain()).isEqualTo("chat.example.org");
        assertThat(config.effective().entry("sip.port").orElseThrow().origin()).isEqualTo(new Origin.File(file));
    }

    @Test
    void environmentOverridesFile() throws IOException {
        Path file = file("custom.properties", "sip.port=6000\n");

        PchatConfig config = load(Map.of("PCHAT_SIP_PORT", "6001"),
                new ConfigRequest(Optional.of(file), Optional.empty(), List.of()));

        assertThat(config.sip().port()).isEqualTo(6001);
        assertThat(config.effective().entry("sip.port").orElseThrow().origin())
                .isEqualTo(new Origin.Environment("PCHAT_SIP_PORT"));
    }

    @Test
    void flagOverridesEnvironmentAndFile() throws IOException {
        Path file = file("custom.properties", "sip.port=6000\n");

        PchatConfig config = load(Map.of("PCHAT_SIP_PORT", "6001"),
                new ConfigRequest(Optional.of(file), Optional.empty(), List.of("sip.port=6002")));

        assertThat(config.sip().port()).isEqualTo(6002);
        assertThat(config.effective().entry("sip.port").orElseThrow().origin()).isEqualTo(new Origin.Flag("--set"));
    }

    @Test
    void laterSetFlagWinsOverEarlierOne() {
        assertThat(load("sip.port=6000", "sip.port=6003").sip().port()).isEqualTo(6003);
    }

    @Test
    void dashesInKeysBecomeUnderscoresInEnvironmentNames() {
        PchatConfig config = load(Map.of("PCHAT_CHAT_MESSAGE_SIZE_LIMIT", "300"), ConfigRequest.none());

        assertThat(config.node().limits().messageSizeLimit()).isEqualTo(300);
    }

    @Test
    void dataDirFlagOverridesEnvironmentAndResolvesAgainstTheWorkingDirectory() {
        PchatConfig config = load(Map.of("PCHAT_DATA_DIR", "/elsewhere"),
                new ConfigRequest(Optional.empty(), Optional.of(Path.of("store")), List.of()));

        assertThat(config.node().dataDir()).isEqualTo(workingDir.resolve("store"));
        assertThat(config.database().contentUrl()).contains(workingDir.resolve("store/content").toString());
    }

    @Test
    void dataDirFlagAndSetOfTheSameKeyAreRejected() {
        assertThatThrownBy(() -> load(Map.of(),
                new ConfigRequest(Optional.empty(), Optional.of(Path.of("a")), List.of("data.dir=b"))))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--data-dir a and --set data.dir both given; use one");
    }

    @Test
    void pchatPropertiesInTheWorkingDirectoryIsReadWhenNoFileIsGiven() throws IOException {
        Path file = file("pchat.properties", "http.port=9090\n");

        PchatConfig config = load(Map.of(), ConfigRequest.none());

        assertThat(config.http().port()).isEqualTo(9090);
        assertThat(config.effective().file()).contains(file);
    }

    @Test
    void missingExplicitConfigFileIsAnError() {
        Path missing = workingDir.resolve("nope.properties");

        assertThatThrownBy(() -> load(Map.of(), new ConfigRequest(Optional.of(missing), Optional.empty(), List.of())))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config file " + missing + " does not exist");
    }

    @Test
    void portOutOfRangeNamesKeyValueAllowedRangeAndOrigin() {
        assertThatThrownBy(() -> load(Map.of("PCHAT_SIP_PORT", "70000"), ConfigRequest.none()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("sip.port=70000 is not a port (1-65535, or 0 for any free port), "
                        + "from environment PCHAT_SIP_PORT");
    }

    @Test
    void nonNumericPortIsRejected() {
        assertThatThrownBy(() -> load("http.port=eighty"))
                .hasMessage("http.port=eighty is not a port (1-65535, or 0 for any free port), from flag --set");
    }

    @Test
    void invalidBooleanNamesTheAllowedValues() {
        assertThatThrownBy(() -> load("demo.seed=maybe"))
                .hasMessage("demo.seed=maybe is not a boolean (true|false), from flag --set");
    }

    @Test
    void invalidChoiceNamesTheAllowedValues() {
        assertThatThrownBy(() -> load("pool.role=leader"))
                .hasMessage("pool.role=leader is not a pool role (active|standby), from flag --set");
    }

    @Test
    void limitAboveItsMaximumIsRejected() throws IOException {
        Path file = file("pchat.properties", "chat.search-limit=20000\n");

        assertThatThrownBy(() -> load(Map.of(), ConfigRequest.none()))
                .hasMessage("chat.search-limit=20000 is not a room count (1-10000), from file " + file);
    }

    @Test
    void unknownKeyInFileIsAnErrorWithASuggestion() throws IOException {
        Path file = file("pchat.properties", "sip.prot=5070\n");

        assertThatThrownBy(() -> load(Map.of(), ConfigRequest.none()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("unknown config key sip.prot in config file " + file + " (did you mean sip.port?)");
    }

    @Test
    void unknownSetKeyIsAnError() {
        assertThatThrownBy(() -> load("colour=blue"))
                .hasMessage("unknown config key colour in --set colour=blue");
    }

    @Test
    void setWithoutEqualsSignIsAnError() {
        assertThatThrownBy(() -> load("sip.port"))
                .hasMessage("--set sip.port is not of the form key=value");
    }

    @Test
    void unknownPchatEnvironmentVariableIsAnErrorWithASuggestion() {
        assertThatThrownBy(() -> load(Map.of("PCHAT_HTTP_PROT", "80"), ConfigRequest.none()))
                .hasMessage("unknown environment variable PCHAT_HTTP_PROT (no config key maps to it; "
                        + "did you mean PCHAT_HTTP_PORT?)");
    }

    @Test
    void environmentVariablesWithoutThePrefixAreIgnored() {
        PchatConfig config = load(Map.of("PATH", "/usr/bin", "SIP_PORT", "1"), ConfigRequest.none());

        assertThat(config.sip().port()).isEqualTo(5070);
    }

    @Test
    void blankValueFallsBackToTheDefault() throws IOException {
        file("pchat.properties", "sip.port=6000\n");

        PchatConfig config = load(Map.of("PCHAT_SIP_PORT", ""), ConfigRequest.none());

        assertThat(config.sip().port()).isEqualTo(5070);
    }

    @Test
    void storyLimitBelowMessageLimitIsAContradiction() {
        assertThatThrownBy(() -> load("chat.message-size-limit=1000", "chat.story-size-limit=500"))
                .hasMessage("chat.story-size-limit=500 is below chat.message-size-limit=1000 "
                        + "(a story holds at least a message)");
    }

    @Test
    void twoListenersOnOnePortClash() {
        assertThatThrownBy(() -> load("proxy.port=5070"))
                .hasMessage("proxy.port=5070 clashes with sip.port=5070 "
                        + "(both TCP on 0.0.0.0; every listener of one process needs its own port)");
    }

    @Test
    void portZeroMeansAnyFreePortAndNeverClashes() {
        PchatConfig config = load("sip.port=0", "proxy.port=0", "http.port=0");

        assertThat(config.sip().port()).isZero();
        assertThat(config.http().port()).isZero();
    }

    @Test
    void disabledComponentsDoNotClash() {
        PchatConfig config = load("xmpp.enabled=false", "xmpp.port=8080");

        assertThat(config.xmpp().enabled()).isFalse();
    }

    @Test
    void listenersOnDifferentAddressesMayShareAPort() {
        PchatConfig config = load("proxy.bind-address=192.0.2.1", "proxy.port=5070", "sip.bind-address=192.0.2.2");

        assertThat(config.proxy().port()).isEqualTo(config.sip().port());
    }

    @Test
    void externalDatabaseGetsNoEmbeddedUser() {
        PchatConfig config = load("db.content.url=jdbc:postgresql://db.example.com/pchat",
                "db.compliance.url=jdbc:postgresql://db.example.com/compliance", "db.content.user=chat");

        assertThat(config.database().contentUser()).isEqualTo("chat");
        assertThat(config.database().complianceUser()).isEmpty();
    }

    @Test
    void unsupportedJdbcUrlNamesTheKey() {
        assertThatThrownBy(() -> load("db.content.url=jdbc:mysql://db/pchat"))
                .hasMessage("db.content.url=jdbc:mysql://db/pchat is not a JDBC URL "
                        + "(jdbc:h2:… or jdbc:postgresql:…), from flag --set");
    }

    @Test
    void passwordInsideJdbcUrlIsRejectedWithTheKeyNamedAndThePasswordMasked() {
        assertThatThrownBy(() -> load("db.content.url=jdbc:postgresql://db/pchat?password=hunter2"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("db.content.url=jdbc:postgresql://db/pchat?password=**** is not accepted: ")
                .hasMessageEndingWith(", from flag --set")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void secondsKeysBecomeDurations() {
        PchatConfig config = load("shutdown.timeout=5", "sip.session-expires=90");

        assertThat(config.launch().shutdownTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.sip().sessionExpires()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void directoryAndPasswordLimitsReachTheirRecords() {
        PchatConfig config = load("directory.max-name-length=64", "chat.search-limit=50",
                "password.pbkdf2-iterations=1000");

        assertThat(config.directory().maxNameLength()).isEqualTo(64);
        assertThat(config.directory().maxSearchResults()).isEqualTo(50);
        assertThat(config.passwords().pbkdf2Iterations()).isEqualTo(1000);
    }

    @Test
    void poolSeedsAreAList() {
        PchatConfig config = load("pool.seeds=node2.example.com:8011, 192.0.2.7:8011");

        assertThat(config.pool().seeds()).containsExactly("node2.example.com:8011", "192.0.2.7:8011");
    }

    @Test
    void malformedPoolSeedIsRejected() {
        assertThatThrownBy(() -> load("pool.seeds=node2"))
                .hasMessage("pool.seeds=node2 is not a seed list (comma-separated host:port entries), from flag --set");
    }
}
