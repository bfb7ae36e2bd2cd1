package org.pchat.server.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The next-hop proxy that SIP clients connect to. In the Standard topology it runs in the node's process.
 *
 * @param enabled whether this process runs the proxy
 * @param bindAddress the address to listen on
 * @param port the UDP and TCP port (default 5060)
 * @param tlsPort the TLS port (default 5061); only listened on when a key store is configured
 * @param tlsKeyStore the PKCS#12 key store with the proxy's certificate; empty means no TLS listener
 * @param tlsKeyStorePassword the key store's password
 */
public record ProxyConfig(boolean enabled, String bindAddress, int port, int tlsPort, Optional<Path> tlsKeyStore,
        Secret tlsKeyStorePassword) {

    public static final ConfigKey<Boolean> ENABLED = ConfigKey.of("proxy.enabled", ValueType.bool(), true,
            "Whether this process runs the next-hop proxy (Standard topology: yes).");
    public static final ConfigKey<String> BIND_ADDRESS = ConfigKey.of("proxy.bind-address", ValueType.host(),
            "0.0.0.0", "Address the proxy listens on.");
    public static final ConfigKey<Integer> PORT = ConfigKey.of("proxy.port", ValueType.port(), 5060,
            "UDP and TCP port for SIP clients.");
    public static final ConfigKey<Integer> TLS_PORT = ConfigKey.of("proxy.tls-port", ValueType.port(), 5061,
            "TLS port for SIP clients; used when proxy.tls.key-store is set.");
    public static final ConfigKey<Path> TLS_KEY_STORE = ConfigKey.optional("proxy.tls.key-store",
            ValueType.path("a key store file"), "PKCS#12 key store with the proxy certificate; unset means no TLS.");
    public static final ConfigKey<String> TLS_KEY_STORE_PASSWORD = ConfigKey.sensitive("proxy.tls.key-store-password",
            ValueType.text("a password"), Sensitivity.SECRET, "Password of proxy.tls.key-store.");

    public ProxyConfig {
        BIND_ADDRESS.check(bindAddress);
        PORT.check(port);
        TLS_PORT.check(tlsPort);
        Objects.requireNonNull(tlsKeyStore, "tlsKeyStore");
        Objects.requireNonNull(tlsKeyStorePassword, "tlsKeyStorePassword");
        if (tlsKeyStore.isPresent() && port != 0 && port == tlsPort) {
            throw new ConfigException(TLS_PORT.name() + "=" + tlsPort + " is the same as " + PORT.name() + "=" + port
                    + " (TLS needs its own TCP port)");
        }
    }

    /** Whether the proxy listens for TLS. */
    public boolean tlsEnabled() {
        return tlsKeyStore.isPresent();
    }

    /** The documented defaults. */
    public static ProxyConfig defaults() {
        return from(new Settings(Map.of(), Path.of(".")));
    }

    /** The keys this record is built from. */
    public static List<ConfigKey<?>> keys() {
        return List.of(ENABLED, BIND_ADDRESS, PORT, TLS_PORT, TLS_KEY_STORE, TLS_KEY_STORE_PASSWORD);
    }

    static ProxyConfig from(Settings settings) {
        return new ProxyConfig(settings.get(ENABLED), settings.get(BIND_ADDRESS), settings.get(PORT),
                settings.get(TLS_PORT), settings.path(TLS_KEY_STORE),
                new Secret(settings.find(TLS_KEY_STORE_PASSWORD).orElse("")));
    }
}
