package dev.oksign.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oksign.flickr.RateLimiter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

class RedisRateLimiterTest {
  @RegisterExtension static final RedisServer redis = new RedisServer();

  RedisRateLimiter.Builder limiter(int permits, Duration window) {
    return RedisRateLimiter.builder()
        .uri(redis.uri())
        .budget("flickr:key")
        .permits(permits, window)
        .timeout(Duration.ofMillis(500));
  }

  @Test
  void grantsThePermitsOfAWindowAtOnceAndTheNextOneAWindowAfterTheFirst() throws Exception {
    try (RedisRateLimiter budget = limiter(3, Duration.ofMillis(600)).build()) {
      long first = budget.grant();
      long second = budget.grant();
      long third = budget.grant();
      long start = System.nanoTime();
      long fourth = budget.grant();
      long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

      assertThat(third - first).isLessThan(100_000); // microseconds
      assertThat(fourth).isEqualTo(first + 600_000);
      assertThat(waited).isBetween(400L, 700L);
      assertThat(second).isBetween(first, third);
    }
  }

  @Test
  void limitersOfOneBudgetShareItAndOtherBudgetsAreApart() throws Exception {
    try (RedisRateLimiter a =
            limiter(2, Duration.ofSeconds(30)).maxWait(Duration.ofMillis(100)).build();
        RedisRateLimiter b =
            limiter(2, Duration.ofSeconds(30)).maxWait(Duration.ofMillis(100)).build();
        RedisRateLimiter other =
            limiter(2, Duration.ofSeconds(30)).budget("flickr:other").build()) {
      a.acquire();
      b.acquire();
      assertThatThrownBy(a::acquire)
          .isInstanceOf(IOException.class)
          .hasMessageStartingWith(
              "the budget oksign:budget:flickr:key (2 per PT30S) is taken for the next PT29.")
          .hasMessageEndingWith(", longer than what is left of maxWait PT0.1S");
      assertThatThrownBy(b::acquire).isInstanceOf(IOException.class);
      other.acquire();
      other.acquire();
      // A refused call took nothing.
      assertThat(redis.integer("ZCARD oksign:budget:flickr:key")).isEqualTo(2);
    }
  }

  @Test
  void anInterruptedWaitGivesItsTimeBack() throws Exception {
    try (RedisRateLimiter budget = limiter(1, Duration.ofSeconds(20)).build()) {
      budget.acquire();
      AtomicReference<Thread> waiter = new AtomicReference<>();
      CompletableFuture<Throwable> result =
          CompletableFuture.supplyAsync(
              () -> {
                waiter.set(Thread.currentThread());
                try {
                  budget.acquire();
                  return null;
                } catch (IOException e) {
                  return e;
                }
              });
      while (redis.integer("ZCARD oksign:budget:flickr:key") < 2) Thread.sleep(10);
      waiter.get().interrupt();

      assertThat(result.get(5, TimeUnit.SECONDS))
          .isInstanceOf(InterruptedIOException.class)
          .hasMessage("interrupted while waiting for the budget oksign:budget:flickr:key");
      assertThat(redis.integer("ZCARD oksign:budget:flickr:key")).isEqualTo(1);
    }
  }

  @Test
  void failPolicyThrowsAtOnceWhileRedisIsDown() throws Exception {
    try (RedisRateLimiter budget =
        limiter(10, Duration.ofSeconds(1))
            .whenUnavailable(RedisRateLimiter.WhenUnavailable.FAIL)
            .build()) {
      budget.acquire();
      redis.kill();
      try {
        long start = System.nanoTime();
        assertThatThrownBy(budget::acquire)
            .isInstanceOf(IOException.class)
            .hasMessageStartingWith(
                "Redis at 127.0.0.1:"
                    + redis.port()
                    + " is unavailable, taking a permit of oksign:budget:flickr:key: ");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
      } finally {
        redis.start();
      }
      budget.acquire();
    }
  }

  @Test
  void blockPolicyWaitsForRedisToComeBack() throws Exception {
    try (RedisRateLimiter budget =
        limiter(10, Duration.ofSeconds(1)).maxWait(Duration.ofSeconds(10)).build()) {
      budget.acquire();
      redis.kill();
      CompletableFuture<Long> waiting =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return budget.grant();
                } catch (IOException e) {
                  throw new RuntimeException(e);
                }
              });
      Thread.sleep(500);
      assertThat(waiting).isNotDone();
      redis.start();
      assertThat(waiting.get(5, TimeUnit.SECONDS)).isPositive();
      assertThat(redis.integer("ZCARD oksign:budget:flickr:key")).isEqualTo(1);
    }
  }

  @Test
  void timeSpentWaitingForRedisCountsAgainstMaxWait() throws Exception {
    try (ReplyDroppingProxy proxy = new ReplyDroppingProxy(redis.port());
        RedisRateLimiter budget =
            RedisRateLimiter.builder()
                .uri(proxy.uri())
                .budget("flickr:key")
                .permits(1, Duration.ofSeconds(2))
                .timeout(Duration.ofMillis(500))
                .maxWait(Duration.ofMillis(1_500))
                .build()) {
      proxy.refusing(true);
      CompletableFuture<Throwable> waiting =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  budget.acquire();
                  return null;
                } catch (IOException e) {
                  return e;
                }
              });
      Thread.sleep(1_000);
      // Meanwhile another process took the permit a second ago: the next turn is a second away.
      long now = System.currentTimeMillis() * 1_000;
      assertThat(redis.integer("ZADD oksign:budget:flickr:key " + (now - 1_000_000) + " other"))
          .isEqualTo(1);
      proxy.refusing(false);

      // About 0.5 s of maxWait is left: the call fails, taking nothing.
      assertThat(waiting.get(5, TimeUnit.SECONDS))
          .isInstanceOf(IOException.class)
          .hasMessageStartingWith(
              "the budget oksign:budget:flickr:key (1 per PT2S) is taken for the next PT0.9")
          .hasMessageEndingWith(", longer than what is left of maxWait PT1.5S");
      assertThat(redis.integer("ZCARD oksign:budget:flickr:key")).isEqualTo(1);
    }
  }

  @Test
  void blockPolicyGivesUpAfterMaxWait() throws Exception {
    try (RedisRateLimiter budget =
        limiter(10, Duration.ofSeconds(1)).maxWait(Duration.ofMillis(400)).build()) {
      redis.kill();
      try {
        long start = System.nanoTime();
        assertThatThrownBy(budget::acquire)
            .isInstanceOf(IOException.class)
            .hasMessageContaining("is unavailable")
            .hasMessageEndingWith(", maxWait PT0.4S)");
        assertThat(Duration.ofNanos(System.nanoTime() - start))
            .isBetween(Duration.ofMillis(400), Duration.ofMillis(1_000));
      } finally {
        redis.start();
      }
    }
  }

  @Test
  void localSharePolicyDrawsFromTheLocalLimiterWhileRedisIsDown() throws Exception {
    AtomicInteger local = new AtomicInteger();
    RateLimiter share = local::incrementAndGet;
    try (RedisRateLimiter budget =
        limiter(10, Duration.ofSeconds(1))
            .whenUnavailable(RedisRateLimiter.WhenUnavailable.localShare(share))
            .build()) {
      budget.acquire();
      redis.kill();
      try {
        budget.acquire();
        budget.acquire();
        assertThat(local).hasValue(2);
      } finally {
        redis.start();
      }
      budget.acquire();
      assertThat(local).hasValue(2);
      assertThat(redis.integer("ZCARD oksign:budget:flickr:key")).isEqualTo(1);
    }
  }

  @Test
  void theScriptIsCalledByTheSha1RedisGivesIt() {
    try (RedisClient jedis = RedisClient.create("127.0.0.1", redis.port())) {
      assertThat(jedis.scriptLoad(RedisRateLimiter.SCRIPT)).isEqualTo(RedisRateLimiter.SCRIPT_SHA1);
    }
  }

  @Test
  void buildNamesWhatIsMissing() {
    assertThatThrownBy(
            () ->
                RedisRateLimiter.builder()
                    .uri(redis.uri())
                    .permits(1, Duration.ofSeconds(1))
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("budget == null: name the budget");
    assertThatThrownBy(() -> RedisRateLimiter.builder().uri(redis.uri()).budget("b").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("permits not set: say how many calls per window");
    assertThatThrownBy(() -> RedisRateLimiter.builder().permits(0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    try (RedisRateLimiter budget =
        RedisRateLimiter.builder()
            .uri("redis://u:hunter2@127.0.0.1:1")
            .budget("b")
            .permits(5, Duration.ofHours(1))
            .build()) {
      assertThat(budget.toString())
          .isEqualTo(
              "RedisRateLimiter[oksign:budget:b: 5 per PT1H, 127.0.0.1:1, when unavailable BLOCK]");
    }
  }
}
