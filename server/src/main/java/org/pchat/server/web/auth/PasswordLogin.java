package org.pchat.server.web.auth;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.pchat.server.domain.DirectoryException;
import org.pchat.server.domain.User;
import org.pchat.server.domain.UserUris;
import org.pchat.server.domain.credentials.Credentials;
import org.pchat.server.domain.credentials.PasswordHasher;
import org.pchat.server.store.UserRepository;
import org.pchat.server.web.http.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a user name and password against the user store (PBKDF2, constant time). An unknown user costs the
 * same work as a wrong password, so timing does not tell which accounts exist. The user name may be the SIP
 * URI or the URI without {@code sip:}.
 */
public final class PasswordLogin {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordLogin.class);

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final Credentials decoy;

    public PasswordLogin(UserRepository users, PasswordHasher hasher, LoginThrottle throttle, SecureRandom random) {
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        char[] noise = new char[24];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (char) ('a' + random.nextInt(26));
        }
        this.decoy = hasher.derive("sip:decoy@decoy.invalid", "decoy.invalid", noise);
    }

    /**
     * The user whose password this is; empty for a wrong password or unknown user. The password array is
     * cleared.
     *
     * @throws ApiException 429 while the account is locked out after too many failures
     */
    public Optional<User> verify(String userName, char[] password, String origin) {
        try {
            String uri = toUri(userName);
            if (uri == null) {
                hasher.verifyPassword(decoy, password);
                LOG.warn("login refused: malformed user name from {}", origin);
                return Optional.empty();
            }
            if (throttle.lockedOut(uri)) {
                LOG.warn("login refused: user {} is locked out after repeated failures (from {})", uri, origin);
                throw ApiException.tooManyRequests("too many failed logins for " + uri + ": try again later");
            }
            Optional<Credentials> stored = users.credentials(uri);
            boolean ok = hasher.verifyPassword(stored.orElse(decoy), password) && stored.isPresent();
            Optional<User> user = ok ? users.find(uri) : Optional.empty();
            if (user.isEmpty()) {
                throttle.failed(uri);
                LOG.warn("login refused: wrong password or unknown user {} (from {})", uri, origin);
                return Optional.empty();
            }
            throttle.succeeded(uri);
            return user;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static String toUri(String userName) {
        if (userName == null || userName.isBlank()) {
            return null;
        }
        String name = userName.strip();
        if (!name.toLowerCase(Locale.ROOT).startsWith("sip:")) {
            name = "sip:" + name;
        }
        try {
            return UserUris.normalize(name);
        } catch (DirectoryException e) {
            return null;
        }
    }
}
