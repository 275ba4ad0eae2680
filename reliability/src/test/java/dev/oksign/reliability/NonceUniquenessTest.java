package dev.oksign.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oksign.OAuth1Signer;
import dev.oksign.internal.Nonces;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

/**
 * The default nonce source under contention: 8 threads draw nonces at once (1,000,000 by default,
 * 10,000,000 with {@code -Dreliability.full=true}) and not one repeats. Nonces are kept as two
 * longs each, so ten million fit in 160 MB, and checked by sorting.
 */
class NonceUniquenessTest {
  static final int THREADS = 8;

  @Test
  void noNonceRepeatsAcrossThreads() throws Exception {
    int total = Figures.full() ? 10_000_000 : 1_000_000;
    int perThread = total / THREADS;
    long[] hi = new long[perThread * THREADS];
    long[] lo = new long[perThread * THREADS];
    Supplier<String> nonces = Nonces.INSTANCE;

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int from = t * perThread;
      futures.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = from; i < from + perThread; i++) {
                  String nonce = nonces.get();
                  if (nonce.length() != 32) throw new AssertionError("not 128 bits: " + nonce);
                  hi[i] = Long.parseUnsignedLong(nonce, 0, 16, 16);
                  lo[i] = Long.parseUnsignedLong(nonce, 16, 32, 16);
                }
                return null;
              }));
    }
    long began = System.nanoTime();
    start.countDown();
    for (Future<?> f : futures) f.get(5, TimeUnit.MINUTES);
    long nanos = System.nanoTime() - began;
    pool.shutdown();

    assertThat(duplicates(hi, lo)).isZero();
    Figures.record("nonces.drawn", hi.length);
    Figures.record("nonces.threads", THREADS);
    Figures.record("nonces.duplicates", 0);
    Figures.record("nonces.perSecond", (long) (hi.length / (nanos / 1e9)));
  }

  /** The signer really uses that source: its nonces are 32 lower-case hex digits, all distinct. */
  @Test
  void theSignerDrawsAFreshNonceForEachRequest() throws Exception {
    OAuth1Signer signer = OAuth1Signer.builder().clientCredentials(Secrets.CLIENT).build();
    Request request = new Request.Builder().url("https://api.flickr.com/services/rest/").build();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String nonce = signer.report(request).protocolParameters().get("oauth_nonce");
      assertThat(nonce).matches("[0-9a-f]{32}");
      assertThat(seen.add(nonce)).as("nonce %s repeated", nonce).isTrue();
    }
  }

  /** The check itself can fail: a repeat planted among distinct values is found. */
  @Test
  void theDuplicateCheckFindsARepeat() {
    long[] hi = {5, 1, 5, 9, 5};
    long[] lo = {7, 7, 8, 7, 7};
    assertThat(duplicates(hi, lo)).isEqualTo(1);
    assertThat(duplicates(new long[] {1, 2, 3}, new long[] {1, 1, 1})).isZero();
  }

  /** Counts pairs that repeat: sorts the high halves, then compares low halves where they tie. */
  static long duplicates(long[] hi, long[] lo) {
    long[] sorted = hi.clone();
    Arrays.parallelSort(sorted);
    Set<Long> tiedHigh = new HashSet<>();
    for (int i = 1; i < sorted.length; i++) if (sorted[i] == sorted[i - 1]) tiedHigh.add(sorted[i]);
    if (tiedHigh.isEmpty()) return 0;
    Set<String> full = new HashSet<>();
    long dup = 0;
    for (int i = 0; i < hi.length; i++) {
      if (tiedHigh.contains(hi[i]) && !full.add(hi[i] + ":" + lo[i])) dup++;
    }
    return dup;
  }
}
