package dev.oksign.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oksign.NonceStore;
import dev.oksign.OAuth1Signer;
import dev.oksign.OAuth1Verifier;
import dev.oksign.flickr.RateLimiter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The figures of RELIABILITY.md's Redis section, against a real {@code redis-server}: replays
 * across three verifier instances, one budget drawn by four processes, and the cost of a round trip
 * to Redis next to the in-memory store and limiter (reported, never asserted as a time). The outage
 * figures are in {@link RedisOutageFiguresTest}.
 */
class RedisFiguresTest {
  @RegisterExtension static final RedisServer redis = new RedisServer();

  static final String KEY = "768fe946d252b119746fda82e1599980";
  static final String SECRET = "1a3c208e172d3edc";
  static final int TOKENS = 10;
  static final int CLIENT_THREADS = 4;

  static OAuth1Verifier verifier(NonceStore store) {
    return OAuth1Verifier.builder()
        .clientSecrets(k -> k.equals(KEY) ? SECRET : null)
        .tokenSecrets(t -> t.startsWith("token-") ? "secret-" + t : null)
        .nonceStore(store)
        .build();
  }

  static OAuth1Signer[] signers() {
    OAuth1Signer[] signers = new OAuth1Signer[TOKENS];
    for (int i = 0; i < TOKENS; i++) {
      signers[i] =
          OAuth1Signer.builder()
              .clientCredentials(KEY, SECRET)
              .token("token-" + i, "secret-token-" + i)
              .build();
    }
    return signers;
  }

  /** A request signed for the public URL, sent to one instance. */
  static Request to(VerifierServer instance, Request signed) {
    return signed
        .newBuilder()
        .url(
            signed
                .url()
                .newBuilder()
                .scheme("http")
                .host(instance.url().host())
                .port(instance.url().port())
                .build())
        .build();
  }

  static int status(OkHttpClient client, Request request) throws Exception {
    try (Response response = client.newCall(request).execute()) {
      response.body().string();
      return response.code();
    }
  }

  @Test
  void aReplayToAnotherInstanceIsNeverAcceptedAndAFreshRequestNeverRefused() throws Exception {
    int total = Figures.full() ? 100_000 : 20_000;
    List<RedisNonceStore> stores = new ArrayList<>();
    List<VerifierServer> instances = new ArrayList<>();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENT_THREADS);
    try {
      for (int i = 0; i < 3; i++) {
        RedisNonceStore store = RedisNonceStore.create(redis.uri());
        stores.add(store);
        instances.add(new VerifierServer(verifier(store)));
      }
      OkHttpClient client = new OkHttpClient.Builder().build();
      OAuth1Signer[] signers = signers();
      AtomicLong fresh = new AtomicLong();
      AtomicLong freshRefused = new AtomicLong();
      AtomicLong replays = new AtomicLong();
      AtomicLong replaysAccepted = new AtomicLong();
      AtomicLong replaysOtherInstance = new AtomicLong();
      long start = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < CLIENT_THREADS; t++) {
        int thread = t;
        done.add(
            clients.submit(
                () -> {
                  Random random = new Random(thread);
                  Request[] sent = new Request[100];
                  int[] sentTo = new int[100];
                  int count = 0;
                  for (int i = thread; i < total; i += CLIENT_THREADS) {
                    if (i % 10 == 9 && count > 0) {
                      // 10%: a request this client sent and saw accepted, to another instance.
                      int pick = random.nextInt(Math.min(count, sent.length));
                      int other = (sentTo[pick] + 1 + random.nextInt(2)) % 3;
                      replays.incrementAndGet();
                      if (other != sentTo[pick]) replaysOtherInstance.incrementAndGet();
                      if (status(client, to(instances.get(other), sent[pick])) != 401) {
                        replaysAccepted.incrementAndGet();
                      }
                    } else {
                      Request signed =
                          signers[random.nextInt(TOKENS)].sign(
                              new Request.Builder()
                                  .url(VerifierServer.PUBLIC_BASE + "/photos?page=" + i)
                                  .build());
                      int instance = random.nextInt(3);
                      fresh.incrementAndGet();
                      if (status(client, to(instances.get(instance), signed)) != 200) {
                        freshRefused.incrementAndGet();
                      } else {
                        sent[count % sent.length] = signed;
                        sentTo[count % sent.length] = instance;
                        count++;
                      }
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) f.get(10, TimeUnit.MINUTES);
      double seconds = (System.nanoTime() - start) / 1e9;

      assertThat(fresh.get() + replays.get()).isEqualTo(total);
      assertThat(replays.get()).isEqualTo(total / 10);
      assertThat(replaysOtherInstance.get()).isEqualTo(replays.get());
      assertThat(replaysAccepted.get()).as("replays accepted").isZero();
      assertThat(freshRefused.get()).as("fresh requests refused").isZero();
      Figures.record("nonces.instances", 3);
      Figures.record("nonces.requests", total);
      Figures.record("nonces.fresh", fresh.get());
      Figures.record("nonces.freshRefused", freshRefused.get());
      Figures.record("nonces.replaysToAnotherInstance", replays.get());
      Figures.record("nonces.replaysAccepted", replaysAccepted.get());
      Figures.record("nonces.redisKeysAfter", redis.integer("DBSIZE"));
      Figures.record("nonces.requestsPerSecond", Math.round(total / seconds));
    } finally {
      clients.shutdownNow();
      instances.forEach(VerifierServer::close);
      stores.forEach(RedisNonceStore::close);
    }
  }

  @Test
  void fourProcessesDrawFromOneBudget(@TempDir Path dir) throws Exception {
    int processes = 4;
    int threads = 8;
    int permits = 100;
    long windowMillis = 1_000;
    long runMillis = Figures.full() ? 10_000 : 5_000;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> children = new ArrayList<>();
    for (int p = 0; p < processes; p++) {
      children.add(
          new ProcessBuilder(
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  BudgetChild.class.getName(),
                  redis.uri(),
                  "flickr:" + KEY,
                  Integer.toString(permits),
                  Long.toString(windowMillis),
                  Integer.toString(threads),
                  dir.resolve("process-" + p).toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("process-" + p + ".log").toFile())
              .start());
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    for (int p = 0; p < processes; p++) {
      while (!Files.exists(dir.resolve("process-" + p + ".ready"))) {
        assertThat(children.get(p).isAlive()).as("process %s is up", p).isTrue();
        assertThat(System.nanoTime()).as("process %s is up in time", p).isLessThan(deadline);
        Thread.sleep(10);
      }
    }
    long startAt = System.currentTimeMillis() + 300;
    long endAt = startAt + runMillis;
    Files.writeString(dir.resolve("go.tmp"), startAt + " " + endAt);
    Files.move(dir.resolve("go.tmp"), dir.resolve("go"));
    for (Process child : children) {
      assertThat(child.waitFor(runMillis + 60_000, TimeUnit.MILLISECONDS)).isTrue();
      assertThat(child.exitValue()).as(Files.readString(dir.resolve("process-0.log"))).isZero();
    }
    List<long[]> calls = new ArrayList<>(); // process, thread, granted, let out
    for (int p = 0; p < processes; p++) {
      for (String line : Files.readAllLines(dir.resolve("process-" + p), StandardCharsets.UTF_8)) {
        assertThat(line).doesNotStartWith("error");
        String[] f = line.split(" ");
        calls.add(new long[] {p, Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2])});
      }
    }
    long window = windowMillis * 1_000;
    long[] granted = calls.stream().mapToLong(c -> c[2]).sorted().toArray();
    long[] letOut = calls.stream().mapToLong(c -> c[3]).sorted().toArray();
    long earliest = calls.stream().mapToLong(c -> c[3] - c[2]).min().orElseThrow();

    // Used: every whole window from the first grant, while all 32 threads were asking.
    int windows = (int) ((endAt * 1_000 - granted[0]) / window);
    int leastUsed = Integer.MAX_VALUE;
    for (int w = 0; w < windows; w++) {
      long from = granted[0] + w * window;
      leastUsed = Math.min(leastUsed, count(granted, from, from + window));
    }
    long[] perProcess = new long[processes];
    for (long[] c : calls) perProcess[(int) c[0]]++;

    assertThat(maxInAnyWindow(granted, window))
        .as("most grants in any window")
        .isLessThanOrEqualTo(permits);
    assertThat(earliest).as("a call let out before its grant (µs)").isGreaterThanOrEqualTo(-1_000);
    assertThat(windows).isGreaterThanOrEqualTo(4);
    assertThat(leastUsed).as("permits used in the least-used window").isGreaterThanOrEqualTo(95);
    for (long n : perProcess) assertThat(n).as("a process's share").isGreaterThan(calls.size() / 8);

    Figures.record("budget.processes", processes + " JVMs x " + threads + " threads");
    Figures.record("budget.permitsPerWindow", permits + " per " + windowMillis + " ms");
    Figures.record("budget.windows", windows);
    Figures.record("budget.granted", calls.size());
    Figures.record("budget.maxGrantedInAnySlidingWindow", maxInAnyWindow(granted, window));
    Figures.record("budget.maxLetOutInAnySlidingWindow", maxInAnyWindow(letOut, window));
    Figures.record("budget.leastUsedWholeWindow", leastUsed);
    Figures.record("budget.perProcess", Arrays.toString(perProcess));
    Figures.record("budget.earliestLetOutAfterGrantMicros", earliest);
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  static int count(long[] sorted, long from, long to) {
    int n = 0;
    for (long t : sorted) if (t >= from && t < to) n++;
    return n;
  }

  /** The most times in any half-open window [t, t + window). */
  static int maxInAnyWindow(long[] sorted, long window) {
    int max = 0;
    for (int i = 0, j = 0; i < sorted.length; i++) {
      while (j < sorted.length && sorted[j] < sorted[i] + window) j++;
      max = Math.max(max, j - i);
    }
    return max;
  }

  @Test
  void costOfARoundTripToRedisNextToMemory() throws Exception {
    int n = Figures.full() ? 50_000 : 10_000; // of each
    OAuth1Signer[] signers = signers();
    Request[] requests = new Request[2 * n];
    for (int i = 0; i < requests.length; i++) {
      requests[i] =
          signers[i % TOKENS].sign(
              new Request.Builder().url(VerifierServer.PUBLIC_BASE + "/photos?page=" + i).build());
    }
    try (RedisNonceStore store = RedisNonceStore.create(redis.uri());
        RedisRateLimiter budget =
            RedisRateLimiter.builder()
                .uri(redis.uri())
                .budget("cost")
                .permits(Integer.MAX_VALUE, Duration.ofMillis(100))
                .build()) {
      OAuth1Verifier inMemory = verifier(NonceStore.inMemory());
      OAuth1Verifier onRedis = verifier(store);
      RateLimiter local =
          RateLimiter.of(Integer.MAX_VALUE, Duration.ofMillis(100), Integer.MAX_VALUE);
      // Rounds of each in turn (the order alternating), the first four to warm up; the median
      // round of each stands, so that a burst of other work on the shared cores moves it little.
      int rounds = 20;
      int chunk = n / rounds;
      double[] memoryVerify = new double[rounds - 4];
      double[] redisVerify = new double[rounds - 4];
      double[] memoryPermit = new double[rounds - 4];
      double[] redisPermit = new double[rounds - 4];
      for (int round = 0; round < rounds; round++) {
        int from = round * chunk;
        boolean memoryFirst = round % 2 == 0;
        double m = 0;
        double r = 0;
        for (int turn = 0; turn < 2; turn++) {
          boolean memory = (turn == 0) == memoryFirst;
          OAuth1Verifier verifier = memory ? inMemory : onRedis;
          int offset = memory ? 0 : n;
          long t0 = System.nanoTime();
          for (int i = from; i < from + chunk; i++) {
            if (!verifier.verify(requests[offset + i]).isValid()) throw new AssertionError(i);
          }
          double perOp = (System.nanoTime() - t0) / 1e3 / chunk;
          if (memory) m = perOp;
          else r = perOp;
        }
        double pm = 0;
        double pr = 0;
        for (int turn = 0; turn < 2; turn++) {
          boolean memory = (turn == 0) == memoryFirst;
          RateLimiter limiter = memory ? local : budget;
          long t0 = System.nanoTime();
          for (int i = 0; i < chunk; i++) limiter.acquire();
          double perOp = (System.nanoTime() - t0) / 1e3 / chunk;
          if (memory) pm = perOp;
          else pr = perOp;
        }
        if (round >= 4) {
          memoryVerify[round - 4] = m;
          redisVerify[round - 4] = r;
          memoryPermit[round - 4] = pm;
          redisPermit[round - 4] = pr;
        }
      }
      double mv = median(memoryVerify);
      double rv = median(redisVerify);
      double mp = median(memoryPermit);
      double rp = median(redisPermit);
      Figures.record(
          "cost.operations",
          rounds + " rounds of " + chunk + " of each, one thread; median of the last 16 rounds");
      Figures.record("cost.verify.inMemoryMicros", String.format("%.1f", mv));
      Figures.record("cost.verify.redisMicros", String.format("%.1f", rv));
      Figures.record("cost.verify.ratio", String.format("%.1f", rv / mv));
      Figures.record("cost.permit.inMemoryMicros", String.format("%.2f", mp));
      Figures.record("cost.permit.redisMicros", String.format("%.1f", rp));
      Figures.record("cost.permit.ratio", String.format("%.0f", rp / mp));
    }
  }
}
