package org.pchat.proxy.support;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.pchat.proxy.auth.CredentialStore;
import org.pchat.proxy.auth.UserCredentials;

/** Users and passwords in memory; counts lookups. */
public final class InMemoryCredentials implements CredentialStore {

    private final String realm;
    private final Map<String, UserCredentials> users = new ConcurrentHashMap<>();
    public final AtomicInteger lookups = new AtomicInteger();

    public InMemoryCredentials(String realm) {
        this.realm = realm;
    }

    /** Adds {@code username} ({@code alice@example.com}). */
    public InMemoryCredentials add(String username, String password) {
        users.put(username, new UserCredentials("sip:" + username, realm,
                Digest.hash("MD5", username + ":" + realm + ":" + password),
                Digest.hash("SHA-256", username + ":" + realm + ":" + password)));
        return this;
    }

    @Override
    public Optional<UserCredentials> lookup(String username, String realmAsked) {
        lookups.incrementAndGet();
        return realm.equals(realmAsked) ? Optional.ofNullable(users.get(username)) : Optional.empty();
    }
}
