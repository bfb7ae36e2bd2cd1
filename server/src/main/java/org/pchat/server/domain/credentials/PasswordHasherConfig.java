package org.pchat.server.domain.credentials;

/**
 * Limits and costs of password hashing.
 *
 * @param pbkdf2Iterations  PBKDF2-HMAC-SHA256 iterations for the stored password hash
 * @param scramIterations   iterations for the SCRAM keys (RFC 7677 asks for at least 4096)
 * @param saltBytes         random salt length
 * @param maxPasswordLength longest password accepted, in chars
 */
public record PasswordHasherConfig(int pbkdf2Iterations, int scramIterations, int saltBytes,
        int maxPasswordLength) {

    /** Lowest PBKDF2 iteration count accepted. */
    public static final int MIN_PBKDF2_ITERATIONS = 1_000;
    /** Lowest SCRAM iteration count accepted (RFC 7677 §4). */
    public static final int MIN_SCRAM_ITERATIONS = 4_096;

    public PasswordHasherConfig {
        requireRange("pbkdf2Iterations", pbkdf2Iterations, MIN_PBKDF2_ITERATIONS, 10_000_000);
        requireRange("scramIterations", scramIterations, MIN_SCRAM_ITERATIONS, 10_000_000);
        requireRange("saltBytes", saltBytes, 16, 48);
        requireRange("maxPasswordLength", maxPasswordLength, 8, 4_096);
    }

    /** Production defaults: PBKDF2 310,000 iterations, SCRAM 4,096, 16-byte salts, passwords up to 1,024 chars. */
    public static PasswordHasherConfig defaults() {
        return new PasswordHasherConfig(310_000, 4_096, 16, 1_024);
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("password hashing " + name + " is " + value
                    + ", allowed range is " + min + ".." + max);
        }
    }
}
