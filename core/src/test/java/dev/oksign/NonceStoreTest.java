package dev.oksign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oksign.internal.InMemoryNonceStore;
import org.junit.jupiter.api.Test;

class NonceStoreTest {
  @Test
  void refusesTheSameNonceForTheSameConsumerTokenAndTimestamp() {
    NonceStore store = NonceStore.inMemory(10);
    assertThat(store.record("key", "token", 100, "n", 0)).isTrue();
    assertThat(store.record("key", "token", 100, "n", 0)).isFalse();
    assertThat(store.record("key", "token", 101, "n", 0)).isTrue();
    assertThat(store.record("key", null, 100, "n", 0)).isTrue();
    assertThat(store.record("key", "other", 100, "n", 0)).isTrue();
    assertThat(store.record("other", "token", 100, "n", 0)).isTrue();
  }

  @Test
  void forgetsNoncesOlderThanTheWindow() {
    InMemoryNonceStore store = new InMemoryNonceStore(10);
    assertThat(store.record("key", null, 100, "a", 0)).isTrue();
    assertThat(store.record("key", null, 200, "b", 0)).isTrue();
    assertThat(store.size()).isEqualTo(2);
    assertThat(store.record("key", null, 200, "c", 150)).isTrue();
    assertThat(store.size()).isEqualTo(2);
    assertThat(store.record("key", null, 100, "a", 150)).isFalse();
  }

  @Test
  void staysBoundedUnderAMillionDistinctNoncesAndStillRefusesEvictedOnes() {
    InMemoryNonceStore store = new InMemoryNonceStore(10_000);
    int accepted = 0;
    for (int i = 0; i < 1_000_000; i++) {
      if (store.record("key", "token", 1_000 + i / 100, "n" + i, 0)) accepted++;
      assertThat(store.size()).isLessThanOrEqualTo(10_000);
    }
    // 100 nonces a second for 10,000 seconds: the oldest were evicted, never the newest.
    assertThat(accepted).isEqualTo(1_000_000);
    assertThat(store.size()).isEqualTo(10_000);
    // A replay of an evicted nonce cannot be told from a new one, so it is refused too.
    assertThat(store.record("key", "token", 1_000, "n0", 0)).isFalse();
    assertThat(store.record("key", "token", 1_000, "never-seen", 0)).isFalse();
    assertThat(store.record("key", "token", 1_000 + 999_999 / 100, "n999999", 0)).isFalse();
    assertThat(store.record("key", "token", 20_000, "fresh", 0)).isTrue();
  }

  @Test
  void refusesANonPositiveCapacity() {
    assertThatThrownBy(() -> NonceStore.inMemory(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
