package dev.oksign;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * OAuth refusals seen through the interceptor: typed, diagnosed, and for {@code timestamp_refused}
 * retried once with the server's clock. The refusal bodies and base strings are written out by
 * hand, as Flickr sends them.
 */
class OAuth1InterceptorRefusalTest {
  static final long T = 1316657628L;
  static final String URL = "http://flickr.com/services/rest/?method=flickr.test.login";
  static final String OUR_BASE_STRING =
      "GET&http%3A%2F%2Fflickr.com%2Fservices%2Frest%2F&method%3Dflickr.test.login"
          + "%26oauth_consumer_key%3Dkey%26oauth_nonce%3Dn1%26oauth_signature_method%3DHMAC-SHA1"
          + "%26oauth_timestamp%3D1316657628%26oauth_token%3Dtoken%26oauth_version%3D1.0";

  @StartStop MockWebServer server = new MockWebServer();

  final AtomicInteger nonces = new AtomicInteger();

  OAuth1Interceptor.Builder interceptor() {
    OAuth1Signer signer =
        OAuth1Signer.builder()
            .clientCredentials("key", "secret")
            .token("token", "tokensecret")
            .clock(Clock.fixed(Instant.ofEpochSecond(T), ZoneOffset.UTC))
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

  void refuse(String body, String date) {
    MockResponse.Builder response = new MockResponse.Builder().code(401).body(body);
    if (date != null) response.addHeader("Date", date);
    server.enqueue(response.build());
  }

  OAuthProblemException refusal(OkHttpClient client) {
    return catchThrowableOfType(
        OAuthProblemException.class,
        () -> client.newCall(new Request.Builder().url(URL).build()).execute().close());
  }

  String authorization() throws InterruptedException {
    RecordedRequest recorded = server.takeRequest(5, SECONDS);
    assertThat(recorded).isNotNull();
    return recorded.getHeaders().get("Authorization");
  }

  @Test
  void diagnosesAHostTheServerSawDifferently() {
    String server = OUR_BASE_STRING.replace("%2F%2Fflickr.com", "%2F%2Fwww.flickr.com");
    refuse("oauth_problem=signature_invalid&debug_sbs=" + server, null);
    OAuthProblemException e = refusal(client(interceptor().build()));

    assertThat(e.httpStatus()).isEqualTo(401);
    assertThat(e.knownProblem()).isEqualTo(OAuthProblem.SIGNATURE_INVALID);
    assertThat(e.diagnosis())
        .isEqualTo(
            "The base strings first differ in the host: the server saw www.flickr.com, we signed"
                + " flickr.com (with and without www. are different hosts to the signature).\n"
                + "Server's base string: "
                + server
                + "\nOur base string:      "
                + OUR_BASE_STRING);
    assertThat(e.getMessage())
        .startsWith("GET " + URL + ": HTTP 401, oauth_problem=signature_invalid\n");
    assertThat(e.getMessage()).doesNotContain("tokensecret").doesNotContain("secret&");
    assertThat(this.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void diagnosesAParameterEncodedDifferently() {
    String server = OUR_BASE_STRING.replace("flickr.test.login", "flickr.test.login%2520");
    refuse("oauth_problem=signature_invalid&debug_sbs=" + server, null);
    OAuthProblemException e = refusal(client(interceptor().build()));
    assertThat(e.diagnosis())
        .startsWith(
            "The base strings first differ in the parameters: the value of method is"
                + " flickr.test.login%20 at the server, flickr.test.login in what we signed.\n");
  }

  @Test
  void listsTheUsualSuspectsWithOurBaseStringWithoutDebugSbs() {
    refuse("oauth_problem=signature_invalid", null);
    OAuthProblemException e = refusal(client(interceptor().build()));
    assertThat(e.diagnosis()).endsWith("\nOur base string: " + OUR_BASE_STRING);
  }

  @Test
  void retriesOnceWithTheServersClockAndKeepsTheOffset() throws Exception {
    refuse(
        "oauth_problem=timestamp_refused&oauth_acceptable_timestamps=1316660928-1316661528",
        "Thu, 22 Sep 2011 03:13:48 GMT");
    server.enqueue(new MockResponse.Builder().body("ok").build());
    server.enqueue(new MockResponse.Builder().body("ok again").build());
    OAuth1Interceptor oauth = interceptor().build();
    OkHttpClient client = client(oauth);

    try (Response response = client.newCall(new Request.Builder().url(URL).build()).execute()) {
      assertThat(response.body().string()).isEqualTo("ok");
    }
    assertThat(authorization())
        .contains("oauth_nonce=\"n1\"")
        .contains("oauth_timestamp=\"1316657628\"");
    assertThat(authorization())
        .contains("oauth_nonce=\"n2\"")
        .contains("oauth_timestamp=\"1316661228\"");
    assertThat(oauth.clockOffset()).isEqualTo(Duration.ofHours(1));

    // Later requests are signed with the corrected clock at once.
    try (Response response = client.newCall(new Request.Builder().url(URL).build()).execute()) {
      assertThat(response.body().string()).isEqualTo("ok again");
    }
    assertThat(authorization())
        .contains("oauth_nonce=\"n3\"")
        .contains("oauth_timestamp=\"1316661228\"");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void learnsFromAcceptableTimestampsWithoutADateHeader() throws Exception {
    refuse(
        "oauth_problem=timestamp_refused&oauth_acceptable_timestamps=1316660928-1316661528", null);
    server.enqueue(new MockResponse.Builder().body("ok").build());
    OAuth1Interceptor oauth = interceptor().build();
    try (Response response =
        client(oauth).newCall(new Request.Builder().url(URL).build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }
    assertThat(oauth.clockOffset()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void doesNotRetryASecondRefusal() {
    refuse("oauth_problem=timestamp_refused", "Thu, 22 Sep 2011 03:13:48 GMT");
    refuse("oauth_problem=timestamp_refused", "Thu, 22 Sep 2011 04:13:48 GMT");
    server.enqueue(new MockResponse.Builder().body("never reached").build());
    OAuthProblemException e = refusal(client(interceptor().build()));

    assertThat(e.knownProblem()).isEqualTo(OAuthProblem.TIMESTAMP_REFUSED);
    assertThat(e.getSuppressed()).hasSize(1);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void doesNotRetryWithoutAClueToTheServersClockOrWhenTurnedOff() {
    refuse("oauth_problem=timestamp_refused", null);
    OAuth1Interceptor oauth = interceptor().build();
    assertThat(refusal(client(oauth)).problem()).isEqualTo("timestamp_refused");
    assertThat(server.getRequestCount()).isEqualTo(1);

    refuse("oauth_problem=timestamp_refused", "Thu, 22 Sep 2011 03:13:48 GMT");
    OAuth1Interceptor off = interceptor().clockSkewCorrection(false).build();
    assertThat(refusal(client(off)).problem()).isEqualTo("timestamp_refused");
    assertThat(off.clockOffset()).isEqualTo(Duration.ZERO);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void typesOtherRefusalsWithoutRetrying() {
    OkHttpClient client = client(interceptor().build());
    refuse("oauth_problem=nonce_used", null);
    assertThat(refusal(client).knownProblem()).isEqualTo(OAuthProblem.NONCE_USED);
    refuse("oauth_problem=token_rejected&oauth_problem_advice=The%20token%20was%20revoked", null);
    OAuthProblemException rejected = refusal(client);
    assertThat(rejected.knownProblem()).isEqualTo(OAuthProblem.TOKEN_REJECTED);
    assertThat(rejected.advice()).isEqualTo("The token was revoked");
    server.enqueue(
        new MockResponse.Builder()
            .code(400)
            .body("oauth_problem=parameter_absent&oauth_parameters_absent=oauth_verifier")
            .build());
    OAuthProblemException absent = refusal(client);
    assertThat(absent.httpStatus()).isEqualTo(400);
    assertThat(absent.parametersAbsent()).containsExactly("oauth_verifier");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void readsAProblemReportedInTheWwwAuthenticateHeader() {
    server.enqueue(
        new MockResponse.Builder()
            .code(401)
            .addHeader(
                "WWW-Authenticate",
                "OAuth realm=\"Photos\", oauth_problem=\"token_expired\","
                    + " oauth_problem_advice=\"Authorize%20again\"")
            .body("Unauthorized")
            .build());
    OAuthProblemException e = refusal(client(interceptor().build()));
    assertThat(e.knownProblem()).isEqualTo(OAuthProblem.TOKEN_EXPIRED);
    assertThat(e.advice()).isEqualTo("Authorize again");
    assertThat(e.bodySnippet()).isEqualTo("Unauthorized");
    assertThat(e.getMessage())
        .isEqualTo("GET " + URL + ": HTTP 401, oauth_problem=token_expired (Authorize again)");
  }

  @Test
  void passesOnErrorsThatAreNotOAuthRefusals() throws Exception {
    OkHttpClient client = client(interceptor().build());
    server.enqueue(new MockResponse.Builder().code(401).body("<html>Unauthorized</html>").build());
    server.enqueue(new MockResponse.Builder().code(500).body("oauth_problem=x").build());
    try (Response response = client.newCall(new Request.Builder().url(URL).build()).execute()) {
      assertThat(response.code()).isEqualTo(401);
      assertThat(response.body().string()).isEqualTo("<html>Unauthorized</html>");
    }
    try (Response response = client.newCall(new Request.Builder().url(URL).build()).execute()) {
      assertThat(response.code()).isEqualTo(500);
    }
    // Out of scope: another API's refusal is its own business.
    server.enqueue(
        new MockResponse.Builder().code(401).body("oauth_problem=token_rejected").build());
    try (Response response =
        client.newCall(new Request.Builder().url("http://example.com/").build()).execute()) {
      assertThat(response.code()).isEqualTo(401);
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
  }
}
