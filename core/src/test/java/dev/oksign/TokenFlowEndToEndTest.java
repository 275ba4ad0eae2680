package dev.oksign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole flow against a provider that checks every request with {@link OAuth1Verifier}, and
 * whose clock is an hour ahead of the client's.
 */
class TokenFlowEndToEndTest {
  static final Instant CLIENT_NOW = Instant.ofEpochSecond(1_700_000_000L);
  static final Instant SERVER_NOW = CLIENT_NOW.plus(Duration.ofHours(1));
  static final String OAUTH = "http://www.flickr.com/services/oauth/";

  @StartStop MockWebServer server = new MockWebServer();

  final Map<String, String> tokenSecrets = new ConcurrentHashMap<>();

  /** The host the provider sees, which a misconfigured proxy could change. */
  volatile String seenHost;

  final OAuth1Verifier verifier =
      OAuth1Verifier.builder()
          .clientSecrets(key -> key.equals("app-key") ? "app-secret" : null)
          .tokenSecrets(tokenSecrets::get)
          .clock(Clock.fixed(SERVER_NOW, ZoneOffset.UTC))
          .build();

  @BeforeEach
  void startProvider() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            HttpUrl url = request.getUrl();
            if (seenHost != null) url = url.newBuilder().host(seenHost).build();
            Verification v =
                verifier.verify(
                    request.getMethod(),
                    url,
                    request.getHeaders(),
                    request.getBody() == null ? null : request.getBody().toByteArray());
            if (!v.isValid()) return answer(401, v.responseBody());
            switch (url.encodedPath()) {
              case "/services/oauth/request_token":
                if (v.token() != null) return answer(401, "oauth_problem=parameter_rejected");
                tokenSecrets.put("request-1", "request-secret");
                return answer(
                    200,
                    "oauth_callback_confirmed=true&oauth_token=request-1"
                        + "&oauth_token_secret=request-secret");
              case "/services/oauth/access_token":
                if (!"request-1".equals(v.token())
                    || !"123-456-789".equals(v.protocolParameters().get("oauth_verifier"))) {
                  return answer(401, "oauth_problem=token_rejected");
                }
                tokenSecrets.remove("request-1");
                tokenSecrets.put("access-1", "access-secret");
                return answer(
                    200,
                    "fullname=Ada%20Lovelace&oauth_token=access-1&oauth_token_secret=access-secret"
                        + "&user_nsid=12345%40N01&username=ada");
              default:
                return answer(200, "{\"user\":{\"id\":\"12345@N01\"},\"stat\":\"ok\"}");
            }
          }
        });
  }

  static MockResponse answer(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader(
            "Date",
            DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.ofInstant(SERVER_NOW, ZoneOffset.UTC)))
        .body(body)
        .build();
  }

  OkHttpClient baseClient() {
    return new OkHttpClient.Builder().proxy(server.getProxyAddress()).build();
  }

  TokenFlow flow() {
    return TokenFlow.builder()
        .clientCredentials("app-key", "app-secret")
        .requestTokenUrl(OAUTH + "request_token")
        .authorizationUrl(OAUTH + "authorize")
        .accessTokenUrl(OAUTH + "access_token")
        .client(baseClient())
        .clock(Clock.fixed(CLIENT_NOW, ZoneOffset.UTC))
        .build();
  }

  @Test
  void obtainsAnAccessTokenAndCallsTheApiDespiteTheSkewedClock() throws Exception {
    TokenFlow flow = flow();
    Token requestToken = flow.requestToken("oob");
    assertThat(requestToken).isEqualTo(Token.of("request-1", "request-secret"));
    assertThat(flow.clockOffset()).isEqualTo(Duration.ofHours(1));
    assertThat(server.getRequestCount()).isEqualTo(2); // refused once, then retried

    AccessToken access = flow.accessToken(requestToken, " 123-456-789 ");
    assertThat(access.token()).isEqualTo(Token.of("access-1", "access-secret"));
    assertThat(access.parameter("user_nsid")).isEqualTo("12345@N01");
    assertThat(access.parameter("fullname")).isEqualTo("Ada Lovelace");
    assertThat(server.getRequestCount()).isEqualTo(3); // the offset was kept: no second refusal

    OAuth1Interceptor api =
        OAuth1Interceptor.builder(
                OAuth1Signer.builder()
                    .clientCredentials("app-key", "app-secret")
                    .token(access.token())
                    .clock(Clock.fixed(CLIENT_NOW, ZoneOffset.UTC))
                    .build())
            .host("api.flickr.com")
            .allowHttp(true)
            .build();
    OkHttpClient client =
        baseClient()
            .newBuilder()
            .addInterceptor(api.clockSkewRetry())
            .addNetworkInterceptor(api)
            .build();
    Request login =
        new Request.Builder()
            .url("http://api.flickr.com/services/rest/?method=flickr.test.login&format=json")
            .build();
    try (Response response = client.newCall(login).execute()) {
      assertThat(response.body().string())
          .isEqualTo("{\"user\":{\"id\":\"12345@N01\"},\"stat\":\"ok\"}");
    }
    assertThat(server.getRequestCount()).isEqualTo(5);
  }

  @Test
  void refusesAWrongVerifierAndAReplayedRequestToken() throws Exception {
    TokenFlow flow = flow();
    Token requestToken = flow.requestToken("oob");
    OAuthProblemException wrong =
        catchThrowableOfType(
            OAuthProblemException.class, () -> flow.accessToken(requestToken, "123456789"));
    assertThat(wrong.knownProblem()).isEqualTo(OAuthProblem.TOKEN_REJECTED);

    flow.accessToken(requestToken, "123-456-789");
    OAuthProblemException replayed =
        catchThrowableOfType(
            OAuthProblemException.class, () -> flow.accessToken(requestToken, "123-456-789"));
    assertThat(replayed.knownProblem()).isEqualTo(OAuthProblem.TOKEN_REJECTED);
  }

  @Test
  void namesTheHostWhenTheProviderSeesAnotherOne() {
    seenHost = "flickr.com";
    OAuthProblemException e =
        catchThrowableOfType(OAuthProblemException.class, () -> flow().requestToken("oob"));
    assertThat(e.knownProblem()).isEqualTo(OAuthProblem.SIGNATURE_INVALID);
    assertThat(e.diagnosis())
        .startsWith(
            "The base strings first differ in the host: the server saw flickr.com, we signed"
                + " www.flickr.com (with and without www. are different hosts to the"
                + " signature).\n");
  }
}
