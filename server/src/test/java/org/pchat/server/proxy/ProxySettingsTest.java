package org.pchat.server.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pchat.proxy.ProxyConfig;
import org.pchat.proxy.pool.PoolNodeAddress;
import org.pchat.server.config.ConfigCatalog;
import org.pchat.server.config.ConfigLoader;
import org.pchat.server.config.ConfigRequest;
import org.pchat.server.config.PchatConfig;
import org.pchat.sip.SipTransport;

/** The proxy.* keys map onto the proxy module's configuration. */
class ProxySettingsTest {

    @TempDir
    Path workDir;

    private PchatConfig load(String... sets) {
        return new ConfigLoader(ConfigCatalog.standard(), Map.of(), workDir)
                .load(new ConfigRequest(java.util.Optional.empty(), java.util.Optional.of(workDir.resolve("data")),
                        List.of(sets)));
    }

    @Test
    void standardTopologyRoutesTheLookupUriToThisProcessNode() {
        PchatConfig config = load("sip.domain=chat.example.org", "proxy.bind-address=127.0.0.1", "proxy.port=5090",
                "sip.port=5071", "http.port=8081");

        ProxyConfig proxy = ProxySettings.from(config, List.of(ProxySettings.localNode(config)));

        assertThat(proxy.domain()).isEqualTo("chat.example.org");
        assertThat(proxy.port()).isEqualTo(5090);
        assertThat(proxy.advertisedHost()).isEqualTo("127.0.0.1");
        assertThat(proxy.defaultPoolUri()).isEqualTo("sip:ocschat@chat.example.org");
        assertThat(proxy.nodes()).containsExactly(new PoolNodeAddress("127.0.0.1", 5071, SipTransport.TCP));
        assertThat(proxy.webManagerUri()).hasValueSatisfying(uri ->
                assertThat(uri.toString()).isEqualTo("http://127.0.0.1:8081/rooms"));
        assertThat(proxy.tls()).isEmpty();
    }

    @Test
    void publicUrlIsUsedForTheRoomManagementPage() {
        PchatConfig config = load("http.public-url=https://chat.example.org/pchat");

        ProxyConfig proxy = ProxySettings.from(config, List.of());

        assertThat(proxy.webManagerUri().orElseThrow().toString()).isEqualTo("https://chat.example.org/pchat/rooms");
    }
}
