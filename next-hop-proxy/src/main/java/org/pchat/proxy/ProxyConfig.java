package org.pchat.proxy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.pchat.proxy.auth.DigestAlgorithm;
import org.pchat.proxy.pool.PoolNodeAddress;
import org.pchat.sip.SipStackConfig;
import org.pchat.sip.TlsSettings;

/**
 * Every setting and limit of one next-hop proxy, validated on construction. Errors name the value seen, the
 * limit and the proxy.
 *
 * @param name                     identity in logs and errors; also the SIP stack name
 * @param bindAddress              IP literal the listening points bind to
 * @param advertisedHost           host written in Via and Record-Route (what clients and nodes reach us at)
 * @param port                     UDP and TCP port (0 = a free port)
 * @param tlsPort                  TLS port, used when {@code tls} is present (0 = a free port)
 * @param tls                      key material for the TLS listening point; empty = no TLS
 * @param domain                   the SIP domain served; also the digest realm
 * @param chatServiceUris          URIs routed to the chat pool, {@code sip:user@host}; the first is the default
 *                                 pool URI handed out by provisioning
 * @param nodes                    the chat pool's nodes (active); may be empty (then chat requests get 503)
 * @param webManagerUri            room-management URL put in provisioning; empty = not sent
 * @param challengeMode            how REGISTER is challenged (407 for Lync-protocol clients, 401 RFC-strict)
 * @param challengeAlgorithms      digest algorithms offered in challenges, most preferred first
 * @param acceptNullDigestUri      accept the Lync client's {@code uri="(null)"} (verified as sent)
 * @param strictDigestUri          refuse (400) a digest-uri that is not the Request-URI (RFC 2617 §3.2.2.5); off
 *                                 by default: the response is verified over the uri as sent, and clients differ
 *                                 (sipp sends its peer's address)
 * @param trustedPeers             IP literals whose requests are not challenged (the pool's nodes)
 * @param nonceLifetime            a nonce older than this is stale (RFC 7616 §3.3 stale=true)
 * @param maxTrackedNonces         nonces whose nonce-count is tracked for replay protection
 * @param credentialCacheTtl       how long a looked-up HA1 is reused
 * @param authFailureLimit         failed authentications per source address within the window before throttling
 * @param authFailureWindow        the throttling window
 * @param registrarMinExpires      shorter registrations get 423 (RFC 3261 §10.3 step 7)
 * @param registrarMaxExpires      longer registrations are shortened to this
 * @param registrarDefaultExpires  expiry when the REGISTER names none
 * @param maxBindingsPerUser       devices per user; the oldest binding gives way
 * @param maxBindings              bindings in total; new ones beyond get 503
 * @param keepAliveSeconds         {@code ms-keep-alive} timeout announced to Lync-protocol clients
 * @param healthCheckInterval      how often each node gets an OPTIONS
 * @param healthCheckTimeout       an OPTIONS unanswered this long counts as a failure
 * @param maxChatDialogs           chat dialogs tracked for load and affinity
 * @param chatDialogIdleTimeout    a tracked chat dialog without traffic this long is forgotten
 * @param credentialThreads        threads looking up credentials (blocking, database)
 * @param credentialQueue          lookups waiting; beyond that requests get 503
 * @param forwardLanes             serial lanes forwarding requests (per Call-ID order)
 * @param laneQueue                requests waiting per lane; beyond that requests get 503
 * @param maxMessageSize           largest SIP message accepted, bytes
 * @param stackThreads             JAIN-SIP processing threads
 * @param maxConnections           TCP/TLS connections kept
 * @param connectTimeoutMillis     TCP/TLS connect timeout to nodes and clients
 * @param t1Millis                 RFC 3261 T1 for forwarded requests (timeout = 64*T1)
 */
public record ProxyConfig(
        String name,
        String bindAddress,
        String advertisedHost,
        int port,
        int tlsPort,
        Optional<TlsSettings> tls,
        String domain,
        List<String> chatServiceUris,
        List<PoolNodeAddress> nodes,
        Optional<URI> webManagerUri,
        ChallengeMode challengeMode,
        List<DigestAlgorithm> challengeAlgorithms,
        boolean acceptNullDigestUri,
        boolean strictDigestUri,
        List<String> trustedPeers,
        Duration nonceLifetime,
        int maxTrackedNonces,
        Duration credentialCacheTtl,
        int authFailureLimit,
        Duration authFailureWindow,
        int registrarMinExpires,
        int registrarMaxExpires,
        int registrarDefaultExpires,
        int maxBindingsPerUser,
        int maxBindings,
        int keepAliveSeconds,
        Duration healthCheckInterval,
        Duration healthCheckTimeout,
        int maxChatDialogs,
        Duration chatDialogIdleTimeout,
        int credentialThreads,
        int credentialQueue,
        int forwardLanes,
        int laneQueue,
        int maxMessageSize,
        int stackThreads,
        int maxConnections,
        int connectTimeoutMillis,
        int t1Millis) {

    /** The lookup user every Lync-protocol client knows (xccos.md §1.2). */
    public static final String LOOKUP_USER = "ocschat";
    public static final int DEFAULT_PORT = 5060;
    public static final int DEFAULT_TLS_PORT = 5061;

    public ProxyConfig {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("proxy name is blank");
        }
        require(name, "bindAddress", bindAddress);
        require(name, "advertisedHost", advertisedHost);
        range(name, "port", port, 0, 65_535);
        range(name, "tlsPort", tlsPort, 0, 65_535);
        Objects.requireNonNull(tls, "tls");
        if (tls.isPresent() && port != 0 && port == tlsPort) {
            throw new IllegalArgumentException("tlsPort " + tlsPort + " equals port " + port
                    + ": TLS needs its own TCP port (proxy '" + name + "')");
        }
        require(name, "domain", domain);
        domain = domain.trim().toLowerCase(Locale.ROOT);
        chatServiceUris = List.copyOf(Objects.requireNonNull(chatServiceUris, "chatServiceUris")).stream()
                .map(u -> normalizeServiceUri(name, u)).distinct().toList();
        if (chatServiceUris.isEmpty()) {
            throw new IllegalArgumentException("no chat service URI configured (proxy '" + name + "')");
        }
        nodes = List.copyOf(Objects.requireNonNull(nodes, "nodes"));
        range(name, "nodes", nodes.size(), 0, 64);
        Objects.requireNonNull(webManagerUri, "webManagerUri");
        Objects.requireNonNull(challengeMode, "challengeMode");
        challengeAlgorithms = List.copyOf(Objects.requireNonNull(challengeAlgorithms, "challengeAlgorithms"));
        if (challengeAlgorithms.isEmpty()) {
            throw new IllegalArgumentException("no digest algorithm to challenge with (proxy '" + name + "')");
        }
        trustedPeers = List.copyOf(Objects.requireNonNull(trustedPeers, "trustedPeers"));
        duration(name, "nonceLifetime", nonceLifetime, Duration.ofSeconds(1), Duration.ofHours(24));
        range(name, "maxTrackedNonces", maxTrackedNonces, 16, 10_000_000);
        duration(name, "credentialCacheTtl", credentialCacheTtl, Duration.ZERO, Duration.ofHours(1));
        range(name, "authFailureLimit", authFailureLimit, 1, 1_000_000);
        duration(name, "authFailureWindow", authFailureWindow, Duration.ofSeconds(1), Duration.ofHours(24));
        range(name, "registrarMinExpires", registrarMinExpires, 1, 86_400);
        range(name, "registrarMaxExpires", registrarMaxExpires, registrarMinExpires, 7 * 86_400);
        range(name, "registrarDefaultExpires", registrarDefaultExpires, registrarMinExpires, registrarMaxExpires);
        range(name, "maxBindingsPerUser", maxBindingsPerUser, 1, 1_000);
        range(name, "maxBindings", maxBindings, 1, 10_000_000);
        range(name, "keepAliveSeconds", keepAliveSeconds, 10, 86_400);
        duration(name, "healthCheckInterval", healthCheckInterval, Duration.ofMillis(50), Duration.ofHours(1));
        duration(name, "healthCheckTimeout", healthCheckTimeout, Duration.ofMillis(50), Duration.ofMinutes(5));
        range(name, "maxChatDialogs", maxChatDialogs, 1, 10_000_000);
        duration(name, "chatDialogIdleTimeout", chatDialogIdleTimeout, Duration.ofSeconds(1), Duration.ofDays(7));
        range(name, "credentialThreads", credentialThreads, 1, 256);
        range(name, "credentialQueue", credentialQueue, 1, 1_000_000);
        range(name, "forwardLanes", forwardLanes, 1, 256);
        range(name, "laneQueue", laneQueue, 1, 1_000_000);
        range(name, "maxMessageSize", maxMessageSize, SipStackConfig.MIN_MAX_MESSAGE_SIZE,
                SipStackConfig.MAX_MAX_MESSAGE_SIZE);
        range(name, "stackThreads", stackThreads, SipStackConfig.MIN_THREAD_POOL_SIZE,
                SipStackConfig.MAX_THREAD_POOL_SIZE);
        range(name, "maxConnections", maxConnections, 1, SipStackConfig.MAX_MAX_CONNECTIONS);
        range(name, "connectTimeoutMillis", connectTimeoutMillis, SipStackConfig.MIN_CONNECT_TIMEOUT_MILLIS,
                SipStackConfig.MAX_CONNECT_TIMEOUT_MILLIS);
        range(name, "t1Millis", t1Millis, SipStackConfig.MIN_T1_MILLIS, SipStackConfig.MAX_T1_MILLIS);
    }

    /** The pool URI provisioning names as default: the first chat service URI. */
    public String defaultPoolUri() {
        return chatServiceUris.get(0);
    }

    /** The realm of digest challenges: the SIP domain. */
    public String realm() {
        return domain;
    }

    /** {@code sip:ocschat@<domain>}. */
    public static String lookupUri(String domain) {
        return "sip:" + LOOKUP_USER + "@" + domain.trim().toLowerCase(Locale.ROOT);
    }

    /** A builder with the documented defaults for {@code domain}. */
    public static ProxyConfigBuilder builder(String name, String domain) {
        return new ProxyConfigBuilder(name, domain);
    }

    /** A copy with other nodes (pool topology, tests). */
    public ProxyConfig withNodes(List<PoolNodeAddress> value) {
        return toBuilder().nodes(value).build();
    }

    /** A builder holding this configuration's values. */
    public ProxyConfigBuilder toBuilder() {
        ProxyConfigBuilder b = new ProxyConfigBuilder(name, domain);
        b.bindAddress = bindAddress;
        b.advertisedHost = advertisedHost;
        b.port = port;
        b.tlsPort = tlsPort;
        b.tls = tls.orElse(null);
        b.chatServiceUris = new ArrayList<>(chatServiceUris);
        b.nodes = new ArrayList<>(nodes);
        b.webManagerUri = webManagerUri.orElse(null);
        b.challengeMode = challengeMode;
        b.challengeAlgorithms = new ArrayList<>(challengeAlgorithms);
        b.acceptNullDigestUri = acceptNullDigestUri;
        b.strictDigestUri = strictDigestUri;
        b.trustedPeers = new ArrayList<>(trustedPeers);
        b.nonceLifetime = nonceLifetime;
        b.maxTrackedNonces = maxTrackedNonces;
        b.credentialCacheTtl = credentialCacheTtl;
        b.authFailureLimit = authFailureLimit;
        b.authFailureWindow = authFailureWindow;
        b.registrarMinExpires = registrarMinExpires;
        b.registrarMaxExpires = registrarMaxExpires;
        b.registrarDefaultExpires = registrarDefaultExpires;
        b.maxBindingsPerUser = maxBindingsPerUser;
        b.maxBindings = maxBindings;
        b.keepAliveSeconds = keepAliveSeconds;
        b.healthCheckInterval = healthCheckInterval;
        b.healthCheckTimeout = healthCheckTimeout;
        b.maxChatDialogs = maxChatDialogs;
        b.chatDialogIdleTimeout = chatDialogIdleTimeout;
        b.credentialThreads = credentialThreads;
        b.credentialQueue = credentialQueue;
        b.forwardLanes = forwardLanes;
        b.laneQueue = laneQueue;
        b.maxMessageSize = maxMessageSize;
        b.stackThreads = stackThreads;
        b.maxConnections = maxConnections;
        b.connectTimeoutMillis = connectTimeoutMillis;
        b.t1Millis = t1Millis;
        return b;
    }

    private static String normalizeServiceUri(String name, String uri) {
        String text = Objects.requireNonNull(uri, "chat service URI").trim().toLowerCase(Locale.ROOT);
        if (!text.matches("sips?:[^@\\s;:<>]+@[a-z0-9.-]+")) {
            throw new IllegalArgumentException("chat service URI '" + uri + "' is not of the form sip:user@host"
                    + " (proxy '" + name + "')");
        }
        return text.startsWith("sips:") ? "sip:" + text.substring(5) : text;
    }

    private static void require(String name, String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is missing (proxy '" + name + "')");
        }
    }

    private static void range(String name, String what, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " " + value + " is outside the allowed range " + min + ".."
                    + max + " (proxy '" + name + "')");
        }
    }

    private static void duration(String name, String what, Duration value, Duration min, Duration max) {
        Objects.requireNonNull(value, what);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(what + " " + value + " is outside the allowed range " + min + ".."
                    + max + " (proxy '" + name + "')");
        }
    }
}
