package org.pchat.server.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The XMPP client listener (Multi-User Chat on the same rooms) and its limits.
 *
 * @param enabled             whether this node accepts XMPP clients
 * @param bindAddress         the address to listen on
 * @param port                the TCP port (default 5222, STARTTLS)
 * @param maxStanzaBytes      largest stanza in bytes
 * @param maxDepth            deepest element nesting inside a stanza
 * @param allowAuthWithoutTls whether SASL is offered on a stream without TLS (tests on loopback only)
 * @param historyOnJoin       messages sent on a MUC join when the client asks for no particular number
 * @param maxHistory          most messages a MUC join or a MAM page may ask for
 * @param outboundQueue       most stanzas waiting for one client before it is dropped
 * @param authThreads         threads reading stored credentials
 * @param authQueue           waiting credential lookups before new ones are refused
 * @param maxAuthFailures     failed SASL attempts before the stream is closed
 * @param idleSeconds         seconds without input before the stream is closed
 * @param tlsKeyStore         the PKCS#12 key store with the certificate for STARTTLS; empty means no STARTTLS
 * @param tlsKeyStorePassword the key store's password
 * @param roomCategory        the category rooms created over XMPP go into; empty means rooms cannot be created
 *                            over XMPP
 */
public record XmppConfig(boolean enabled, String bindAddress, int port, int maxStanzaBytes, int maxDepth,
        boolean allowAuthWithoutTls, int historyOnJoin, int maxHistory, int outboundQueue, int authThreads,
        int authQueue, int maxAuthFailures, int idleSeconds, Optional<Path> tlsKeyStore, Secret tlsKeyStorePassword,
        Optional<String> roomCategory) {

    public static final ConfigKey<Boolean> ENABLED = ConfigKey.of("xmpp.enabled", ValueType.bool(), true,
            "Whether this node accepts XMPP clients.");
    public static final ConfigKey<String> BIND_ADDRESS = ConfigKey.of("xmpp.bind-address", ValueType.host(),
            "0.0.0.0", "Address the XMPP listener binds to.");
    public static final ConfigKey<Integer> PORT = ConfigKey.of("xmpp.port", ValueType.port(), 5222,
            "TCP port for XMPP clients.");
    public static final ConfigKey<Integer> MAX_STANZA_BYTES = ConfigKey.of("xmpp.max-stanza-bytes",
            ValueType.integer("a byte count", 1_024, 16 * 1_048_576), 65_536,
            "Largest XMPP stanza in bytes; a bigger one ends the stream with policy-violation.");
    public static final ConfigKey<Integer> MAX_DEPTH = ConfigKey.of("xmpp.max-depth",
            ValueType.integer("a nesting depth", 2, 256), 16,
            "Deepest element nesting inside an XMPP stanza.");
    public static final ConfigKey<Boolean> ALLOW_AUTH_WITHOUT_TLS = ConfigKey.of("xmpp.allow-auth-without-tls",
            ValueType.bool(), false,
            "Whether XMPP clients may authenticate without STARTTLS (loopback tests only).");
    public static final ConfigKey<Integer> HISTORY_ON_JOIN = ConfigKey.of("xmpp.history-on-join",
            ValueType.integer("a message count", 0, 10_000), 30,
            "Messages an XMPP client gets on entering a room when it asks for no particular number.");
    public static final ConfigKey<Integer> MAX_HISTORY = ConfigKey.of("xmpp.max-history",
            ValueType.integer("a message count", 0, 10_000), 200,
            "Most messages an XMPP room join or archive page may ask for.");
    public static final ConfigKey<Integer> OUTBOUND_QUEUE = ConfigKey.of("xmpp.outbound-queue",
            ValueType.integer("a stanza count", 1, 1_000_000), 1_000,
            "Stanzas waiting for one XMPP client before it is dropped as too slow.");
    public static final ConfigKey<Integer> AUTH_THREADS = ConfigKey.of("xmpp.auth-threads",
            ValueType.integer("a thread count", 1, 64), 2,
            "Threads reading stored credentials and doing directory work for XMPP clients.");
    public static final ConfigKey<Integer> AUTH_QUEUE = ConfigKey.of("xmpp.auth-queue",
            ValueType.integer("a queue length", 1, 100_000), 256,
            "Waiting credential lookups and directory changes before new ones are refused.");
    public static final ConfigKey<Integer> MAX_AUTH_FAILURES = ConfigKey.of("xmpp.max-auth-failures",
            ValueType.integer("an attempt count", 1, 100), 3,
            "Failed SASL attempts before the XMPP stream is closed with not-authorized.");
    public static final ConfigKey<Integer> IDLE_SECONDS = ConfigKey.of("xmpp.idle-seconds",
            ValueType.integer("a number of seconds", 10, 86_400), 600,
            "Seconds without input before an XMPP stream is closed with policy-violation.");
    public static final ConfigKey<Path> TLS_KEY_STORE = ConfigKey.optional("xmpp.tls.keystore",
            ValueType.path("a key store file"),
            "PKCS#12 key store with the XMPP certificate for STARTTLS; unset means no STARTTLS.");
    public static final ConfigKey<String> TLS_KEY_STORE_PASSWORD = ConfigKey.sensitive("xmpp.tls.keystore-password",
            ValueType.text("a password"), Sensitivity.SECRET, "Password of xmpp.tls.keystore.");
    public static final ConfigKey<String> ROOM_CATEGORY = ConfigKey.optional("xmpp.room-category",
            ValueType.text("a category name"),
            "Category that rooms created over XMPP go into (its creators may create them); unset means none.");

    public XmppConfig {
        BIND_ADDRESS.check(bindAddress);
        PORT.check(port);
        MAX_STANZA_BYTES.check(maxStanzaBytes);
        MAX_DEPTH.check(maxDepth);
        HISTORY_ON_JOIN.check(historyOnJoin);
        MAX_HISTORY.check(maxHistory);
        OUTBOUND_QUEUE.check(outboundQueue);
        AUTH_THREADS.check(authThreads);
        AUTH_QUEUE.check(authQueue);
        MAX_AUTH_FAILURES.check(maxAuthFailures);
        IDLE_SECONDS.check(idleSeconds);
        Objects.requireNonNull(tlsKeyStore, "tlsKeyStore");
        Objects.requireNonNull(tlsKeyStorePassword, "tlsKeyStorePassword");
        roomCategory = Objects.requireNonNull(roomCategory, "roomCategory").map(String::trim)
                .filter(c -> !c.isEmpty());
        if (historyOnJoin > maxHistory) {
            throw new ConfigException(HISTORY_ON_JOIN.name() + "=" + historyOnJoin + " is more than "
                    + MAX_HISTORY.name() + "=" + maxHistory);
        }
    }

    /** The listener with every limit at its default. */
    public XmppConfig(boolean enabled, String bindAddress, int port) {
        this(enabled, bindAddress, port, MAX_STANZA_BYTES.defaultValue().orElseThrow(),
                MAX_DEPTH.defaultValue().orElseThrow(), false, HISTORY_ON_JOIN.defaultValue().orElseThrow(),
                MAX_HISTORY.defaultValue().orElseThrow(), OUTBOUND_QUEUE.defaultValue().orElseThrow(),
                AUTH_THREADS.defaultValue().orElseThrow(), AUTH_QUEUE.defaultValue().orElseThrow(),
                MAX_AUTH_FAILURES.defaultValue().orElseThrow(), IDLE_SECONDS.defaultValue().orElseThrow(),
                Optional.empty(), Secret.none(), Optional.empty());
    }

    /** The documented defaults. */
    public static XmppConfig defaults() {
        return from(new Settings(Map.of(), Path.of(".")));
    }

    /** The keys this record is built from. */
    public static List<ConfigKey<?>> keys() {
        return List.of(ENABLED, BIND_ADDRESS, PORT, MAX_STANZA_BYTES, MAX_DEPTH, ALLOW_AUTH_WITHOUT_TLS,
                HISTORY_ON_JOIN, MAX_HISTORY, OUTBOUND_QUEUE, AUTH_THREADS, AUTH_QUEUE, MAX_AUTH_FAILURES,
                IDLE_SECONDS, TLS_KEY_STORE, TLS_KEY_STORE_PASSWORD, ROOM_CATEGORY);
    }

    static XmppConfig from(Settings settings) {
        return new XmppConfig(settings.get(ENABLED), settings.get(BIND_ADDRESS), settings.get(PORT),
                settings.get(MAX_STANZA_BYTES), settings.get(MAX_DEPTH), settings.get(ALLOW_AUTH_WITHOUT_TLS),
                settings.get(HISTORY_ON_JOIN), settings.get(MAX_HISTORY), settings.get(OUTBOUND_QUEUE),
                settings.get(AUTH_THREADS), settings.get(AUTH_QUEUE), settings.get(MAX_AUTH_FAILURES),
                settings.get(IDLE_SECONDS), settings.path(TLS_KEY_STORE),
                new Secret(settings.find(TLS_KEY_STORE_PASSWORD).orElse("")), settings.find(ROOM_CATEGORY));
    }
}
