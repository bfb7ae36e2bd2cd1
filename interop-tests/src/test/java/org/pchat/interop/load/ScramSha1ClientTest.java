package org.pchat.interop.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The SCRAM-SHA-1 client against the exchange of RFC 5802 §5 (user "user", password "pencil"). */
class ScramSha1ClientTest {
    private static final String CLIENT_NONCE = "fyko+d2lbbFgONRv9qkxdawL";
    private static final String SERVER_FIRST = "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096";

    @Test
    void clientFirstMessageIsTheRfcExample() {
        ScramSha1Client client = new ScramSha1Client("user", "pencil", CLIENT_NONCE, new ScramSha1Client.Cache());

        assertThat(client.clientFirst()).isEqualTo("n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL");
    }

    @Test
    void clientFinalMessageCarriesTheRfcProof() {
        ScramSha1Client client = new ScramSha1Client("user", "pencil", CLIENT_NONCE, new ScramSha1Client.Cache());
        client.clientFirst();

        assertThat(client.clientFinal(SERVER_FIRST))
                .isEqualTo("c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=");
    }

    @Test
    void serverSignatureOfTheRfcIsAcceptedAndAnotherIsNot() {
        ScramSha1Client client = new ScramSha1Client("user", "pencil", CLIENT_NONCE, new ScramSha1Client.Cache());
        client.clientFirst();
        client.clientFinal(SERVER_FIRST);

        assertThat(client.verifyServerFinal("v=rmF9pqV8S7suAoZWja4dJRkFsKQ=")).isTrue();
        assertThat(client.verifyServerFinal("v=AAAAAAAAAAAAAAAAAAAAAAAAAAA=")).isFalse();
        assertThat(client.verifyServerFinal("e=invalid-proof")).isFalse();
    }

    @Test
    void cachedSaltedPasswordGivesTheSameProofToASecondExchange() {
        ScramSha1Client.Cache cache = new ScramSha1Client.Cache();
        ScramSha1Client first = new ScramSha1Client("user", "pencil", CLIENT_NONCE, cache);
        first.clientFirst();
        first.clientFinal(SERVER_FIRST);
        ScramSha1Client second = new ScramSha1Client("user", "pencil", CLIENT_NONCE, cache);
        second.clientFirst();

        assertThat(second.clientFinal(SERVER_FIRST)).endsWith("p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=");
    }

    @Test
    void serverNonceThatDoesNotExtendTheClientNonceIsRefused() {
        ScramSha1Client client = new ScramSha1Client("user", "pencil", CLIENT_NONCE, new ScramSha1Client.Cache());
        client.clientFirst();

        assertThatThrownBy(() -> client.clientFinal("r=somethingelse,s=QSXCR+Q6sek8bf92,i=4096"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not extend");
    }
}
