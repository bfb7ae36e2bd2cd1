package org.pchat.server.domain.credentials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.pchat.server.domain.DirectoryException;
import org.pchat.server.domain.UserUris;

/**
 * Derives and checks password material with JDK crypto only. Passwords arrive as
 * {@code char[]}; intermediate byte arrays are wiped, the caller wipes its own array.
 */
public final class PasswordHasher {

    private static final String PBKDF2 = "PBKDF2WithHmacSHA256";
    private static final int PBKDF2_HASH_BYTES = 32;
    private static final int MAX_REALM_LENGTH = 256;

    private final PasswordHasherConfig config;
    private final SecureRandom random;

    public PasswordHasher(PasswordHasherConfig config, SecureRandom random) {
        this.config = Objects.requireNonNull(config, "config");
        this.random = Objects.requireNonNull(random, "random");
    }

    public PasswordHasher(PasswordHasherConfig config) {
        this(config, new SecureRandom());
    }

    /**
     * Derives every stored form of a password.
     *
     * @param userUri  the user's SIP URI; the digest username is this URI without {@code sip:}
     * @param realm    the digest realm (the SIP domain)
     * @param password the password; not modified
     * @throws DirectoryException INVALID for an empty or too long password, or a bad realm
     */
    public Credentials derive(String userUri, String realm, char[] password) {
        String uri = UserUris.normalize(userUri);
        checkPassword(uri, password);
        checkRealm(uri, realm);
        byte[] salt = salt();
        byte[] hash = Crypto.pbkdf2(PBKDF2, password, salt, config.pbkdf2Iterations(), PBKDF2_HASH_BYTES);
        String username = UserUris.digestUsername(uri);
        ScramCredential sha1 = scram(ScramMechanism.SCRAM_SHA_1, password, salt(), config.scramIterations());
        ScramCredential sha256 = scram(ScramMechanism.SCRAM_SHA_256, password, salt(), config.scramIterations());
        return new Credentials(base64(salt), config.pbkdf2Iterations(), base64(hash), realm,
                digestHa1(DigestAlgorithm.MD5, username, realm, password),
                digestHa1(DigestAlgorithm.SHA_256, username, realm, password), sha1, sha256);
    }

    /** Checks a clear-text password (HTTP Basic, SASL PLAIN) against the stored PBKDF2 hash, in constant time. */
    public boolean verifyPassword(Credentials credentials, char[] password) {
        if (password == null || password.length == 0 || password.length > config.maxPasswordLength()) {
            return false;
        }
        byte[] expected = Base64.getDecoder().decode(credentials.pbkdf2Hash());
        byte[] actual = Crypto.pbkdf2(PBKDF2, password, Base64.getDecoder().decode(credentials.pbkdf2Salt()),
                credentials.pbkdf2Iterations(), expected.length);
        boolean equal = MessageDigest.isEqual(expected, actual);
        Arrays.fill(actual, (byte) 0);
        return equal;
    }

    /**
     * HA1 of HTTP/SIP digest (RFC 2617 §3.2.2.2, RFC 7616 §3.4.2): hex {@code H(username ":" realm ":" password)}.
     */
    public static String digestHa1(DigestAlgorithm algorithm, String username, String realm, char[] password) {
        MessageDigest digest = Crypto.digest(algorithm.digestName());
        digest.update((username + ":" + realm + ":").getBytes(StandardCharsets.UTF_8));
        byte[] secret = Crypto.utf8(password);
        digest.update(secret);
        Arrays.fill(secret, (byte) 0);
        return Crypto.hex(digest.digest());
    }

    /**
     * SCRAM keys (RFC 5802 §3): {@code SaltedPassword = Hi(Normalize(password), salt, i)},
     * {@code StoredKey = H(HMAC(SaltedPassword, "Client Key"))},
     * {@code ServerKey = HMAC(SaltedPassword, "Server Key")}.
     */
    public static ScramCredential scram(ScramMechanism mechanism, char[] password, byte[] salt, int iterations) {
        char[] normalized = saslPrep(password);
        byte[] salted = Crypto.pbkdf2(mechanism.pbkdf2Algorithm(), normalized, salt, iterations,
                mechanism.keyLength());
        Arrays.fill(normalized, '\0');
        byte[] clientKey = Crypto.hmac(mechanism.hmacAlgorithm(), salted, bytes("Client Key"));
        byte[] storedKey = Crypto.hash(mechanism.digestAlgorithm(), clientKey);
        byte[] serverKey = Crypto.hmac(mechanism.hmacAlgorithm(), salted, bytes("Server Key"));
        Arrays.fill(salted, (byte) 0);
        Arrays.fill(clientKey, (byte) 0);
        return new ScramCredential(mechanism, base64(salt), iterations, base64(storedKey), base64(serverKey));
    }

    /**
     * An approximation of SASLprep (RFC 4013) with the JDK: non-ASCII spaces become U+0020,
     * characters "commonly mapped to nothing" are dropped, then NFKC. ASCII passwords pass unchanged.
     */
    static char[] saslPrep(char[] password) {
        boolean ascii = true;
        for (char c : password) {
            if (c > 0x7E) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return password.clone();
        }
        StringBuilder mapped = new StringBuilder(password.length);
        for (char c : password) {
            if (c == '\u00AD' || c == '\u034F' || c == '\u1806' || c == '\u180B' || c == '\u180C'
                    || c == '\u180D' || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060'
                    || c == '\uFEFF' || (c >= '\uFE00' && c <= '\uFE0F')) {
                continue;
            }
            mapped.append(Character.isSpaceChar(c) ? ' ' : c);
        }
        return Normalizer.normalize(mapped, Normalizer.Form.NFKC).toCharArray();
    }

    private void checkPassword(String uri, char[] password) {
        if (password == null || password.length == 0) {
            throw DirectoryException.invalid("password for " + uri + " is empty");
        }
        if (password.length > config.maxPasswordLength()) {
            throw DirectoryException.invalid("password for " + uri + " is " + password.length
                    + " characters long, the limit is " + config.maxPasswordLength());
        }
    }

    private static void checkRealm(String uri, String realm) {
        if (realm == null || realm.isBlank()) {
            throw DirectoryException.invalid("digest realm for " + uri + " is missing: give the SIP domain");
        }
        if (realm.length() > MAX_REALM_LENGTH || realm.indexOf(':') >= 0 || realm.indexOf('"') >= 0) {
            throw DirectoryException.invalid("digest realm '" + realm + "' for " + uri
                    + " must be at most " + MAX_REALM_LENGTH + " characters without ':' or '\"'");
        }
    }

    private byte[] salt() {
        byte[] salt = new byte[config.saltBytes()];
        random.nextBytes(salt);
        return salt;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
