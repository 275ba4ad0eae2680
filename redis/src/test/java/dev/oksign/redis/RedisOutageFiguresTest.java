package dev.oksign.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oksign.OAuth1Signer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Redis taken away mid-run, twice: killed (SIGKILL) and started again on the same port, then
 * stopped (SIGSTOP: connections are accepted, nothing answers) and continued. Three verifier
 * instances take fresh requests and replays all along, and a {@link RedisRateLimiter} that blocks
 * while Redis is away hands out permits. This Redis runs with {@code appendonly yes, appendfsync
 * always}, the setting RedisNonceStore's Javadoc gives for a Redis that must not forget nonces when
 * it restarts.
 */
class RedisOutageFiguresTest {
  @RegisterExtension
  static final RedisServer redis =
      new RedisServer("--appendonly", "yes", "--appendfsync", "always");

  static final Duration TIMEOUT = Duration.ofMillis(500);

  /** One request: what it was, when it was sent and answered (ns), and the status. */
  record Call(boolean replay, long sent, long answered, int status) {}

  @Test
  void noReplayAcceptedWhileRedisIsAwayAndServiceResumesByItself() throws Exception {
    List<RedisNonceStore> stores = new ArrayList<>();
    List<VerifierServer> instances = new ArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(5);
    ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<long[]> permits = new ConcurrentLinkedQueue<>();
    long runNanos = TimeUnit.SECONDS.toNanos(7);
    try (RedisRateLimiter budget =
        RedisRateLimiter.builder()
            .uri(redis.uri())
            .budget("outage")
            .permits(200, Duration.ofSeconds(1))
            .timeout(TIMEOUT)
            .maxWait(Duration.ofSeconds(5))
            .build()) {
      for (int i = 0; i < 3; i++) {
        RedisNonceStore store = RedisNonceStore.builder().uri(redis.uri()).timeout(TIMEOUT).build();
        stores.add(store);
        instances.add(new VerifierServer(RedisFiguresTest.verifier(store)));
      }
      OkHttpClient client = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(10)).build();
      OAuth1Signer[] signers = RedisFiguresTest.signers();
      long start = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        done.add(
            threads.submit(
                () -> {
                  Random random = new Random(thread);
                  List<Request> accepted = new ArrayList<>();
                  for (int i = 0; System.nanoTime() - start < runNanos; i++) {
                    boolean replay = i % 10 == 9 && !accepted.isEmpty();
                    Request request =
                        replay
                            ? accepted.get(random.nextInt(accepted.size()))
                            : signers[random.nextInt(signers.length)].sign(
                                new Request.Builder()
                                    .url(
                                        VerifierServer.PUBLIC_BASE
                                            + "/photos?t="
                                            + thread
                                            + "&i="
                                            + i)
                                    .build());
                    long sent = System.nanoTime();
                    int status =
                        RedisFiguresTest.status(
                            client, RedisFiguresTest.to(instances.get(random.nextInt(3)), request));
                    calls.add(new Call(replay, sent, System.nanoTime(), status));
                    if (!replay && status == 200) accepted.add(request);
                  }
                  return null;
                }));
      }
      done.add(
          threads.submit(
              () -> {
                while (System.nanoTime() - start < runNanos) {
                  long asked = System.nanoTime();
                  budget.acquire();
                  permits.add(new long[] {asked, System.nanoTime()});
                }
                return null;
              }));

      // "Away" is from the moment the signal has taken effect until the moment it is undone.
      Thread.sleep(1_000);
      redis.kill();
      long killed = System.nanoTime();
      Thread.sleep(1_500);
      long restarting = System.nanoTime();
      redis.start();
      long restarted = System.nanoTime();
      Thread.sleep(1_000);
      redis.pause();
      long paused = System.nanoTime();
      Thread.sleep(1_500);
      long resuming = System.nanoTime();
      redis.resume();
      long resumed = System.nanoTime();
      for (Future<?> f : done) f.get(60, TimeUnit.SECONDS);

      long replaysAccepted = calls.stream().filter(c -> c.replay && c.status == 200).count();
      long replays = calls.stream().filter(Call::replay).count();
      long freshRefused = calls.stream().filter(c -> !c.replay && c.status == 401).count();
      long acceptedWhileAway =
          calls.stream()
              .filter(c -> c.status == 200)
              .filter(
                  c ->
                      (c.sent > killed && c.answered < restarting)
                          || (c.sent > paused && c.answered < resuming))
              .count();
      long unavailable = calls.stream().filter(c -> c.status == 503).count();
      long slowest = calls.stream().mapToLong(c -> c.answered - c.sent).max().orElseThrow();
      long firstAfterRestart =
          calls.stream()
              .filter(c -> c.status == 200 && c.sent >= restarted)
              .mapToLong(Call::answered)
              .min()
              .orElseThrow();
      long firstAfterResume =
          calls.stream()
              .filter(c -> c.status == 200 && c.sent >= resumed)
              .mapToLong(Call::answered)
              .min()
              .orElseThrow();
      long slowestPermit = permits.stream().mapToLong(p -> p[1] - p[0]).max().orElseThrow();

      assertThat(replaysAccepted).as("replays accepted").isZero();
      assertThat(acceptedWhileAway).as("requests accepted while Redis was away").isZero();
      assertThat(freshRefused).as("fresh requests refused as replays").isZero();
      assertThat(unavailable).as("requests answered 503 while Redis was away").isPositive();
      assertThat(Duration.ofNanos(slowest)).isLessThan(TIMEOUT.plusMillis(500));
      assertThat(Duration.ofNanos(firstAfterRestart - restarted)).isLessThan(Duration.ofSeconds(2));
      assertThat(Duration.ofNanos(firstAfterResume - resumed)).isLessThan(Duration.ofSeconds(2));
      assertThat(Duration.ofNanos(slowestPermit)).isLessThan(Duration.ofSeconds(5));

      Figures.record("outage.requests", calls.size());
      Figures.record("outage.replays", replays);
      Figures.record("outage.replaysAccepted", replaysAccepted);
      Figures.record("outage.acceptedWhileAway", acceptedWhileAway);
      Figures.record("outage.freshRefusedAsReplays", freshRefused);
      Figures.record("outage.answered503", unavailable);
      Figures.record("outage.timeoutMillis", TIMEOUT.toMillis());
      Figures.record("outage.slowestRequestMillis", TimeUnit.NANOSECONDS.toMillis(slowest));
      Figures.record(
          "outage.firstAcceptedAfterRestartMillis",
          TimeUnit.NANOSECONDS.toMillis(firstAfterRestart - restarted));
      Figures.record(
          "outage.firstAcceptedAfterResumeMillis",
          TimeUnit.NANOSECONDS.toMillis(firstAfterResume - resumed));
      Figures.record("outage.permits", permits.size());
      Figures.record("outage.slowestPermitMillis", TimeUnit.NANOSECONDS.toMillis(slowestPermit));
    } finally {
      threads.shutdownNow();
      instances.forEach(VerifierServer::close);
      stores.forEach(RedisNonceStore::close);
    }
  }
}
