package org.pchat.server.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The XMPP client listener (Multi-User Chat on the same rooms).
 *
 * @param enabled whether this node accepts XMPP clients
 * @param bindAddress the address to listen on
 * @param port the TCP port (default 5222, STARTTLS)
 */
public record XmppConfig(boolean enabled, String bindAddress, int port) {

    public static final ConfigKey<Boolean> ENABLED = ConfigKey.of("xmpp.enabled", ValueType.bool(), true,
            "Whether this node accepts XMPP clients.");
    public static final ConfigKey<String> BIND_ADDRESS = ConfigKey.of("xmpp.bind-address", ValueType.host(),
            "0.0.0.0", "Address the XMPP listener binds to.");
    public static final ConfigKey<Integer> PORT = ConfigKey.of("xmpp.port", ValueType.port(), 5222,
            "TCP port for XMPP clients.");

    public XmppConfig {
        BIND_ADDRESS.check(bindAddress);
        PORT.check(port);
    }

    /** The documented defaults. */
    public static XmppConfig defaults() {
        return from(new Settings(Map.of(), Path.of(".")));
    }

    /** The keys this record is built from. */
    public static List<ConfigKey<?>> keys() {
        return List.of(ENABLED, BIND_ADDRESS, PORT);
    }

    static XmppConfig from(Settings settings) {
        return new XmppConfig(settings.get(ENABLED), settings.get(BIND_ADDRESS), settings.get(PORT));
    }
}
