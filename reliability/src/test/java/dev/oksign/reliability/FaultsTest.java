package dev.oksign.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oksign.NonceStore;
import dev.oksign.OAuth1Interceptor;
import dev.oksign.OAuth1Signer;
import dev.oksign.OAuth1Verifier;
import dev.oksign.OAuthProblemException;
import dev.oksign.Placement;
import dev.oksign.Token;
import dev.oksign.TokenFlow;
import dev.oksign.Verification;
import dev.oksign.testing.FakeFlickr;
import dev.oksign.testing.Fault;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Faults injected by {@link FakeFlickr} (a dropped connection, a 503, a slow answer, a clock far
 * off) and redirects served by MockWebServer (the fake does not redirect its API calls). Each ends
 * as documented: an attempt OkHttp retries is signed again with a fresh nonce and verifies; a
 * redirect is signed for the URL it goes to, and not at all for a host outside the scope; a timeout
 * or a drop on a fresh connection is a clear {@link IOException} after one attempt; a refused
 * timestamp is an {@link OAuthProblemException}, corrected and retried once where the retry
 * companion is installed. Every exception is scanned for secrets.
 */
class FaultsTest {
  static final AtomicInteger faultsSurvived = new AtomicInteger();

  FakeFlickr fake;
  Token token;
  OAuth1Interceptor oauth;
  LoadTest.Recorder recorder;
  OkHttpClient client;
  HttpUrl login;

  @StartStop MockWebServer front = HostileWireTest.newServer();
  @StartStop MockWebServer foreign = HostileWireTest.newServer();

  @BeforeEach
  void startFake() throws IOException {
    fake = FakeFlickr.builder().clientCredentials(Secrets.CLIENT).build();
    fake.start();
    token = fake.issueAccessToken(Secrets.CONSUMER_KEY, fake.data().demoUser().nsid(), "write");
    Secrets.register(token.secret());
    OAuth1Signer signer =
        OAuth1Signer.builder().clientCredentials(Secrets.CLIENT).token(token).build();
    oauth =
        OAuth1Interceptor.builder(signer).host(fake.restBaseUrl().host()).allowHttp(true).build();
    recorder = new LoadTest.Recorder();
    client =
        Clients.BASE
            .newBuilder()
            .addNetworkInterceptor(oauth)
            .addNetworkInterceptor(recorder)
            .build();
    login =
        fake.restBaseUrl()
            .newBuilder()
            .addQueryParameter("method", "flickr.test.login")
            .addQueryParameter("format", "json")
            .addQueryParameter("nojsoncallback", "1")
            .build();
  }

  @AfterEach
  void stopFake() {
    fake.close();
  }

  String call(OkHttpClient client, Request request) throws IOException {
    try (Response response = client.newCall(request).execute()) {
      return response.code() + " " + response.body().string();
    }
  }

  Request get() {
    return new Request.Builder().url(login).tag(Token.class, token).build();
  }

  Request post() {
    return new Request.Builder()
        .url(login)
        .post(new FormBody.Builder().add("tags", "a b").build())
        .tag(Token.class, token)
        .build();
  }

  void warmUp() throws IOException {
    assertThat(call(client, get())).startsWith("200 {\"user\":");
  }

  @Test
  void aDroppedFreshConnectionIsAClearIoExceptionAfterOneAttempt() {
    for (Request request : List.of(get(), post())) {
      fake.enqueueFault(Fault.disconnect());
      int before = fake.requestCount();
      assertThatThrownBy(() -> call(client, request))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("unexpected end of stream")
          .satisfies(e -> Secrets.assertAbsent("dropped connection", e));
      assertThat(fake.requestCount() - before).as(request.method()).isEqualTo(1);
      faultsSurvived.incrementAndGet();
    }
  }

  @Test
  void aGetRetriedOnADroppedPooledConnectionIsSignedAgainWithAFreshNonce() throws Exception {
    warmUp();
    fake.enqueueFault(Fault.disconnect());
    int before = fake.requestCount();
    int noncesBefore = recorder.nonces.size();

    String answer = call(client, get());

    assertThat(answer).startsWith("200 {\"user\":{\"id\":\"" + fake.data().demoUser().nsid());
    assertThat(fake.requestCount() - before).isEqualTo(2);
    assertThat(recorder.nonces.size() - noncesBefore).as("fresh nonces").isEqualTo(2);
    assertThat(recorder.repeats.get()).isZero();
    faultsSurvived.incrementAndGet();
  }

  @Test
  void a503IsReturnedAsIsAndTheUsersRetryIsSignedAfresh() throws Exception {
    fake.enqueueFault(Fault.serverError(503));

    String first = call(client, get());
    String second = call(client, get());

    assertThat(first).startsWith("503 <!DOCTYPE html>");
    assertThat(second).startsWith("200 {\"user\":");
    assertThat(recorder.nonces).hasSize(2);
    faultsSurvived.incrementAndGet();
  }

  @Test
  void aSlowAnswerPastTheTimeoutIsAnInterruptedIoExceptionAndIsNotResent() throws Exception {
    OkHttpClient impatient = client.newBuilder().readTimeout(Duration.ofMillis(300)).build();
    fake.enqueueFault(Fault.delay(Duration.ofSeconds(2)));
    int before = fake.requestCount();

    assertThatThrownBy(() -> call(impatient, post()))
        .isInstanceOf(InterruptedIOException.class)
        .hasMessageMatching("(?i).*(timeout|timed out).*")
        .satisfies(e -> Secrets.assertAbsent("timeout", e));
    assertThat(fake.requestCount() - before).isEqualTo(1);
    assertThat(call(impatient, get())).startsWith("200 ");
    faultsSurvived.incrementAndGet();
  }

  @Test
  void aRefusedTimestampIsAnOAuthProblemThenTheClockIsCorrected() throws Exception {
    fake.close();
    fake =
        FakeFlickr.builder()
            .clientCredentials(Secrets.CLIENT)
            .clock(Clock.offset(Clock.systemUTC(), Duration.ofHours(1)))
            .build();
    fake.start();
    startFakeClients();

    assertThatThrownBy(() -> call(client, get()))
        .isInstanceOfSatisfying(
            OAuthProblemException.class,
            e -> {
              assertThat(e.problem()).isEqualTo("timestamp_refused");
              assertThat(e.httpStatus()).isEqualTo(401);
              Secrets.assertAbsent("timestamp_refused", e);
            });
    assertThat(oauth.clockOffset()).isBetween(Duration.ofSeconds(3590), Duration.ofSeconds(3610));
    assertThat(call(client, get())).startsWith("200 {\"user\":");
    faultsSurvived.incrementAndGet();

    // With the retry companion in the application slot, a fresh client retries at once.
    startFakeClients();
    OkHttpClient retrying =
        Clients.BASE
            .newBuilder()
            .addInterceptor(oauth.clockSkewRetry())
            .addNetworkInterceptor(oauth)
            .addNetworkInterceptor(recorder)
            .build();
    int before = fake.requestCount();
    assertThat(call(retrying, get())).startsWith("200 {\"user\":");
    assertThat(fake.requestCount() - before).isEqualTo(2);
    assertThat(recorder.nonces).hasSize(2);
    faultsSurvived.incrementAndGet();

    // And the token flow corrects and retries on its own.
    TokenFlow flow =
        TokenFlow.builder()
            .clientCredentials(Secrets.CLIENT)
            .requestTokenUrl(fake.requestTokenUrl())
            .authorizationUrl(fake.authorizationUrl())
            .accessTokenUrl(fake.accessTokenUrl())
            .client(Clients.BASE)
            .build();
    Token requestToken = flow.requestToken("oob");
    assertThat(requestToken.value()).isNotEmpty();
    assertThat(flow.clockOffset()).isBetween(Duration.ofSeconds(3590), Duration.ofSeconds(3610));
    faultsSurvived.incrementAndGet();
  }

  void startFakeClients() {
    token = fake.issueAccessToken(Secrets.CONSUMER_KEY, fake.data().demoUser().nsid(), "write");
    Secrets.register(token.secret());
    OAuth1Signer signer =
        OAuth1Signer.builder().clientCredentials(Secrets.CLIENT).token(token).build();
    oauth =
        OAuth1Interceptor.builder(signer).host(fake.restBaseUrl().host()).allowHttp(true).build();
    recorder = new LoadTest.Recorder();
    client =
        Clients.BASE
            .newBuilder()
            .addNetworkInterceptor(oauth)
            .addNetworkInterceptor(recorder)
            .build();
    login =
        fake.restBaseUrl()
            .newBuilder()
            .addQueryParameter("method", "flickr.test.login")
            .addQueryParameter("format", "json")
            .addQueryParameter("nojsoncallback", "1")
            .build();
  }

  // ---- Redirects, on MockWebServer: "front" is in scope, "foreign" is another host. ------------

  OAuth1Verifier frontVerifier() {
    return OAuth1Verifier.builder()
        .clientSecrets(k -> k.equals(Secrets.CONSUMER_KEY) ? Secrets.CONSUMER_SECRET : null)
        .tokenSecrets(t -> t.equals(Secrets.TOKEN.value()) ? Secrets.TOKEN_SECRET : null)
        .nonceStore(NonceStore.inMemory())
        .build();
  }

  OkHttpClient frontClient(Placement placement) {
    OAuth1Signer signer =
        OAuth1Signer.builder()
            .clientCredentials(Secrets.CLIENT)
            .token(Secrets.TOKEN)
            .placement(placement)
            .build();
    return Clients.BASE
        .newBuilder()
        .addNetworkInterceptor(
            OAuth1Interceptor.builder(signer).host(front.getHostName()).allowHttp(true).build())
        .build();
  }

  Verification verify(OAuth1Verifier verifier, RecordedRequest r) {
    return verifier.verify(
        r.getMethod(),
        r.getUrl(),
        r.getHeaders(),
        r.getBody() == null || r.getBody().size() == 0 ? null : r.getBody().toByteArray());
  }

  @Test
  void aRedirectToTheSameHostIsSignedAgainForTheUrlItGoesTo() throws Exception {
    for (Placement placement : Placement.values()) {
      OAuth1Verifier verifier = frontVerifier();
      int code = placement == Placement.FORM_BODY ? 307 : 302;
      front.enqueue(
          new MockResponse.Builder()
              .code(code)
              .setHeader("Location", "/services/rest/next?page=2")
              .build());
      front.enqueue(new MockResponse.Builder().code(200).body("ok").build());
      Request request =
          new Request.Builder()
              .url(front.url("/services/rest/?page=1"))
              .post(new FormBody.Builder().add("a", "1").build())
              .build();

      assertThat(call(frontClient(placement), request)).isEqualTo("200 ok");

      RecordedRequest first = front.takeRequest(5, TimeUnit.SECONDS);
      RecordedRequest second = front.takeRequest(5, TimeUnit.SECONDS);
      Verification v1 = verify(verifier, first);
      Verification v2 = verify(verifier, second);
      assertThat(v1.problem()).as("%s first", placement).isNull();
      assertThat(v2.problem()).as("%s redirected", placement).isNull();
      assertThat(v2.baseString()).contains("%2Fservices%2Frest%2Fnext&");
      assertThat(v2.protocolParameters().get("oauth_nonce"))
          .isNotEqualTo(v1.protocolParameters().get("oauth_nonce"));
      faultsSurvived.incrementAndGet();
    }
  }

  @Test
  void aRedirectToAnotherHostCarriesNoOAuthParameterAtAll() throws Exception {
    // "localhost" and the front's "127.0.0.1" are one machine but two hosts to the scope.
    HttpUrl elsewhere =
        foreign
            .url("/collect")
            .newBuilder()
            .host(front.getHostName().equals("localhost") ? "127.0.0.1" : "localhost")
            .build();
    for (Placement placement : Placement.values()) {
      for (int code : new int[] {302, 307}) {
        front.enqueue(
            new MockResponse.Builder()
                .code(code)
                .setHeader("Location", elsewhere.toString())
                .build());
        foreign.enqueue(new MockResponse.Builder().code(200).body("elsewhere").build());
        Request request =
            new Request.Builder()
                .url(front.url("/services/rest/"))
                .post(new FormBody.Builder().add("a", "1").build())
                .build();

        assertThat(call(frontClient(placement), request)).isEqualTo("200 elsewhere");

        assertThat(verify(frontVerifier(), front.takeRequest(5, TimeUnit.SECONDS)).problem())
            .isNull();
        RecordedRequest away = foreign.takeRequest(5, TimeUnit.SECONDS);
        assertThat(away.getHeaders().get("Authorization")).as("%s %s", placement, code).isNull();
        assertThat(away.getUrl().toString()).doesNotContain("oauth_");
        String body = away.getBody() == null ? "" : away.getBody().utf8();
        assertThat(body).as("%s %s body", placement, code).doesNotContain("oauth_");
        Secrets.assertAbsent(
            "request to a foreign host", away.getRequestLine() + away.getHeaders() + body);
        faultsSurvived.incrementAndGet();
      }
    }
  }

  @AfterAll
  static void figures() {
    Figures.record("faults.survived", faultsSurvived.get());
  }
}
