package org.pchat.server.proxy;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.pchat.proxy.auth.CredentialStore;
import org.pchat.proxy.auth.UserCredentials;
import org.pchat.server.domain.DirectoryException;
import org.pchat.server.domain.credentials.Credentials;
import org.pchat.server.domain.credentials.DigestAlgorithm;
import org.pchat.server.store.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxy's credential store on the content database's users: the digest username {@code alice@example.com}
 * is the user URI {@code sip:alice@example.com}; only HA1 values computed for the asked realm are returned.
 * Blocks on the database: the proxy calls it on its bounded credential executor.
 */
public final class DirectoryCredentialStore implements CredentialStore {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryCredentialStore.class);

    private final UserRepository users;

    public DirectoryCredentialStore(DSLContext content) {
        this.users = new UserRepository(Objects.requireNonNull(content, "content"));
    }

    @Override
    public Optional<UserCredentials> lookup(String username, String realm) {
        String uri = "sip:" + username.trim().toLowerCase(Locale.ROOT);
        Optional<Credentials> stored;
        try {
            stored = users.credentials(uri);
        } catch (DirectoryException e) {
            LOG.debug("digest username {} is not a user URI: {}", username, e.getMessage());
            return Optional.empty();
        }
        return stored.filter(c -> c.digestRealm().equalsIgnoreCase(realm))
                .map(c -> new UserCredentials(uri, c.digestRealm(), c.digestHa1(DigestAlgorithm.MD5),
                        c.digestHa1(DigestAlgorithm.SHA_256)));
    }
}
