package dev.oksign.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oksign.OAuth1Interceptor;
import dev.oksign.OAuth1Signer;
import dev.oksign.Token;
import dev.oksign.internal.AuthorizationHeader;
import dev.oksign.internal.Percent;
import dev.oksign.testing.FakeFlickr;
import dev.oksign.testing.FakeFlickrData;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * One {@code OkHttpClient} with {@link OAuth1Interceptor}, 8 threads, signed requests to {@link
 * FakeFlickr} over loopback with per-request tokens of 100 users: 10,000 by default, 100,000 with
 * {@code -Dreliability.full=true}. Every request verifies (the fake checks each signature and
 * nonce), no nonce repeats (each is also collected on the client), no request carries another
 * user's token (the fake's {@code flickr.auth.oauth.checkToken} answer names the token it
 * verified), and the signer's shared state does not grow.
 *
 * <p>The requests per second, signed next to unsigned, are recorded as figures and not asserted:
 * timings belong to JMH (benchmarks module); these are the end-to-end numbers of this machine.
 */
class LoadTest {
  static final int THREADS = 8;
  static final int USERS = 100;

  static int total() {
    return Figures.full() ? 100_000 : 10_000;
  }

  /** Records the nonce and token of every attempt, after signing (the next network slot). */
  static final class Recorder implements Interceptor {
    final Set<String> nonces = ConcurrentHashMap.newKeySet();
    final AtomicInteger repeats = new AtomicInteger();
    final AtomicInteger wrongToken = new AtomicInteger();

    @Override
    public Response intercept(Chain chain) throws IOException {
      Request request = chain.request();
      String header = request.header("Authorization");
      if (header != null) {
        String nonce = null;
        String token = null;
        for (Map.Entry<String, String> p : AuthorizationHeader.parse(header)) {
          if (p.getKey().equals("oauth_nonce")) nonce = Percent.decode(p.getValue(), false);
          if (p.getKey().equals("oauth_token")) token = Percent.decode(p.getValue(), false);
        }
        if (!nonces.add(nonce)) repeats.incrementAndGet();
        Token expected = request.tag(Token.class);
        if (expected == null || !expected.value().equals(token)) wrongToken.incrementAndGet();
      }
      return chain.proceed(request);
    }
  }

  @Test
  void eightThreadsOneHundredUsersEveryRequestVerifiesWithItsOwnToken() throws Exception {
    int total = total();
    try (FakeFlickr fake =
        FakeFlickr.builder()
            .clientCredentials(Secrets.CLIENT)
            // The fake keeps at most 100,000 nonces; a short window lets it forget old ones.
            .timestampWindow(Duration.ofSeconds(10))
            .build()) {
      fake.start();
      List<FakeFlickrData.User> people = fake.data().users();
      Token[] tokens = new Token[USERS];
      String[] nsids = new String[USERS];
      for (int u = 0; u < USERS; u++) {
        nsids[u] = people.get(u % people.size()).nsid();
        tokens[u] = fake.issueAccessToken(Secrets.CONSUMER_KEY, nsids[u], "read");
        Secrets.register(tokens[u].secret());
      }
      OAuth1Signer signer = OAuth1Signer.builder().clientCredentials(Secrets.CLIENT).build();
      OAuth1Interceptor oauth =
          OAuth1Interceptor.builder(signer).host(fake.restBaseUrl().host()).allowHttp(true).build();
      Recorder recorder = new Recorder();
      OkHttpClient client =
          Clients.BASE
              .newBuilder()
              .addNetworkInterceptor(oauth)
              .addNetworkInterceptor(recorder)
              .build();
      HttpUrl checkToken =
          fake.restBaseUrl()
              .newBuilder()
              .addQueryParameter("method", "flickr.auth.oauth.checkToken")
              .addQueryParameter("format", "json")
              .addQueryParameter("nojsoncallback", "1")
              .build();

      int warmup = 200;
      run(client, warmup, i -> signedCall(checkToken, tokens, nsids, i));
      long stateBefore = ObjectGraph.size(oauth);
      long nanos = run(client, total, i -> signedCall(checkToken, tokens, nsids, i));
      long stateAfter = ObjectGraph.size(oauth);

      assertThat(recorder.repeats.get()).as("nonces repeated").isZero();
      assertThat(recorder.wrongToken.get()).as("requests with another user's token").isZero();
      assertThat(recorder.nonces).hasSize(total + warmup);
      assertThat(stateAfter).as("objects reachable from the interceptor").isEqualTo(stateBefore);
      double signedPerSecond = total / (nanos / 1e9);

      // The same client without signing, the same endpoint with api_key (the fake answers 200
      // with Flickr's "not logged in" failure, so it reads and writes as much).
      OkHttpClient unsignedClient = Clients.BASE.newBuilder().build();
      HttpUrl unsigned =
          fake.restBaseUrl()
              .newBuilder()
              .addQueryParameter("method", "flickr.test.login")
              .addQueryParameter("format", "json")
              .addQueryParameter("nojsoncallback", "1")
              .addQueryParameter("api_key", Secrets.CONSUMER_KEY)
              .build();
      run(unsignedClient, warmup, i -> unsignedCall(unsigned));
      long unsignedNanos = run(unsignedClient, total, i -> unsignedCall(unsigned));
      double unsignedPerSecond = total / (unsignedNanos / 1e9);

      Figures.record("load.fakeFlickr.signedRequests", total);
      Figures.record("load.fakeFlickr.threads", THREADS);
      Figures.record("load.fakeFlickr.users", USERS);
      Figures.record("load.fakeFlickr.verified", total);
      Figures.record("load.fakeFlickr.nonceRepeats", recorder.repeats.get());
      Figures.record("load.fakeFlickr.crossUserTokens", recorder.wrongToken.get());
      Figures.record("load.fakeFlickr.signerStateObjects", stateBefore + " -> " + stateAfter);
      Figures.record("load.fakeFlickr.signedPerSecond", Math.round(signedPerSecond));
      Figures.record("load.fakeFlickr.unsignedPerSecond", Math.round(unsignedPerSecond));
      Figures.record(
          "load.fakeFlickr.ratio", String.format("%.2f", signedPerSecond / unsignedPerSecond));
    }
  }

  /**
   * The interceptor's own cost: the same fixed answer from a server that does not verify, with and
   * without signing, so that only the client side differs.
   */
  @Test
  void signingCostNextToTheSameClientUnsigned() throws Exception {
    int total = total();
    try (MockWebServer server = new MockWebServer()) {
      server.setServerSocketFactory(dev.oksign.testing.internal.NoDelayServerSockets.INSTANCE);
      server.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
              return new MockResponse.Builder().code(200).body("{\"stat\":\"ok\"}").build();
            }
          });
      server.start();
      Token[] tokens = new Token[USERS];
      for (int u = 0; u < USERS; u++)
        tokens[u] = new Token("token-" + u, Secrets.userTokenSecret(u));
      OAuth1Interceptor oauth =
          OAuth1Interceptor.builder(
                  OAuth1Signer.builder().clientCredentials(Secrets.CLIENT).build())
              .host(server.getHostName())
              .allowHttp(true)
              .build();
      OkHttpClient signed = Clients.BASE.newBuilder().addNetworkInterceptor(oauth).build();
      OkHttpClient unsigned = Clients.BASE.newBuilder().build();
      HttpUrl url = server.url("/services/rest/?method=flickr.test.echo&format=json");

      run(signed, 500, i -> call(url, tokens[i % USERS]));
      run(unsigned, 500, i -> call(url, null));
      long signedNanos = run(signed, total, i -> call(url, tokens[i % USERS]));
      long unsignedNanos = run(unsigned, total, i -> call(url, null));

      double s = total / (signedNanos / 1e9);
      double u = total / (unsignedNanos / 1e9);
      Figures.record("load.plainServer.requests", total);
      Figures.record("load.plainServer.signedPerSecond", Math.round(s));
      Figures.record("load.plainServer.unsignedPerSecond", Math.round(u));
      Figures.record("load.plainServer.ratio", String.format("%.2f", s / u));
      assertThat(server.getRequestCount()).isEqualTo(2 * total + 1000);
    }
  }

  interface Call {
    void run(OkHttpClient client, int i) throws Exception;
  }

  interface Indexed {
    Call at(int i);
  }

  static Call signedCall(HttpUrl url, Token[] tokens, String[] nsids, int i) {
    int user = i % USERS;
    return (client, n) -> {
      Request request = new Request.Builder().url(url).tag(Token.class, tokens[user]).build();
      try (Response response = client.newCall(request).execute()) {
        String body = response.body().string();
        if (response.code() != 200) {
          throw new AssertionError("request " + n + " refused: " + response.code() + " " + body);
        }
        String token = "\"token\":{\"_content\":\"" + tokens[user].value() + "\"}";
        String nsid = "\"nsid\":\"" + nsids[user].replace("/", "\\/") + "\"";
        if (!body.contains(token) || !body.contains(nsid)) {
          throw new AssertionError(
              "request " + n + " of user " + user + " answered for another: " + body);
        }
      }
    };
  }

  static Call unsignedCall(HttpUrl url) {
    return (client, n) -> {
      try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
        String body = response.body().string();
        if (response.code() != 200 || !body.contains("\"code\":99")) {
          throw new AssertionError("unsigned request " + n + ": " + response.code() + " " + body);
        }
      }
    };
  }

  static Call call(HttpUrl url, Token token) {
    return (client, n) -> {
      Request.Builder request = new Request.Builder().url(url);
      if (token != null) request.tag(Token.class, token);
      try (Response response = client.newCall(request.build()).execute()) {
        if (response.code() != 200)
          throw new AssertionError("request " + n + ": " + response.code());
        response.body().string();
      }
    };
  }

  /** Runs {@code count} calls on {@link #THREADS} threads and returns the nanoseconds taken. */
  static long run(OkHttpClient client, int count, Indexed calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      AtomicInteger next = new AtomicInteger();
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    calls.at(i).run(client, i);
                  }
                  return null;
                }));
      }
      long began = System.nanoTime();
      start.countDown();
      for (Future<?> f : futures) f.get(10, TimeUnit.MINUTES);
      return System.nanoTime() - began;
    } finally {
      pool.shutdownNow();
    }
  }
}
