package org.pchat.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigCatalogTest {

    @Test
    void environmentNameIsPrefixedUpperCaseWithUnderscores() {
        assertThat(SipEndpointConfig.PORT.envName()).isEqualTo("PCHAT_SIP_PORT");
        assertThat(ProxyConfig.TLS_KEY_STORE_PASSWORD.envName()).isEqualTo("PCHAT_PROXY_TLS_KEY_STORE_PASSWORD");
    }

    @Test
    void everyStandardKeyIsFoundByNameAndByEnvironmentName() {
        ConfigCatalog catalog = ConfigCatalog.standard();

        assertThat(catalog.keys()).isNotEmpty().allSatisfy(key -> {
            assertThat(catalog.byName(key.name())).contains(key);
            assertThat(catalog.byEnvName(key.envName())).contains(key);
        });
    }

    @Test
    void keysMappingToTheSameEnvironmentVariableAreRefused() {
        ConfigKey<Integer> dotted = ConfigKey.of("a.b-c", ValueType.port(), 1, "x");
        ConfigKey<Integer> dashed = ConfigKey.of("a.b.c", ValueType.port(), 1, "x");

        assertThatThrownBy(() -> new ConfigCatalog(List.of(dotted, dashed)))
                .hasMessage("config keys a.b-c and a.b.c map to the same environment variable PCHAT_A_B_C");
    }

    @Test
    void suggestsTheNearestKeyForATypo() {
        assertThat(ConfigCatalog.standard().suggestName("http.prot")).contains("http.port");
    }

    @Test
    void suggestsNothingForAnUnrelatedName() {
        assertThat(ConfigCatalog.standard().suggestName("completely.unrelated.name")).isEmpty();
    }

    @Test
    void directlyBuiltRecordsAreValidatedWithTheKeyName() {
        assertThatThrownBy(() -> new XmppConfig(true, "0.0.0.0", -1))
                .isInstanceOf(ConfigException.class)
                .hasMessage("xmpp.port=-1 is not a port (1-65535, or 0 for any free port)");
    }

    @Test
    void recordDefaultsMatchTheDocumentedPorts() {
        assertThat(SipEndpointConfig.defaults().port()).isEqualTo(5070);
        assertThat(ProxyConfig.defaults().port()).isEqualTo(5060);
        assertThat(ProxyConfig.defaults().tlsEnabled()).isFalse();
        assertThat(XmppConfig.defaults().port()).isEqualTo(5222);
        assertThat(HttpConfig.defaults().port()).isEqualTo(8080);
        assertThat(PoolConfig.defaults().port()).isEqualTo(8011);
        assertThat(ChatLimits.defaults().messageSizeLimit()).isEqualTo(512);
    }
}
