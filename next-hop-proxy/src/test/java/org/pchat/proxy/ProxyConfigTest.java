package org.pchat.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Validation of the proxy's limits: errors name the value, the limit and the proxy. */
class ProxyConfigTest {

    @Test
    void defaultsServeTheLookupUriOnTheStandardPorts() {
        ProxyConfig config = ProxyConfig.builder("p1", "Example.COM").build();

        assertThat(config.port()).isEqualTo(5060);
        assertThat(config.tlsPort()).isEqualTo(5061);
        assertThat(config.domain()).isEqualTo("example.com");
        assertThat(config.defaultPoolUri()).isEqualTo("sip:ocschat@example.com");
        assertThat(config.challengeMode()).isEqualTo(ChallengeMode.PROXY_AUTHENTICATE);
    }

    @Test
    void outOfRangeValueIsNamedWithItsLimitAndTheProxy() {
        assertThatThrownBy(() -> ProxyConfig.builder("p1", "example.com").maxBindingsPerUser(0).build())
                .hasMessage("maxBindingsPerUser 0 is outside the allowed range 1..1000 (proxy 'p1')");
        assertThatThrownBy(() -> ProxyConfig.builder("p1", "example.com")
                .healthCheckInterval(Duration.ofMillis(1)).build())
                .hasMessageContaining("healthCheckInterval PT0.001S").hasMessageContaining("(proxy 'p1')");
    }

    @Test
    void registrarExpiriesMustBeOrdered() {
        assertThatThrownBy(() -> ProxyConfig.builder("p1", "example.com").registrarExpires(600, 300, 3600).build())
                .hasMessageContaining("registrarDefaultExpires 300").hasMessageContaining("600..3600");
    }

    @Test
    void chatServiceUriMustBeUserAtHost() {
        assertThatThrownBy(() -> ProxyConfig.builder("p1", "example.com").chatServiceUris(List.of("ocschat")).build())
                .hasMessageContaining("'ocschat'").hasMessageContaining("sip:user@host");
    }
}
