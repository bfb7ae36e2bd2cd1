package org.pchat.server.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pchat.proxy.auth.DigestAlgorithm;
import org.pchat.proxy.auth.DigestVerifier;
import org.pchat.proxy.auth.UserCredentials;
import org.pchat.server.db.DatabaseConfig;
import org.pchat.server.db.Databases;
import org.pchat.server.domain.credentials.PasswordHasher;
import org.pchat.server.domain.credentials.PasswordHasherConfig;
import org.pchat.server.rooms.DirectoryConfig;
import org.pchat.server.rooms.DirectoryService;

/** The proxy's digest secrets come from the content database's users (RFC 7616 §3.4.2 HA1). */
class DirectoryCredentialStoreTest {

    @TempDir
    Path dataDir;
    private Databases databases;
    private DirectoryCredentialStore store;

    @BeforeEach
    void open() {
        databases = Databases.open(DatabaseConfig.embedded(dataDir));
        databases.migrate();
        new DirectoryService(databases.content(), DirectoryConfig.defaults(),
                new PasswordHasher(PasswordHasherConfig.defaults()), Clock.systemUTC())
                .addUser("sip:Alice@Example.com", "Alice", "s3cret".toCharArray(), false, "example.com");
        store = new DirectoryCredentialStore(databases.content());
    }

    @AfterEach
    void close() {
        databases.close();
    }

    @Test
    void digestUsernameFindsTheUserAndItsHa1ValuesForTheRealm() {
        UserCredentials found = store.lookup("alice@example.com", "example.com").orElseThrow();

        assertThat(found.userUri()).isEqualTo("sip:alice@example.com");
        assertThat(found.ha1(DigestAlgorithm.MD5)).isEqualTo(
                DigestVerifier.ha1(DigestAlgorithm.MD5, "alice@example.com", "example.com", "s3cret"));
        assertThat(found.ha1(DigestAlgorithm.SHA_256)).isEqualTo(
                DigestVerifier.ha1(DigestAlgorithm.SHA_256, "alice@example.com", "example.com", "s3cret"));
    }

    @Test
    void usernameIsComparedIgnoringCase() {
        assertThat(store.lookup("ALICE@example.com", "example.com")).isPresent();
    }

    @Test
    void otherRealmUnknownUserAndMalformedNameFindNothing() {
        assertThat(store.lookup("alice@example.com", "other.org")).isEmpty();
        assertThat(store.lookup("bob@example.com", "example.com")).isEmpty();
        assertThat(store.lookup("no at sign", "example.com")).isEmpty();
    }
}
