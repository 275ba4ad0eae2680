package dev.oksign.benchmarks;

import dev.oksign.OAuth1Signer;
import dev.oksign.Placement;
import dev.oksign.SignatureMethod;
import dev.oksign.SigningOptions;
import dev.oksign.Token;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import okhttp3.Request;

/**
 * oksign's placements, HMAC-SHA256 and one or two users, measured in the signing thread's CPU time
 * (not wall time) and bytes per signed request: a cross-check of {@link SigningBenchmark} on a
 * machine so loaded by other work that wall-clock averages mostly measure the time slices the
 * thread was given. Medians of five runs of 150 ms of CPU each, after 50,000 warm-up calls.
 *
 * <pre>{@code
 * taskset -c 1 java -cp benchmarks/target/benchmarks.jar dev.oksign.benchmarks.CpuCost
 * }</pre>
 */
public class CpuCost {
  static final com.sun.management.ThreadMXBean T =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  interface Op {
    Object run() throws Exception;
  }

  static Object sink;

  static String measure(Op op) throws Exception {
    for (int i = 0; i < 50_000; i++) sink = op.run();
    double[] ns = new double[5];
    long bytes = 0;
    for (int trial = 0; trial < ns.length; trial++) {
      long ops = 0;
      long cpu0 = T.getCurrentThreadCpuTime();
      long b0 = T.getThreadAllocatedBytes(Thread.currentThread().getId());
      long cpu;
      do {
        for (int i = 0; i < 5_000; i++) sink = op.run();
        ops += 5_000;
        cpu = T.getCurrentThreadCpuTime() - cpu0;
      } while (cpu < 150_000_000L);
      bytes = (T.getThreadAllocatedBytes(Thread.currentThread().getId()) - b0) / ops;
      ns[trial] = cpu / (double) ops;
    }
    Arrays.sort(ns);
    return String.format("%6.0f ns %5d B", ns[ns.length / 2], bytes);
  }

  public static void main(String[] args) throws Exception {
    for (Workload w : Workload.values()) {
      OAuth1Signer header =
          OAuth1Signer.builder()
              .clientCredentials(Workload.CONSUMER_KEY, Workload.CONSUMER_SECRET)
              .token(w.token == null ? null : new Token(w.token, w.tokenSecret))
              .clock(Clock.fixed(Instant.ofEpochSecond(Workload.TIMESTAMP), ZoneOffset.UTC))
              .nonces(() -> Workload.NONCE)
              .build();
      OAuth1Signer query = header.newBuilder().placement(Placement.QUERY).build();
      OAuth1Signer form = header.newBuilder().placement(Placement.FORM_BODY).build();
      OAuth1Signer sha256 =
          header.newBuilder().signatureMethod(SignatureMethod.HMAC_SHA256).build();
      OAuth1Signer noToken = header.newBuilder().token(null).build();
      Request formRequest = w.asForm();
      Request[] users = {
        w.request.newBuilder().tag(Token.class, new Token("alice", "alice-secret")).build(),
        w.request.newBuilder().tag(Token.class, new Token("bob", "bob-secret")).build()
      };
      int[] turn = {0};
      java.util.function.UnaryOperator<Request> cb =
          r ->
              w.callback == null
                  ? r
                  : r.newBuilder()
                      .tag(
                          SigningOptions.class,
                          SigningOptions.builder().callback(w.callback).build())
                      .build();
      System.out.println(w.id + " header    " + measure(() -> header.sign(cb.apply(w.request))));
      System.out.println(w.id + " query     " + measure(() -> query.sign(cb.apply(w.request))));
      System.out.println(w.id + " formbody  " + measure(() -> form.sign(cb.apply(formRequest))));
      System.out.println(w.id + " sha256    " + measure(() -> sha256.sign(cb.apply(w.request))));
      System.out.println(w.id + " oneuser   " + measure(() -> noToken.sign(cb.apply(users[0]))));
      System.out.println(
          w.id + " twousers  " + measure(() -> noToken.sign(cb.apply(users[turn[0] ^= 1]))));
    }
  }
}
