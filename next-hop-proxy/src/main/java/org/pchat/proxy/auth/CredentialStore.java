package org.pchat.proxy.auth;

import java.util.Optional;

/**
 * Where the proxy finds users' digest secrets (the server implements it on its user store). Implementations may
 * block (database): the proxy calls them only on its bounded credential executor, never on a network thread.
 */
public interface CredentialStore {

    /**
     * The credentials of the user whose digest username is {@code username} ({@code alice@example.com}, the
     * address of record without {@code sip:}) in {@code realm}; empty for an unknown user or one without a
     * password for that realm.
     *
     * @throws RuntimeException when the store cannot be read; the request then gets 500
     */
    Optional<UserCredentials> lookup(String username, String realm);
}
