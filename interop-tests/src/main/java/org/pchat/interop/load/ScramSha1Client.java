package org.pchat.interop.load;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client side of SASL SCRAM-SHA-1 without channel binding (RFC 5802 §3, §5). The salted password is the
 * expensive part (PBKDF2, thousands of HMACs); it is cached per password, salt and iteration count, so load users
 * that share a password and a salt (as {@code pchat seed-model} writes them) pay it once. One instance per
 * authentication exchange; the cache is shared.
 */
public final class ScramSha1Client {
    /** SaltedPassword by "password NUL salt NUL iterations"; shared by every exchange of a run. */
    public static final class Cache {
        private final Map<String, byte[]> salted = new ConcurrentHashMap<>();

        byte[] saltedPassword(String password, byte[] salt, int iterations) {
            String key = password + '\0' + Base64.getEncoder().encodeToString(salt) + '\0' + iterations;
            return salted.computeIfAbsent(key, k -> pbkdf2(password, salt, iterations));
        }
    }

    private final String username;
    private final String password;
    private final String clientNonce;
    private final Cache cache;
    private String clientFirstBare;
    private byte[] expectedServerSignature;

    public ScramSha1Client(String username, String password, String clientNonce, Cache cache) {
        this.username = username;
        this.password = password;
        this.clientNonce = clientNonce;
        this.cache = cache;
    }

    /** The client-first-message: {@code n,,n=<user>,r=<nonce>}. */
    public String clientFirst() {
        clientFirstBare = "n=" + username.replace("=", "=3D").replace(",", "=2C") + ",r=" + clientNonce;
        return "n,," + clientFirstBare;
    }

    /** The client-final-message for the server-first-message; throws when the server's nonce or salt is bad. */
    public String clientFinal(String serverFirst) {
        String nonce = attribute(serverFirst, 'r');
        String salt = attribute(serverFirst, 's');
        String iterations = attribute(serverFirst, 'i');
        if (!nonce.startsWith(clientNonce) || nonce.length() == clientNonce.length()) {
            throw new IllegalArgumentException("server nonce '" + nonce + "' does not extend the client nonce");
        }
        int count = Integer.parseInt(iterations);
        if (count < 1) {
            throw new IllegalArgumentException("iteration count " + count + " is not positive");
        }
        byte[] salted = cache.saltedPassword(password, Base64.getDecoder().decode(salt), count);
        String withoutProof = "c=biws,r=" + nonce;
        String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
        byte[] clientKey = hmac(salted, "Client Key");
        byte[] storedKey = sha1(clientKey);
        byte[] signature = hmac(storedKey, authMessage);
        byte[] proof = new byte[clientKey.length];
        for (int k = 0; k < proof.length; k++) {
            proof[k] = (byte) (clientKey[k] ^ signature[k]);
        }
        expectedServerSignature = hmac(hmac(salted, "Server Key"), authMessage);
        return withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof);
    }

    /** Whether the server-final-message ({@code v=…}) proves the server knew the password. */
    public boolean verifyServerFinal(String serverFinal) {
        if (expectedServerSignature == null || !serverFinal.startsWith("v=")) {
            return false;
        }
        byte[] v = Base64.getDecoder().decode(attribute(serverFinal, 'v'));
        return MessageDigest.isEqual(v, expectedServerSignature);
    }

    private static String attribute(String message, char name) {
        for (String part : message.split(",")) {
            if (part.length() >= 2 && part.charAt(0) == name && part.charAt(1) == '=') {
                return part.substring(2);
            }
        }
        throw new IllegalArgumentException("SCRAM message '" + message + "' has no " + name + "= attribute");
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 160);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA1 unavailable", e);
        }
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    }

    private static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 unavailable", e);
        }
    }
}
