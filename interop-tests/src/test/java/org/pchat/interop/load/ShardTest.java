package org.pchat.interop.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Several driver processes share one run: every user is played by exactly one, and post ids never collide. */
class ShardTest {

    @Test
    void everyUserIsPlayedByExactlyOneShard() {
        int users = 1_001;
        Shard[] shards = {new Shard(0, 3), new Shard(1, 3), new Shard(2, 3)};
        for (int u = 0; u < users; u++) {
            int user = u;
            assertThat(IntStream.range(0, 3).filter(k -> shards[k].plays(user)).count()).isEqualTo(1);
        }
        assertThat(shards[0].usersOf(users) + shards[1].usersOf(users) + shards[2].usersOf(users)).isEqualTo(users);
        for (Shard shard : shards) {
            for (int n = 0; n < shard.usersOf(users); n++) {
                assertThat(shard.plays(shard.user(n))).isTrue();
                assertThat(shard.user(n)).isLessThan(users);
            }
        }
    }

    @Test
    void postIdsOfOneShardAreRecognisedThereAndNowhereElse() {
        Shard zero = new Shard(0, 2);
        Shard one = new Shard(1, 2);
        for (long n = 1; n < 100; n++) {
            assertThat(zero.issued(zero.postId(n))).isTrue();
            assertThat(one.issued(zero.postId(n))).isFalse();
            assertThat(one.postId(n)).isNotEqualTo(zero.postId(n));
        }
    }

    @Test
    void theWholeRunIsOneShard() {
        assertThat(Shard.WHOLE.usersOf(7)).isEqualTo(7);
        assertThat(Shard.WHOLE.issued(12_345)).isTrue();
        assertThat(Shard.parse(" 1 / 4 ")).isEqualTo(new Shard(1, 4));
    }

    @Test
    void badShardsAreRefusedNamingTheValue() {
        assertThatThrownBy(() -> Shard.parse("2/2")).hasMessageContaining("--shard 2/2");
        assertThatThrownBy(() -> Shard.parse("one/2")).hasMessageContaining("--shard one/2 must be K/N");
        assertThatThrownBy(() -> Shard.parse("3")).hasMessageContaining("--shard 3 must be K/N");
    }
}
