package dev.oksign.flickr;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The token bucket, on a fake clock whose sleeps move time forward instead of waiting. */
class RateLimiterTest {
  @StartStop MockWebServer server = new MockWebServer();

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final List<Long> sleeps = new CopyOnWriteArrayList<>();

  private TokenBucket bucket(int permits, Duration period, int burst) {
    return new TokenBucket(
        permits,
        period,
        burst,
        now::get,
        nanos -> {
          sleeps.add(nanos);
          now.addAndGet(nanos);
        });
  }

  @Test
  void burstGoesOutAtOnceThenOnePermitPerInterval() throws Exception {
    TokenBucket limiter = bucket(3600, Duration.ofHours(1), 60);

    for (int i = 0; i < 60; i++) limiter.acquire();
    assertThat(sleeps).isEmpty();

    limiter.acquire();
    limiter.acquire();
    assertThat(sleeps).containsExactly(SECONDS.toNanos(1), SECONDS.toNanos(1));
  }

  @Test
  void idleTimeRefillsUpToTheBurstOnly() throws Exception {
    TokenBucket limiter = bucket(3600, Duration.ofHours(1), 60);
    for (int i = 0; i < 60; i++) limiter.acquire();

    now.addAndGet(SECONDS.toNanos(30));
    for (int i = 0; i < 30; i++) limiter.acquire();
    assertThat(sleeps).isEmpty();
    limiter.acquire();
    assertThat(sleeps).containsExactly(SECONDS.toNanos(1));

    now.addAndGet(Duration.ofHours(5).toNanos());
    sleeps.clear();
    for (int i = 0; i < 60; i++) limiter.acquire();
    limiter.acquire();
    assertThat(sleeps).containsExactly(SECONDS.toNanos(1));
  }

  @Test
  void waitingCallersQueueInOrder() {
    TokenBucket limiter = bucket(1, Duration.ofSeconds(2), 1);

    assertThat(limiter.reserve()).isZero();
    assertThat(limiter.reserve()).isEqualTo(SECONDS.toNanos(2));
    assertThat(limiter.reserve()).isEqualTo(SECONDS.toNanos(4));
    assertThat(limiter.reserve()).isEqualTo(SECONDS.toNanos(6));
  }

  @Test
  void everyCallOfOneFlickrWaitsForTheSharedBudget() throws Exception {
    server.setDispatcher(new FakePhotoList(10));
    Flickr flickr =
        Fixtures.direct(server).rateLimiter(bucket(1, Duration.ofSeconds(1), 2)).build();

    flickr.people().getPhotos("me").execute();
    flickr.withToken(Fixtures.ALICE).people().getPhotos("me").execute();
    flickr.people().getPhotos("me").execute();
    flickr.withToken(Fixtures.ALICE).people().getPhotos("me").execute();

    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(sleeps).containsExactly(SECONDS.toNanos(1), SECONDS.toNanos(1));
  }

  @Test
  void interruptedWaitIsAnInterruptedIoException() {
    TokenBucket limiter =
        new TokenBucket(
            1,
            Duration.ofSeconds(1),
            1,
            now::get,
            nanos -> {
              throw new InterruptedException();
            });
    try {
      assertThatThrownBy(
              () -> {
                limiter.acquire();
                limiter.acquire();
              })
          .isInstanceOf(InterruptedIOException.class)
          .hasMessage("interrupted while waiting for the rate limit");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void refusesNonPositiveSettings() {
    assertThatThrownBy(() -> RateLimiter.of(0, Duration.ofHours(1), 1))
        .hasMessage("permits <= 0: 0");
    assertThatThrownBy(() -> RateLimiter.of(1, Duration.ZERO, 1))
        .hasMessage("period must be positive: PT0S");
    assertThatThrownBy(() -> RateLimiter.of(1, Duration.ofHours(1), 0)).hasMessage("burst <= 0: 0");
    assertThat(RateLimiter.perHour(3600)).hasToString("RateLimiter[3600 per PT1H, burst 60]");
  }
}
