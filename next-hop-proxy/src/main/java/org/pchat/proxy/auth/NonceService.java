package org.pchat.proxy.auth;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Server nonces (RFC 7616 §3.3, §5.4): self-verifying (issue time, random and an HMAC under a per-process key,
 * so no state is kept per challenge), valid for a lifetime, and each (nonce, nonce-count) accepted at most once:
 * the highest count seen per nonce is remembered for a bounded number of nonces, so a replayed response is
 * refused.
 */
public final class NonceService {

    /** What a nonce and nonce-count are worth. */
    public enum Verdict {
        /** Issued by us, fresh, count not seen before. */
        VALID,
        /** Issued by us but expired, or its count was already used: challenge again with stale=true. */
        STALE,
        /** Not a nonce of ours. */
        FOREIGN
    }

    private static final int RANDOM_BYTES = 8;
    private static final int MAC_BYTES = 16;
    private static final String HMAC = "HmacSHA256";

    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random;
    private final byte[] key;
    private final Map<String, Long> counts;

    /**
     * @param clock      wall clock
     * @param lifetime   nonce validity
     * @param maxTracked nonces whose count is remembered; the oldest are forgotten first (their nonces then
     *                   count as stale, which only costs a new challenge)
     * @param random     source of nonce randomness and of the HMAC key
     */
    public NonceService(Clock clock, Duration lifetime, int maxTracked, SecureRandom random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        this.random = Objects.requireNonNull(random, "random");
        this.key = new byte[32];
        random.nextBytes(key);
        this.counts = new LinkedHashMap<>(1024, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > maxTracked;
            }
        };
    }

    /** A new nonce. */
    public String issue() {
        ByteBuffer body = ByteBuffer.allocate(Long.BYTES + RANDOM_BYTES);
        body.putLong(clock.millis());
        byte[] salt = new byte[RANDOM_BYTES];
        random.nextBytes(salt);
        body.put(salt);
        byte[] plain = body.array();
        byte[] mac = mac(plain);
        ByteBuffer all = ByteBuffer.allocate(plain.length + MAC_BYTES);
        all.put(plain).put(mac, 0, MAC_BYTES);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(all.array());
        synchronized (counts) {
            counts.put(nonce, 0L);
        }
        return nonce;
    }

    /**
     * Checks a nonce and, when valid, records its count. A response without qop (RFC 2069) has no count: its
     * nonce is then accepted once.
     *
     * @param nonce    the nonce as the client returned it
     * @param ncHex    the nonce-count (8 hex digits), or null without qop
     */
    public Verdict check(String nonce, String ncHex) {
        Verdict issued = inspect(nonce);
        if (issued != Verdict.VALID) {
            return issued;
        }
        long count = parseCount(ncHex);
        if (count < 0) {
            return Verdict.STALE;
        }
        synchronized (counts) {
            Long last = counts.get(nonce);
            if (last == null || count <= last) {
                // forgotten (so possibly used) or a count already seen: a replay
                return Verdict.STALE;
            }
            counts.put(nonce, count);
        }
        return Verdict.VALID;
    }

    /** Whether {@code nonce} is ours and fresh, without consuming a count. */
    public Verdict inspect(String nonce) {
        byte[] all;
        try {
            all = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return Verdict.FOREIGN;
        }
        if (all.length != Long.BYTES + RANDOM_BYTES + MAC_BYTES
                || !Base64.getUrlEncoder().withoutPadding().encodeToString(all).equals(nonce)) {
            // not the exact text issued: a non-canonical encoding (other unused low bits) decodes to the same bytes
            return Verdict.FOREIGN;
        }
        byte[] plain = new byte[Long.BYTES + RANDOM_BYTES];
        System.arraycopy(all, 0, plain, 0, plain.length);
        byte[] mac = new byte[MAC_BYTES];
        System.arraycopy(all, plain.length, mac, 0, MAC_BYTES);
        byte[] expected = new byte[MAC_BYTES];
        System.arraycopy(mac(plain), 0, expected, 0, MAC_BYTES);
        if (!MessageDigest.isEqual(mac, expected)) {
            return Verdict.FOREIGN;
        }
        long issued = ByteBuffer.wrap(plain).getLong();
        long age = clock.millis() - issued;
        if (age < 0 || age > lifetime.toMillis()) {
            return Verdict.STALE;
        }
        return Verdict.VALID;
    }

    /** The nonce-count as a number; 1 when absent (RFC 2069: the nonce is good once); -1 when malformed. */
    private static long parseCount(String ncHex) {
        if (ncHex == null) {
            return 1;
        }
        if (ncHex.length() != 8) {
            return -1;
        }
        try {
            long value = Long.parseLong(ncHex, 16);
            return value < 1 ? -1 : value;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private byte[] mac(byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + HMAC, e);
        }
    }
}
