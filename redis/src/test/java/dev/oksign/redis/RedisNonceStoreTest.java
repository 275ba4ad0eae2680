package dev.oksign.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oksign.OAuth1Signer;
import dev.oksign.OAuth1Verifier;
import dev.oksign.Verification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.util.JedisClusterCRC16;

class RedisNonceStoreTest {
  @RegisterExtension static final RedisServer redis = new RedisServer();

  static final long T = 1316657628L;
  RedisNonceStore store;

  @BeforeEach
  void open() {
    store = RedisNonceStore.builder().uri(redis.uri()).timeout(Duration.ofMillis(500)).build();
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void acceptsANonceOnceThenRefusesIt() {
    assertThat(store.record("key", "token", T, "n1", T - 300)).isTrue();
    assertThat(store.record("key", "token", T, "n1", T - 300)).isFalse();
    assertThat(store.record("key", "token", T, "n1", T - 299)).isFalse();
  }

  @Test
  void aNonceIsPerConsumerTokenAndTimestamp() {
    assertThat(store.record("key", "token", T, "n", T - 300)).isTrue();
    assertThat(store.record("key2", "token", T, "n", T - 300)).isTrue();
    assertThat(store.record("key", "token2", T, "n", T - 300)).isTrue();
    assertThat(store.record("key", null, T, "n", T - 300)).isTrue();
    assertThat(store.record("key", "token", T + 1, "n", T - 300)).isTrue();
  }

  @Test
  void separatorsInValuesCannotMakeTwoRequestsShareAKey() {
    assertThat(store.record("a:b", null, T, "n", T - 300)).isTrue();
    assertThat(store.record("a", "b", T, "n", T - 300)).isTrue();
    assertThat(store.record("a", "b:" + T, T, "n", T - 300)).isTrue();
    assertThat(store.record("a}{b", null, T, "n", T - 300)).isTrue();
    assertThat(store.record("a", "", T, "n", T - 300)).isTrue();
    // An empty token is no token, as the verifier reads it (RFC 5849 §3.1: it may be omitted).
    assertThat(store.record("a", null, T, "n", T - 300)).isFalse();
  }

  @Test
  void keysAreReadableWithTheConsumerKeyAsHashTag() {
    assertThat(store.key("768fe946d252b119746fda82e1599980", "72157-abc", T, "C2F26CD5"))
        .isEqualTo("oksign:nonce:{768fe946d252b119746fda82e1599980}:72157-abc:1316657628:C2F26CD5");
    assertThat(store.key("k{1}:x", null, T, "a b"))
        .isEqualTo("oksign:nonce:{k%7B1%7D%3Ax}::1316657628:a+b");
    // Jedis' own slot function: every nonce of one consumer in the slot of the consumer alone.
    int slot = JedisClusterCRC16.getSlot("{768fe946d252b119746fda82e1599980}");
    for (String nonce : new String[] {"a", "b", "c", "zz9"}) {
      assertThat(
              JedisClusterCRC16.getSlot(
                  store.key("768fe946d252b119746fda82e1599980", "t", T, nonce)))
          .isEqualTo(slot);
    }
  }

  @Test
  void anEntryExpiresWhenTheVerifierCanNoLongerAcceptItsTimestamp() throws Exception {
    assertThat(store.record("key", null, T, "n", T - 300)).isTrue();
    long pttl = redis.integer("PTTL " + store.key("key", null, T, "n"));
    assertThat(pttl).isBetween(300_000L - 1_000, 301_000L);

    // A timestamp 200 s ahead of the clock stays needed for 200 s more than the window.
    assertThat(store.record("key", null, T + 500, "n", T)).isTrue();
    assertThat(redis.integer("PTTL " + store.key("key", null, T + 500, "n")))
        .isBetween(500_000L, 501_000L);
  }

  @Test
  void aTimestampBelowTheWindowIsRefusedWithoutAsking() throws Exception {
    assertThat(store.record("key", null, T - 301, "n", T - 300)).isFalse();
    assertThat(redis.integer("DBSIZE")).isZero();
  }

  @Test
  void anEntryIsForgottenAfterItsTime() throws Exception {
    assertThat(store.record("key", null, T, "n", T - 0)).isTrue(); // 1 s to live
    assertThat(redis.integer("DBSIZE")).isEqualTo(1);
    Thread.sleep(1_100);
    assertThat(redis.integer("DBSIZE")).isZero();
  }

  @Test
  void aReplayToAnotherVerifierIsRefused() throws Exception {
    Clock clock = Clock.fixed(Instant.ofEpochSecond(T), ZoneOffset.UTC);
    OAuth1Signer signer =
        OAuth1Signer.builder()
            .clientCredentials("key", "secret")
            .token("token", "token-secret")
            .clock(clock)
            .build();
    try (RedisNonceStore other = RedisNonceStore.create(redis.uri())) {
      OAuth1Verifier first = verifier(clock, store);
      OAuth1Verifier second = verifier(clock, other);
      Request request =
          signer.sign(new Request.Builder().url("https://api.example/v1/x?a=1").build());

      Verification accepted = first.verify(request);
      Verification replayed = second.verify(request);

      assertThat(accepted.isValid()).isTrue();
      assertThat(replayed.problem()).isEqualTo("nonce_used");
      assertThat(first.verify(request).problem()).isEqualTo("nonce_used");
    }
  }

  static OAuth1Verifier verifier(Clock clock, RedisNonceStore store) {
    return OAuth1Verifier.builder()
        .clientSecrets(k -> k.equals("key") ? "secret" : null)
        .tokenSecrets(t -> t.equals("token") ? "token-secret" : null)
        .clock(clock)
        .nonceStore(store)
        .build();
  }

  @Test
  void failsClosedWhileRedisIsDownAndResumesByItself() throws Exception {
    assertThat(store.record("key", null, T, "before", T - 300)).isTrue();
    redis.kill();
    try {
      long start = System.nanoTime();
      assertThatThrownBy(() -> store.record("key", null, T, "during", T - 300))
          .isInstanceOf(RedisUnavailableException.class)
          .hasMessageStartingWith(
              "Redis at 127.0.0.1:" + redis.port() + " is unavailable, recording a nonce: ");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_000));
    } finally {
      redis.start();
    }
    // The pooled connection broke with the old server; the same store works again.
    assertThat(store.record("key", null, T, "after", T - 300)).isTrue();
    assertThat(store.record("key", null, T, "after", T - 300)).isFalse();
  }

  @Test
  void aRedisThatDoesNotAnswerFailsWithinTheTimeout() throws Exception {
    assertThat(store.record("key", null, T, "before", T - 300)).isTrue();
    redis.pause();
    try {
      long start = System.nanoTime();
      assertThatThrownBy(() -> store.record("key", null, T, "during", T - 300))
          .isInstanceOf(RedisUnavailableException.class)
          .hasMessageContaining("Read timed out");
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isBetween(Duration.ofMillis(450), Duration.ofMillis(1_000));
    } finally {
      redis.resume();
    }
    assertThat(store.record("key", null, T, "after", T - 300)).isTrue();
  }

  @Test
  void aFullRedisRefusesTheWriteAndTheStoreFailsClosed() throws Exception {
    assertThat(redis.command("CONFIG SET maxmemory 1")).isEqualTo("+OK");
    try {
      assertThatThrownBy(() -> store.record("key", null, T, "n", T - 300))
          .isInstanceOf(RedisUnavailableException.class)
          .hasMessageContaining("OOM");
    } finally {
      redis.command("CONFIG SET maxmemory 0");
    }
    assertThat(store.record("key", null, T, "n", T - 300)).isTrue();
  }

  @Test
  void aWriteWhoseReplyWasLostIsRecognisedWhenRetried() throws Exception {
    try (ReplyDroppingProxy proxy = new ReplyDroppingProxy(redis.port());
        RedisNonceStore throughProxy =
            RedisNonceStore.builder().uri(proxy.uri()).timeout(Duration.ofSeconds(2)).build()) {
      assertThat(throughProxy.record("key", null, T, "warm-up", T - 300)).isTrue();
      proxy.dropNextReply();

      // Redis applied the SET, the reply never came; the retry finds the key with our own value.
      assertThat(throughProxy.record("key", null, T, "n", T - 300)).isTrue();
      assertThat(redis.command("GET " + store.key("key", null, T, "n"))).startsWith("$");
      assertThat(throughProxy.record("key", null, T, "n", T - 300)).isFalse();
      assertThat(store.record("key", null, T, "n", T - 300)).isFalse();
    }
  }

  @Test
  void buildingNeedsNoRedisAndToStringHidesThePassword() {
    try (RedisNonceStore down = RedisNonceStore.create("redis://user:hunter2@127.0.0.1:1")) {
      assertThat(down.toString())
          .isEqualTo("RedisNonceStore[127.0.0.1:1, keyPrefix=oksign:nonce:]")
          .doesNotContain("hunter2");
      assertThatThrownBy(() -> down.record("key", null, T, "n", T - 300))
          .isInstanceOf(RedisUnavailableException.class)
          .hasMessageNotContaining("hunter2");
    }
  }

  @Test
  void aBraceInThePrefixIsRefused() {
    assertThatThrownBy(() -> RedisNonceStore.builder().keyPrefix("a{b}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RedisNonceStore.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("uri == null && client == null");
  }
}
