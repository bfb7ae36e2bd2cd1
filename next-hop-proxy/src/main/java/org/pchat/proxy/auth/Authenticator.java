package org.pchat.proxy.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks digest credentials of requests (RFC 7616, RFC 3261 §22) against the {@link CredentialStore} and builds
 * challenges. Store lookups run on the given bounded executor and are cached briefly; failures are throttled per
 * source address. Never logs secrets.
 */
public final class Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);
    /** The digest-uri the Lync client sends (xccos.md §11). */
    public static final String NULL_URI = "(null)";
    private static final int MAX_CACHED = 100_000;

    private final String proxyName;
    private final String realm;
    private final List<DigestAlgorithm> algorithms;
    private final boolean acceptNullUri;
    private final boolean strictUri;
    private final CredentialStore store;
    private final Executor lookups;
    private final NonceService nonces;
    private final AuthThrottle throttle;
    private final Clock clock;
    private final Duration cacheTtl;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Optional<UserCredentials> credentials, long expiresAtMillis) {
    }

    /**
     * @param lookups bounded executor for store lookups; a rejected lookup makes the request get 503
     */
    public Authenticator(String proxyName, String realm, List<DigestAlgorithm> algorithms, boolean acceptNullUri,
                         boolean strictUri, CredentialStore store, Executor lookups, NonceService nonces, AuthThrottle throttle,
                         Clock clock, Duration cacheTtl) {
        this.proxyName = Objects.requireNonNull(proxyName, "proxyName");
        this.realm = Objects.requireNonNull(realm, "realm");
        this.algorithms = List.copyOf(algorithms);
        this.acceptNullUri = acceptNullUri;
        this.strictUri = strictUri;
        this.store = Objects.requireNonNull(store, "store");
        this.lookups = Objects.requireNonNull(lookups, "lookups");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cacheTtl = Objects.requireNonNull(cacheTtl, "cacheTtl");
    }

    /** The header values of a challenge: one per algorithm, most preferred first (RFC 7616 §3.7). */
    public List<String> challenge(boolean stale) {
        String nonce = nonces.issue();
        List<String> values = new ArrayList<>(algorithms.size());
        for (DigestAlgorithm algorithm : algorithms) {
            values.add("Digest realm=\"" + realm + "\", nonce=\"" + nonce + "\", qop=\"auth\", algorithm="
                    + algorithm.token() + (stale ? ", stale=TRUE" : ""));
        }
        return values;
    }

    /** Whether {@code address} is refused without a check (too many failures). */
    public boolean isThrottled(String address) {
        return throttle.isThrottled(address);
    }

    /**
     * Checks one credentials header value.
     *
     * @param header     the header value ({@code Digest ...})
     * @param method     the request method
     * @param requestUri the Request-URI as received
     * @param body       the request body (qop=auth-int)
     * @param source     the source address (throttling) and call identity for logs
     * @return completes on the lookup executor, or at once when no lookup is needed; never exceptionally
     */
    public CompletableFuture<AuthOutcome> verify(String header, String method, String requestUri, byte[] body,
                                                 String source, String callId) {
        if (throttle.isThrottled(source)) {
            LOG.info("{} - authentication refused, too many failures: peer={} call-id={}", proxyName, source,
                    callId);
            return CompletableFuture.completedFuture(new AuthOutcome.Forbidden("Too many authentication failures"));
        }
        DigestCredentials credentials;
        try {
            credentials = DigestCredentials.parse(header);
        } catch (IllegalArgumentException e) {
            LOG.info("{} - malformed credentials: peer={} call-id={}: {}", proxyName, source, callId,
                    e.getMessage());
            return CompletableFuture.completedFuture(new AuthOutcome.BadRequest("Malformed credentials"));
        }
        Optional<AuthOutcome> early = precheck(credentials, requestUri, source, callId);
        if (early.isPresent()) {
            return CompletableFuture.completedFuture(early.get());
        }
        DigestAlgorithm algorithm = DigestAlgorithm.fromToken(credentials.algorithm().orElse(null)).orElseThrow();
        String username = credentials.username().toLowerCase(Locale.ROOT);
        Cached cached = cache.get(username);
        if (cached != null && cached.expiresAtMillis() > clock.millis()) {
            return CompletableFuture.completedFuture(
                    decide(credentials, algorithm, cached.credentials(), method, body, source, callId));
        }
        CompletableFuture<AuthOutcome> result = new CompletableFuture<>();
        try {
            lookups.execute(() -> {
                try {
                    Optional<UserCredentials> found = store.lookup(username, realm);
                    remember(username, found);
                    result.complete(decide(credentials, algorithm, found, method, body, source, callId));
                } catch (RuntimeException e) {
                    LOG.error("{} - credential lookup failed: user={} peer={} call-id={}: {}", proxyName, username,
                            source, callId, e.toString(), e);
                    result.complete(new AuthOutcome.Unavailable(500, "Credential store failed"));
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("{} - credential lookups saturated: user={} peer={} call-id={}", proxyName, username, source,
                    callId);
            result.complete(new AuthOutcome.Unavailable(503, "Authentication busy"));
        }
        return result;
    }

    private Optional<AuthOutcome> precheck(DigestCredentials credentials, String requestUri, String source,
                                           String callId) {
        if (!realm.equalsIgnoreCase(credentials.realm())) {
            return Optional.of(new AuthOutcome.Challenge(false, "realm " + credentials.realm() + " is not ours"));
        }
        Optional<DigestAlgorithm> algorithm = DigestAlgorithm.fromToken(credentials.algorithm().orElse(null));
        if (algorithm.isEmpty()) {
            return Optional.of(new AuthOutcome.Challenge(false, "algorithm " + credentials.algorithm().orElse("")
                    + " is not supported"));
        }
        String qop = credentials.qop().orElse("auth").toLowerCase(Locale.ROOT);
        if (!qop.equals("auth") && !qop.equals("auth-int")) {
            return Optional.of(new AuthOutcome.BadRequest("Unsupported qop"));
        }
        if (!acceptNullUri && NULL_URI.equals(credentials.uri())) {
            return Optional.of(new AuthOutcome.BadRequest("Digest uri (null) not accepted"));
        }
        boolean nullUri = NULL_URI.equals(credentials.uri());
        if (strictUri && !nullUri && !credentials.uri().equalsIgnoreCase(requestUri)) {
            // RFC 2617 §3.2.2.5: the digest-uri must name the request's URI
            LOG.info("{} - digest uri {} does not match Request-URI {}: peer={} call-id={}", proxyName,
                    credentials.uri(), requestUri, source, callId);
            return Optional.of(new AuthOutcome.BadRequest("Digest uri does not match Request-URI"));
        }
        return switch (nonces.inspect(credentials.nonce())) {
            case VALID -> Optional.empty();
            case STALE -> Optional.of(new AuthOutcome.Challenge(true, "nonce expired"));
            case FOREIGN -> Optional.of(new AuthOutcome.Challenge(false, "nonce is not ours"));
        };
    }

    private AuthOutcome decide(DigestCredentials credentials, DigestAlgorithm algorithm,
                               Optional<UserCredentials> found, String method, byte[] body, String source,
                               String callId) {
        String username = credentials.username();
        if (found.isEmpty() || !DigestVerifier.verify(credentials, algorithm, found.get().ha1(algorithm), method,
                body)) {
            throttle.recordFailure(source);
            LOG.info("{} - authentication failed ({}): user={} peer={} call-id={} failures={}", proxyName,
                    found.isEmpty() ? "unknown user" : "wrong response", username, source, callId,
                    throttle.failures(source));
            return new AuthOutcome.Forbidden("Authentication failed");
        }
        NonceService.Verdict count = nonces.check(credentials.nonce(),
                credentials.qop().isPresent() ? credentials.nc().orElse("") : null);
        if (count != NonceService.Verdict.VALID) {
            LOG.info("{} - nonce count replayed: user={} peer={} call-id={}", proxyName, username, source, callId);
            return new AuthOutcome.Challenge(true, "nonce count replayed");
        }
        throttle.recordSuccess(source);
        return new AuthOutcome.Authenticated(found.get().userUri());
    }

    private void remember(String username, Optional<UserCredentials> found) {
        if (cacheTtl.isZero()) {
            return;
        }
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(username, new Cached(found, clock.millis() + cacheTtl.toMillis()));
    }
}
