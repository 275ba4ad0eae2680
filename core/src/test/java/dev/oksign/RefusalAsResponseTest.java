package dev.oksign;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * {@code throwOnRefusal(false)}: a refusal comes back as the provider's response, and {@link
 * OAuthProblemException#from(Response)} still gives its problem and diagnosis.
 */
class RefusalAsResponseTest {
  static final String URL = OAuth1InterceptorRefusalTest.URL;
  static final String OUR_BASE_STRING = OAuth1InterceptorRefusalTest.OUR_BASE_STRING;

  @StartStop MockWebServer server = new MockWebServer();

  final AtomicInteger nonces = new AtomicInteger();

  OAuth1Interceptor.Builder interceptor() {
    OAuth1Signer signer =
        OAuth1Signer.builder()
            .clientCredentials("key", "secret")
            .token("token", "tokensecret")
            .clock(Clock.fixed(Instant.ofEpochSecond(1316657628L), ZoneOffset.UTC))
            .nonces(() -> "n" + nonces.incrementAndGet())
            .build();
    return OAuth1Interceptor.builder(signer).domain("flickr.com").allowHttp(true);
  }

  OkHttpClient client(OAuth1Interceptor oauth) {
    return new OkHttpClient.Builder()
        .proxy(server.getProxyAddress())
        .addInterceptor(oauth.clockSkewRetry())
        .addNetworkInterceptor(oauth)
        .build();
  }

  Response call(OkHttpClient client) throws Exception {
    return client.newCall(new Request.Builder().url(URL).build()).execute();
  }

  @Test
  void returnsTheRefusalWithItsDiagnosis() throws Exception {
    String serverSaw = OUR_BASE_STRING.replace("%2F%2Fflickr.com", "%2F%2Fwww.flickr.com");
    String body = "oauth_problem=signature_invalid&debug_sbs=" + serverSaw;
    server.enqueue(new MockResponse.Builder().code(401).body(body).build());
    OkHttpClient client = client(interceptor().throwOnRefusal(false).build());

    try (Response response = call(client)) {
      assertThat(response.isSuccessful()).isFalse();
      assertThat(response.code()).isEqualTo(401);
      assertThat(response.body().string()).isEqualTo(body);
      OAuthProblemException refusal = OAuthProblemException.from(response);
      assertThat(refusal).isNotNull();
      assertThat(refusal.knownProblem()).isEqualTo(OAuthProblem.SIGNATURE_INVALID);
      assertThat(refusal.httpStatus()).isEqualTo(401);
      assertThat(refusal.diagnosis())
          .startsWith("The base strings first differ in the host: the server saw www.flickr.com");
    }
  }

  @Test
  void throwsByDefault() {
    server.enqueue(
        new MockResponse.Builder().code(401).body("oauth_problem=token_rejected").build());
    OAuthProblemException e =
        catchThrowableOfType(
            OAuthProblemException.class, () -> call(client(interceptor().build())).close());
    assertThat(e.knownProblem()).isEqualTo(OAuthProblem.TOKEN_REJECTED);
  }

  @Test
  void findsNoRefusalInOtherResponses() throws Exception {
    server.enqueue(new MockResponse.Builder().body("ok").build());
    server.enqueue(new MockResponse.Builder().code(401).body("who are you?").build());
    OkHttpClient client = client(interceptor().throwOnRefusal(false).build());
    try (Response ok = call(client)) {
      assertThat(OAuthProblemException.from(ok)).isNull();
    }
    try (Response notOAuth = call(client)) {
      assertThat(notOAuth.code()).isEqualTo(401);
      assertThat(OAuthProblemException.from(notOAuth)).isNull();
    }
  }

  @Test
  void stillRetriesOnceWithTheServersClock() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(401)
            .body("oauth_problem=timestamp_refused")
            .addHeader("Date", "Thu, 22 Sep 2011 03:13:48 GMT")
            .build());
    server.enqueue(
        new MockResponse.Builder()
            .code(401)
            .body("oauth_problem=timestamp_refused")
            .addHeader("Date", "Thu, 22 Sep 2011 04:13:48 GMT")
            .build());
    OkHttpClient client = client(interceptor().throwOnRefusal(false).build());

    try (Response response = call(client)) {
      // One retry, whose own refusal is returned: no loop.
      assertThat(response.code()).isEqualTo(401);
      assertThat(OAuthProblemException.from(response).knownProblem())
          .isEqualTo(OAuthProblem.TIMESTAMP_REFUSED);
    }
    assertThat(server.takeRequest(5, SECONDS).getHeaders().get("Authorization"))
        .contains("oauth_timestamp=\"1316657628\"");
    assertThat(server.takeRequest(5, SECONDS).getHeaders().get("Authorization"))
        .contains("oauth_timestamp=\"1316661228\"");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }
}
