package org.pchat.server.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The HTTP listener: file web service, room management page, REST, metrics and health.
 *
 * @param enabled whether this node serves HTTP
 * @param bindAddress the address to listen on
 * @param port the TCP port (default 8080)
 * @param publicUrl the URL clients are told to use (provisioning, file links); empty means derived from the host
 */
public record HttpConfig(boolean enabled, String bindAddress, int port, Optional<URI> publicUrl,
        Optional<Path> filesDir) {

    public static final ConfigKey<Path> FILES_DIR = ConfigKey.optional("files.dir", ValueType.path("a directory"),
            "Where posted files are stored; in a pool, storage every node mounts. Unset: <data.dir>/files.");

    /** Files under the data directory. */
    public HttpConfig(boolean enabled, String bindAddress, int port, Optional<URI> publicUrl) {
        this(enabled, bindAddress, port, publicUrl, Optional.empty());
    }

    public static final ConfigKey<Boolean> ENABLED = ConfigKey.of("http.enabled", ValueType.bool(), true,
            "Whether this node serves HTTP (web services, room management, REST, metrics, health).");
    public static final ConfigKey<String> BIND_ADDRESS = ConfigKey.of("http.bind-address", ValueType.host(),
            "0.0.0.0", "Address the HTTP listener binds to.");
    public static final ConfigKey<Integer> PORT = ConfigKey.of("http.port", ValueType.port(), 8080,
            "TCP port for HTTP.");
    public static final ConfigKey<URI> PUBLIC_URL = ConfigKey.optional("http.public-url",
            ValueType.httpUrl("a public URL"),
            "URL clients are given for room management and files; unset means http://<host name>:<http.port>/.");

    public HttpConfig {
        BIND_ADDRESS.check(bindAddress);
        PORT.check(port);
        Objects.requireNonNull(publicUrl, "publicUrl");
        publicUrl.ifPresent(PUBLIC_URL::check);
    }

    /** The documented defaults. */
    public static HttpConfig defaults() {
        return from(new Settings(Map.of(), Path.of(".")));
    }

    /** The keys this record is built from. */
    public static List<ConfigKey<?>> keys() {
        return List.of(ENABLED, BIND_ADDRESS, PORT, PUBLIC_URL, FILES_DIR);
    }

    static HttpConfig from(Settings settings) {
        return new HttpConfig(settings.get(ENABLED), settings.get(BIND_ADDRESS), settings.get(PORT),
                settings.find(PUBLIC_URL), settings.path(FILES_DIR));
    }
}
