package dev.oksign.benchmarks;

import dev.oksign.OAuth1Interceptor;
import dev.oksign.OAuth1Signer;
import java.io.IOException;
import java.net.Proxy;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Real calls over loopback through one {@code OkHttpClient}, without and with {@link
 * OAuth1Interceptor} as a network interceptor. The client uses a local server as its HTTP proxy, so
 * it requests the real Flickr {@code request_token} URL and nothing leaves the machine. The signer
 * has the defaults a user gets: the system clock and {@code SecureRandom} nonces.
 *
 * <p>Run it pinned to one CPU ({@code taskset -c 0 java -jar benchmarks.jar InterceptorBenchmark}):
 * on two cores the client and the server flip between two schedules, one about twice as fast as the
 * other, from one iteration to the next, which drowns the cost of signing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class InterceptorBenchmark {
  static final String RESPONSE_BODY =
      "oauth_callback_confirmed=true&oauth_token=72157626737672178-022bbd2f4c2f3432"
          + "&oauth_token_secret=fccb68c4e6103197";

  private LoopbackServer server;
  private OkHttpClient unsignedClient;
  private OkHttpClient signedClient;
  private final Request request = Workload.REQUEST_TOKEN.request;

  @Setup
  public void setUp() throws IOException {
    setUp(
        OAuth1Signer.builder()
            .clientCredentials(Workload.CONSUMER_KEY, Workload.CONSUMER_SECRET)
            .build());
  }

  /** Starts the server and builds both clients; the signed one signs with {@code signer}. */
  void setUp(OAuth1Signer signer) throws IOException {
    server = new LoopbackServer("application/x-www-form-urlencoded", RESPONSE_BODY);
    unsignedClient =
        new OkHttpClient.Builder().proxy(new Proxy(Proxy.Type.HTTP, server.address())).build();
    // One client: the signed variant shares the connection pool and dispatcher.
    signedClient =
        unsignedClient
            .newBuilder()
            .addNetworkInterceptor(
                OAuth1Interceptor.builder(signer).host("www.flickr.com").allowHttp(true).build())
            .build();
  }

  @TearDown
  public void tearDown() throws IOException {
    unsignedClient.connectionPool().evictAll();
    unsignedClient.dispatcher().executorService().shutdown();
    server.close();
  }

  LoopbackServer server() {
    return server;
  }

  /** One call without the interceptor. */
  @Benchmark
  public String unsigned() throws IOException {
    return call(unsignedClient);
  }

  /** One call with the interceptor. */
  @Benchmark
  public String signed() throws IOException {
    return call(signedClient);
  }

  private String call(OkHttpClient client) throws IOException {
    try (Response response = client.newCall(request).execute()) {
      if (response.code() != 200) throw new IOException("unexpected " + response);
      return response.body().string();
    }
  }
}
