package org.pchat.server.config;

import java.util.List;
import org.pchat.server.domain.credentials.PasswordHasherConfig;

/** The keys of password hashing, mapped onto {@link PasswordHasherConfig}. */
public final class PasswordSettings {

    public static final ConfigKey<Integer> PBKDF2_ITERATIONS = ConfigKey.of("password.pbkdf2-iterations",
            ValueType.integer("an iteration count", PasswordHasherConfig.MIN_PBKDF2_ITERATIONS, 10_000_000),
            PasswordHasherConfig.defaults().pbkdf2Iterations(),
            "PBKDF2-HMAC-SHA256 iterations of stored password hashes (cost of each sign-in check).");
    public static final ConfigKey<Integer> SCRAM_ITERATIONS = ConfigKey.of("password.scram-iterations",
            ValueType.integer("an iteration count", PasswordHasherConfig.MIN_SCRAM_ITERATIONS, 10_000_000),
            PasswordHasherConfig.defaults().scramIterations(), "SCRAM iterations for XMPP sign-in (RFC 7677).");
    public static final ConfigKey<Integer> MAX_LENGTH = ConfigKey.of("password.max-length",
            ValueType.integer("a character count", 8, 4096), PasswordHasherConfig.defaults().maxPasswordLength(),
            "Longest password accepted.");

    private PasswordSettings() {
    }

    /** The password keys. */
    public static List<ConfigKey<?>> keys() {
        return List.of(PBKDF2_ITERATIONS, SCRAM_ITERATIONS, MAX_LENGTH);
    }

    static PasswordHasherConfig resolve(Settings settings) {
        try {
            return new PasswordHasherConfig(settings.get(PBKDF2_ITERATIONS), settings.get(SCRAM_ITERATIONS),
                    PasswordHasherConfig.defaults().saltBytes(), settings.get(MAX_LENGTH));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("password.* rejected: " + e.getMessage(), e);
        }
    }
}
