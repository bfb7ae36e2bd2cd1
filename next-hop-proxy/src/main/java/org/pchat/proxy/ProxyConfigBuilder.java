package org.pchat.proxy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pchat.proxy.auth.DigestAlgorithm;
import org.pchat.proxy.pool.PoolNodeAddress;
import org.pchat.sip.SipStackConfig;
import org.pchat.sip.TlsSettings;

/** Fluent builder of a {@link ProxyConfig} with the documented defaults; {@link #build()} validates. */
public final class ProxyConfigBuilder {
    final String name;
    final String domain;
    String bindAddress = "127.0.0.1";
    String advertisedHost;
    int port = ProxyConfig.DEFAULT_PORT;
    int tlsPort = ProxyConfig.DEFAULT_TLS_PORT;
    TlsSettings tls;
    List<String> chatServiceUris;
    List<PoolNodeAddress> nodes = new ArrayList<>();
    URI webManagerUri;
    ChallengeMode challengeMode = ChallengeMode.PROXY_AUTHENTICATE;
    List<DigestAlgorithm> challengeAlgorithms = List.of(DigestAlgorithm.MD5);
    boolean acceptNullDigestUri = true;
    boolean strictDigestUri;
    List<String> trustedPeers = new ArrayList<>();
    Duration nonceLifetime = Duration.ofMinutes(5);
    int maxTrackedNonces = 100_000;
    Duration credentialCacheTtl = Duration.ofSeconds(30);
    int authFailureLimit = 10;
    Duration authFailureWindow = Duration.ofMinutes(1);
    int registrarMinExpires = 60;
    int registrarMaxExpires = 7_200;
    int registrarDefaultExpires = 3_600;
    int maxBindingsPerUser = 10;
    int maxBindings = 200_000;
    int keepAliveSeconds = 300;
    Duration healthCheckInterval = Duration.ofSeconds(5);
    Duration healthCheckTimeout = Duration.ofSeconds(2);
    int maxChatDialogs = 200_000;
    Duration chatDialogIdleTimeout = Duration.ofHours(2);
    int credentialThreads = 4;
    int credentialQueue = 1_000;
    int forwardLanes = Math.max(2, Runtime.getRuntime().availableProcessors());
    int laneQueue = 10_000;
    int maxMessageSize = SipStackConfig.DEFAULT_MAX_MESSAGE_SIZE;
    int stackThreads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    int maxConnections = SipStackConfig.DEFAULT_MAX_CONNECTIONS;
    int connectTimeoutMillis = 2_000;
    int t1Millis = SipStackConfig.DEFAULT_T1_MILLIS;

    ProxyConfigBuilder(String name, String domain) {
        this.name = name;
        this.domain = domain;
    }

    public ProxyConfigBuilder bindAddress(String value) {
        bindAddress = value;
        return this;
    }

    /** Defaults to the bind address (loopback when it is a wildcard). */
    public ProxyConfigBuilder advertisedHost(String value) {
        advertisedHost = value;
        return this;
    }

    public ProxyConfigBuilder port(int value) {
        port = value;
        return this;
    }

    public ProxyConfigBuilder tlsPort(int value) {
        tlsPort = value;
        return this;
    }

    public ProxyConfigBuilder tls(TlsSettings value) {
        tls = value;
        return this;
    }

    /** Defaults to {@code sip:ocschat@<domain>}. */
    public ProxyConfigBuilder chatServiceUris(List<String> value) {
        chatServiceUris = new ArrayList<>(value);
        return this;
    }

    public ProxyConfigBuilder nodes(List<PoolNodeAddress> value) {
        nodes = new ArrayList<>(value);
        return this;
    }

    public ProxyConfigBuilder webManagerUri(URI value) {
        webManagerUri = value;
        return this;
    }

    public ProxyConfigBuilder challengeMode(ChallengeMode value) {
        challengeMode = value;
        return this;
    }

    public ProxyConfigBuilder challengeAlgorithms(List<DigestAlgorithm> value) {
        challengeAlgorithms = new ArrayList<>(value);
        return this;
    }

    public ProxyConfigBuilder acceptNullDigestUri(boolean value) {
        acceptNullDigestUri = value;
        return this;
    }

    public ProxyConfigBuilder strictDigestUri(boolean value) {
        strictDigestUri = value;
        return this;
    }

    public ProxyConfigBuilder trustedPeers(List<String> value) {
        trustedPeers = new ArrayList<>(value);
        return this;
    }

    public ProxyConfigBuilder nonceLifetime(Duration value) {
        nonceLifetime = value;
        return this;
    }

    public ProxyConfigBuilder maxTrackedNonces(int value) {
        maxTrackedNonces = value;
        return this;
    }

    public ProxyConfigBuilder credentialCacheTtl(Duration value) {
        credentialCacheTtl = value;
        return this;
    }

    public ProxyConfigBuilder authFailureLimit(int value) {
        authFailureLimit = value;
        return this;
    }

    public ProxyConfigBuilder authFailureWindow(Duration value) {
        authFailureWindow = value;
        return this;
    }

    public ProxyConfigBuilder registrarExpires(int min, int defaultValue, int max) {
        registrarMinExpires = min;
        registrarDefaultExpires = defaultValue;
        registrarMaxExpires = max;
        return this;
    }

    public ProxyConfigBuilder maxBindingsPerUser(int value) {
        maxBindingsPerUser = value;
        return this;
    }

    public ProxyConfigBuilder maxBindings(int value) {
        maxBindings = value;
        return this;
    }

    public ProxyConfigBuilder keepAliveSeconds(int value) {
        keepAliveSeconds = value;
        return this;
    }

    public ProxyConfigBuilder healthCheckInterval(Duration value) {
        healthCheckInterval = value;
        return this;
    }

    public ProxyConfigBuilder healthCheckTimeout(Duration value) {
        healthCheckTimeout = value;
        return this;
    }

    public ProxyConfigBuilder maxChatDialogs(int value) {
        maxChatDialogs = value;
        return this;
    }

    public ProxyConfigBuilder chatDialogIdleTimeout(Duration value) {
        chatDialogIdleTimeout = value;
        return this;
    }

    public ProxyConfigBuilder credentialExecutor(int threads, int queue) {
        credentialThreads = threads;
        credentialQueue = queue;
        return this;
    }

    public ProxyConfigBuilder forwardLanes(int lanes, int queuePerLane) {
        forwardLanes = lanes;
        laneQueue = queuePerLane;
        return this;
    }

    public ProxyConfigBuilder maxMessageSize(int value) {
        maxMessageSize = value;
        return this;
    }

    public ProxyConfigBuilder stackThreads(int value) {
        stackThreads = value;
        return this;
    }

    public ProxyConfigBuilder maxConnections(int value) {
        maxConnections = value;
        return this;
    }

    public ProxyConfigBuilder connectTimeoutMillis(int value) {
        connectTimeoutMillis = value;
        return this;
    }

    public ProxyConfigBuilder t1Millis(int value) {
        t1Millis = value;
        return this;
    }

    public ProxyConfig build() {
        String advertised = advertisedHost != null ? advertisedHost
                : isWildcard(bindAddress) ? "127.0.0.1" : bindAddress;
        List<String> uris = chatServiceUris != null ? chatServiceUris
                : domain == null ? List.of() : List.of(ProxyConfig.lookupUri(domain));
        return new ProxyConfig(name, bindAddress, advertised, port, tlsPort, Optional.ofNullable(tls), domain,
                uris, nodes, Optional.ofNullable(webManagerUri), challengeMode, challengeAlgorithms,
                acceptNullDigestUri, strictDigestUri, trustedPeers, nonceLifetime, maxTrackedNonces, credentialCacheTtl,
                authFailureLimit, authFailureWindow, registrarMinExpires, registrarMaxExpires,
                registrarDefaultExpires, maxBindingsPerUser, maxBindings, keepAliveSeconds, healthCheckInterval,
                healthCheckTimeout, maxChatDialogs, chatDialogIdleTimeout, credentialThreads, credentialQueue,
                forwardLanes, laneQueue, maxMessageSize, stackThreads, maxConnections, connectTimeoutMillis,
                t1Millis);
    }

    private static boolean isWildcard(String address) {
        return "0.0.0.0".equals(address) || "::".equals(address) || "0:0:0:0:0:0:0:0".equals(address);
    }
}
