package org.pchat.xccos.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code ma-chan://} and {@code ma-cat://} URIs (xccos.md §6). */
class MaUriTest {

    @Test
    @DisplayName("§6: a Lync 2013 room URI parses into domain and GUID path")
    void parsesRoomUriWithGuid() {
        ChanUri uri = ChanUri.parse("ma-chan://lync.nextlabs.solutions/094f5a4a-c492-4f6b-91c2-385eba134fd3");

        assertThat(uri.domain()).isEqualTo("lync.nextlabs.solutions");
        assertThat(uri.path()).isEqualTo("094f5a4a-c492-4f6b-91c2-385eba134fd3");
        assertThat(uri.pathAsUuid()).contains(UUID.fromString("094f5a4a-c492-4f6b-91c2-385eba134fd3"));
    }

    @Test
    @DisplayName("§6: an older non-GUID room path such as 300 is accepted")
    void acceptsNonGuidPath() {
        ChanUri uri = ChanUri.parse("ma-chan://litwareinc.com/300");

        assertThat(uri.path()).isEqualTo("300");
        assertThat(uri.pathAsUuid()).isEmpty();
    }

    @Test
    @DisplayName("§6: formatting gives back the URI text")
    void formatsBack() {
        assertThat(ChanUri.of("contoso.com", "300").uri()).isEqualTo("ma-chan://contoso.com/300");
        assertThat(ChanUri.of("contoso.com", "300")).hasToString("ma-chan://contoso.com/300");
    }

    @Test
    @DisplayName("§6: the scheme is matched case-insensitively and the domain kept verbatim")
    void schemeIsCaseInsensitive() {
        assertThat(ChanUri.parse("MA-CHAN://Contoso.com/300")).isEqualTo(ChanUri.of("Contoso.com", "300"));
    }

    @Test
    @DisplayName("§6: a category URI parses with the ma-cat scheme")
    void parsesCategoryUri() {
        CatUri uri = CatUri.parse("ma-cat://lync.nextlabs.solutions/396ac1bf-a36a-4633-a0c7-dbf74991ec7a");

        assertThat(uri.scheme()).isEqualTo("ma-cat");
        assertThat(uri.path()).isEqualTo("396ac1bf-a36a-4633-a0c7-dbf74991ec7a");
    }

    @Test
    @DisplayName("§6: a category URI is not a room URI")
    void categoryUriIsNotRoomUri() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChanUri.parse("ma-cat://contoso.com/300"));

        assertThat(e.getMessage()).isEqualTo(
                "'ma-cat://contoso.com/300' is not a ma-chan URI: expected the prefix ma-chan://");
    }

    @Test
    @DisplayName("§6: a URI without a path is refused")
    void refusesMissingPath() {
        assertThrows(IllegalArgumentException.class, () -> ChanUri.parse("ma-chan://contoso.com"));
        assertThrows(IllegalArgumentException.class, () -> ChanUri.parse("ma-chan://contoso.com/"));
    }

    @Test
    @DisplayName("§6: a path with a slash is refused naming the character")
    void refusesSlashInPath() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChanUri.parse("ma-chan://contoso.com/a/b"));

        assertThat(e.getMessage()).isEqualTo(
                "ma-chan URI path 'a/b' contains the forbidden character U+002F at index 1");
    }

    @Test
    @DisplayName("§6: a domain that is not a host name is refused")
    void refusesBadDomain() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChanUri.of("contoso com", "300"));

        assertThat(e.getMessage()).startsWith("ma-chan URI domain 'contoso com' is not a host name");
    }
}
