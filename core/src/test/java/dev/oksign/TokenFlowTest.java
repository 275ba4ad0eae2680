package dev.oksign;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * The three legs on the wire, through MockWebServer as a proxy so that the signed URLs are
 * Flickr's. Expected signatures are HMACs computed here by the JDK over base strings written out by
 * hand, or the published Flickr vector.
 */
class TokenFlowTest {
  static final String KEY = "768fe946d252b119746fda82e1599980";
  static final String SECRET = "1a3c208e172d3edc";
  static final long T = 1316657628L;
  static final String NONCE = "C2F26CD5C075BA9050AD8EE90644CF29";
  static final String BASE = "http://www.flickr.com/services/oauth/";
  static final Token REQUEST_TOKEN =
      Token.of("72157626737672178-022bbd2f4c2f3432", "fccb68c4e6103197");
  static final String REQUEST_TOKEN_BODY =
      "oauth_callback_confirmed=true&oauth_token=72157626737672178-022bbd2f4c2f3432"
          + "&oauth_token_secret=fccb68c4e6103197";

  @StartStop MockWebServer server = new MockWebServer();

  TokenFlow.Builder flow() {
    return TokenFlow.builder()
        .clientCredentials(KEY, SECRET)
        .requestTokenUrl(BASE + "request_token")
        .authorizationUrl(BASE + "authorize")
        .accessTokenUrl(BASE + "access_token")
        .client(new OkHttpClient.Builder().proxy(server.getProxyAddress()).build())
        .clock(Clock.fixed(Instant.ofEpochSecond(T), ZoneOffset.UTC))
        .nonces(() -> NONCE);
  }

  void answer(int code, String body) {
    server.enqueue(new MockResponse.Builder().code(code).body(body).build());
  }

  RecordedRequest take() throws InterruptedException {
    RecordedRequest recorded = server.takeRequest(5, SECONDS);
    assertThat(recorded).isNotNull();
    return recorded;
  }

  static String encode(String base64) {
    return base64.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D");
  }

  @Test
  void requestTokenSignsWithNoTokenAndTheCallback() throws Exception {
    answer(200, REQUEST_TOKEN_BODY);
    Token token =
        flow().httpMethod("GET").build().requestToken("http://www.wackylabs.net/oauth/test");

    assertThat(token).isEqualTo(REQUEST_TOKEN);
    RecordedRequest recorded = take();
    assertThat(recorded.getRequestLine())
        .isEqualTo("GET http://www.flickr.com/services/oauth/request_token HTTP/1.1");
    // The Flickr vector: the signature published with it.
    assertThat(recorded.getHeaders().get("Authorization"))
        .isEqualTo(
            "OAuth oauth_callback=\"http%3A%2F%2Fwww.wackylabs.net%2Foauth%2Ftest\", "
                + "oauth_consumer_key=\"768fe946d252b119746fda82e1599980\", "
                + "oauth_nonce=\"C2F26CD5C075BA9050AD8EE90644CF29\", "
                + "oauth_signature=\"0fhNGlzpFNAsTme%2FhDfUb5HPB5U%3D\", "
                + "oauth_signature_method=\"HMAC-SHA1\", "
                + "oauth_timestamp=\"1316657628\", "
                + "oauth_version=\"1.0\"");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aFlowBuiltFromASignerSignsAsTheSignerDoes() throws Exception {
    answer(200, REQUEST_TOKEN_BODY);
    OAuth1Signer signer =
        OAuth1Signer.builder()
            .clientCredentials(KEY, SECRET)
            .token(Token.of("access", "ignored-by-the-flow"))
            .placement(Placement.QUERY)
            .realm("Flickr")
            .clock(Clock.fixed(Instant.ofEpochSecond(T), ZoneOffset.UTC))
            .nonces(() -> NONCE)
            .build();
    TokenFlow.builder(signer)
        .requestTokenUrl(BASE + "request_token")
        .authorizationUrl(BASE + "authorize")
        .accessTokenUrl(BASE + "access_token")
        .client(new OkHttpClient.Builder().proxy(server.getProxyAddress()).build())
        .httpMethod("GET")
        .build()
        .requestToken("http://www.wackylabs.net/oauth/test");

    // The Flickr vector again: the signer's key, clock and nonces; no token; in the header.
    assertThat(take().getHeaders().get("Authorization"))
        .startsWith("OAuth realm=\"Flickr\", oauth_callback=")
        .contains("oauth_signature=\"0fhNGlzpFNAsTme%2FhDfUb5HPB5U%3D\"")
        .doesNotContain("oauth_token");
  }

  @Test
  void requestTokenIsAPostWithAnEmptyBodyByDefault() throws Exception {
    answer(200, REQUEST_TOKEN_BODY);
    flow().build().requestToken("oob");

    String baseString =
        "POST&http%3A%2F%2Fwww.flickr.com%2Fservices%2Foauth%2Frequest_token"
            + "&oauth_callback%3Doob%26oauth_consumer_key%3D768fe946d252b119746fda82e1599980"
            + "%26oauth_nonce%3DC2F26CD5C075BA9050AD8EE90644CF29"
            + "%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1316657628"
            + "%26oauth_version%3D1.0";
    String signature = OAuth1VerifierTest.hmacSha1(SECRET + "&", baseString);
    RecordedRequest recorded = take();
    assertThat(recorded.getRequestLine())
        .isEqualTo("POST http://www.flickr.com/services/oauth/request_token HTTP/1.1");
    assertThat(recorded.getHeaders().get("Content-Length")).isEqualTo("0");
    assertThat(recorded.getBodySize()).isZero();
    assertThat(recorded.getHeaders().get("Authorization"))
        .isEqualTo(
            "OAuth oauth_callback=\"oob\", "
                + "oauth_consumer_key=\"768fe946d252b119746fda82e1599980\", "
                + "oauth_nonce=\"C2F26CD5C075BA9050AD8EE90644CF29\", "
                + "oauth_signature=\""
                + encode(signature)
                + "\", oauth_signature_method=\"HMAC-SHA1\", "
                + "oauth_timestamp=\"1316657628\", "
                + "oauth_version=\"1.0\"");
  }

  @Test
  void accessTokenSignsWithTheRequestTokenSecretAndSendsTheVerifierAsTyped() throws Exception {
    answer(
        200,
        "fullname=Jamal%20Fanaian&oauth_token=72157626318069415-087bfc7b5816092c"
            + "&oauth_token_secret=a202d1f853ec69de&user_nsid=21207597%40N07"
            + "&username=jamalfanaian");
    AccessToken access =
        flow().httpMethod("GET").build().accessToken(REQUEST_TOKEN, "  123-456-789 \n");

    String baseString =
        "GET&http%3A%2F%2Fwww.flickr.com%2Fservices%2Foauth%2Faccess_token"
            + "&oauth_consumer_key%3D768fe946d252b119746fda82e1599980"
            + "%26oauth_nonce%3DC2F26CD5C075BA9050AD8EE90644CF29"
            + "%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1316657628"
            + "%26oauth_token%3D72157626737672178-022bbd2f4c2f3432"
            + "%26oauth_verifier%3D123-456-789%26oauth_version%3D1.0";
    // The key holds the request token's secret: the step most often got wrong.
    String signature = OAuth1VerifierTest.hmacSha1(SECRET + "&fccb68c4e6103197", baseString);
    RecordedRequest recorded = take();
    assertThat(recorded.getRequestLine())
        .isEqualTo("GET http://www.flickr.com/services/oauth/access_token HTTP/1.1");
    assertThat(recorded.getHeaders().get("Authorization"))
        .isEqualTo(
            "OAuth oauth_consumer_key=\"768fe946d252b119746fda82e1599980\", "
                + "oauth_nonce=\"C2F26CD5C075BA9050AD8EE90644CF29\", "
                + "oauth_signature=\""
                + encode(signature)
                + "\", oauth_signature_method=\"HMAC-SHA1\", "
                + "oauth_timestamp=\"1316657628\", "
                + "oauth_token=\"72157626737672178-022bbd2f4c2f3432\", "
                + "oauth_verifier=\"123-456-789\", "
                + "oauth_version=\"1.0\"");

    assertThat(access.token())
        .isEqualTo(Token.of("72157626318069415-087bfc7b5816092c", "a202d1f853ec69de"));
    assertThat(access.parameters())
        .containsExactly(
            entry("fullname", "Jamal Fanaian"),
            entry("user_nsid", "21207597@N07"),
            entry("username", "jamalfanaian"));
    assertThat(access.parameter("user_nsid")).isEqualTo("21207597@N07");
    assertThat(access.toString())
        .isEqualTo(
            "AccessToken[token=Token[value=72157626318069415-087bfc7b5816092c, secret=██],"
                + " parameters={fullname=Jamal Fanaian, user_nsid=21207597@N07,"
                + " username=jamalfanaian}]");
  }

  @Test
  void authorizationUrlCarriesTheTokenAndExtraParameters() {
    Map<String, String> extra = new LinkedHashMap<>();
    extra.put("perms", "write");
    assertThat(flow().build().authorizationUrl(REQUEST_TOKEN, extra).toString())
        .isEqualTo(
            "http://www.flickr.com/services/oauth/authorize"
                + "?oauth_token=72157626737672178-022bbd2f4c2f3432&perms=write");
    assertThat(flow().build().authorizationUrl(REQUEST_TOKEN).toString())
        .isEqualTo(
            "http://www.flickr.com/services/oauth/authorize"
                + "?oauth_token=72157626737672178-022bbd2f4c2f3432");
  }

  @Test
  void parseCallbackReturnsTheTokenAndVerifierOfThisFlowOnly() throws Exception {
    TokenFlow flow = flow().build();
    HttpUrl landed =
        HttpUrl.get(
            "https://app.example/cb?oauth_token=72157626737672178-022bbd2f4c2f3432"
                + "&oauth_verifier=5d1b96a26b494074");
    assertThat(flow.parseCallback(landed, REQUEST_TOKEN))
        .isEqualTo(
            new TokenFlow.Callback("72157626737672178-022bbd2f4c2f3432", "5d1b96a26b494074"));

    assertThatThrownBy(() -> flow.parseCallback(landed, Token.of("other", "s")))
        .isInstanceOf(OAuth1Exception.class)
        .hasMessage(
            "the callback carries oauth_token 72157626737672178-022bbd2f4c2f3432, not other that"
                + " this flow issued: it belongs to another attempt, or is forged");
    assertThatThrownBy(
            () ->
                flow.parseCallback(
                    HttpUrl.get(
                        "https://app.example/cb?oauth_token=72157626737672178-022bbd2f4c2f3432"),
                    REQUEST_TOKEN))
        .hasMessage("the callback URL has no oauth_verifier");
    assertThatThrownBy(
            () -> flow.parseCallback(HttpUrl.get("https://app.example/cb?denied=x"), REQUEST_TOKEN))
        .hasMessage("the user did not authorize the request token: denied");
    assertThatThrownBy(
            () -> flow.parseCallback(HttpUrl.get("https://app.example/cb"), REQUEST_TOKEN))
        .hasMessage("the callback URL has no oauth_token");
  }

  @Test
  void parseCallbackReadsTheUriAnAppReceivedWhateverItsScheme() throws Exception {
    TokenFlow flow = flow().build();
    TokenFlow.Callback expected =
        new TokenFlow.Callback("72157626737672178-022bbd2f4c2f3432", "5d1b96a26b494074");
    String android =
        "x-oauthflow-flickr://callback?oauth_token=72157626737672178-022bbd2f4c2f3432"
            + "&oauth_verifier=5d1b96a26b494074";
    assertThat(flow.parseCallback(android, REQUEST_TOKEN)).isEqualTo(expected);
    assertThat(flow.parseCallback(URI.create(android), REQUEST_TOKEN)).isEqualTo(expected);
    // Opaque (no //), percent-encoded, with a fragment after the query.
    assertThat(
            flow.parseCallback(
                "myapp:done?oauth_token=72157626737672178%2D022bbd2f4c2f3432"
                    + "&oauth_verifier=5d1b96a26b494074#top",
                REQUEST_TOKEN))
        .isEqualTo(expected);
    assertThat(
            flow.parseCallback(
                "https://app.example/cb?oauth_token=72157626737672178-022bbd2f4c2f3432"
                    + "&oauth_verifier=5d1b96a26b494074",
                REQUEST_TOKEN))
        .isEqualTo(expected);

    // The same checks as for an HttpUrl.
    assertThatThrownBy(() -> flow.parseCallback(android, Token.of("other", "s")))
        .isInstanceOf(OAuth1Exception.class)
        .hasMessage(
            "the callback carries oauth_token 72157626737672178-022bbd2f4c2f3432, not other that"
                + " this flow issued: it belongs to another attempt, or is forged");
    assertThatThrownBy(
            () ->
                flow.parseCallback(
                    "x-oauthflow-flickr://callback?oauth_token=72157626737672178-022bbd2f4c2f3432",
                    REQUEST_TOKEN))
        .hasMessage("the callback URL has no oauth_verifier");
    assertThatThrownBy(
            () -> flow.parseCallback("x-oauthflow-flickr://callback?denied=x", REQUEST_TOKEN))
        .hasMessage("the user did not authorize the request token: denied");
    assertThatThrownBy(
            () ->
                flow.parseCallback(
                    URI.create("x-oauthflow-flickr://callback?oauth_problem=user_refused"),
                    REQUEST_TOKEN))
        .hasMessage("the user did not authorize the request token: oauth_problem=user_refused");
    assertThatThrownBy(() -> flow.parseCallback("x-oauthflow-flickr://callback", REQUEST_TOKEN))
        .hasMessage("the callback URL has no oauth_token");
    // A '?' inside the fragment is not a query.
    assertThatThrownBy(
            () ->
                flow.parseCallback(
                    "x-oauthflow-flickr://callback#?oauth_token=72157626737672178-022bbd2f4c2f3432"
                        + "&oauth_verifier=5d1b96a26b494074",
                    REQUEST_TOKEN))
        .hasMessage("the callback URL has no oauth_token");
  }

  @Test
  void refusesAnUnconfirmedCallback() {
    answer(200, "oauth_token=t&oauth_token_secret=s3cr3t&oauth_callback_confirmed=false");
    OAuthProblemException e =
        catchThrowableOfType(OAuthProblemException.class, () -> flow().build().requestToken("oob"));
    assertThat(e.httpStatus()).isEqualTo(200);
    assertThat(e.problem()).isNull();
    assertThat(e.getMessage())
        .isEqualTo(
            "request_token: HTTP 200: oauth_callback_confirmed is false, not true: the provider"
                + " does not confirm the callback as OAuth 1.0a requires\n"
                + "Body: oauth_token=t&oauth_token_secret=██&oauth_callback_confirmed=false");
  }

  @Test
  void reportsAnHtmlErrorPage() {
    server.enqueue(
        new MockResponse.Builder()
            .code(500)
            .addHeader("Content-Type", "text/html")
            .body("<html><body><h1>500 Internal Server Error</h1></body></html>")
            .build());
    OAuthProblemException e =
        catchThrowableOfType(
            OAuthProblemException.class,
            () -> flow().build().accessToken(REQUEST_TOKEN, "123-456-789"));
    assertThat(e.httpStatus()).isEqualTo(500);
    assertThat(e.problem()).isNull();
    assertThat(e.bodySnippet())
        .isEqualTo("<html><body><h1>500 Internal Server Error</h1></body></html>");
    assertThat(e.getMessage()).startsWith("access_token: HTTP 500: the body is not a form\n");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void reportsAnEmptyBodyJsonAndAFormWithoutTheSecret() {
    answer(200, "");
    assertThatThrownBy(() -> flow().build().requestToken("oob"))
        .isInstanceOf(OAuthProblemException.class)
        .hasMessage("request_token: HTTP 200: the body is empty");

    answer(200, "{\"stat\":\"fail\",\"code\":100,\"message\":\"Invalid API Key\"}");
    assertThatThrownBy(() -> flow().build().requestToken("oob"))
        .isInstanceOf(OAuthProblemException.class)
        .hasMessage(
            "request_token: HTTP 200: the body is not a form\n"
                + "Body: {\"stat\":\"fail\",\"code\":100,\"message\":\"Invalid API Key\"}");

    answer(200, "oauth_token=abc&user_nsid=1%40N0");
    assertThatThrownBy(() -> flow().build().accessToken(REQUEST_TOKEN, "1-2-3"))
        .isInstanceOf(OAuthProblemException.class)
        .hasMessage(
            "access_token: HTTP 200: the answer has no oauth_token_secret\n"
                + "Body: oauth_token=abc&user_nsid=1%40N0");
  }

  @Test
  void refusesBadArguments() {
    TokenFlow flow = flow().build();
    assertThatThrownBy(() -> flow.requestToken("not a url"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "callback must be an absolute URI (https://... or an app's own scheme://...) or oob,"
                + " not not a url");
    assertThatThrownBy(() -> flow.requestToken("/relative/callback"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> flow.accessToken(REQUEST_TOKEN, "  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("verifier is empty");
    assertThatThrownBy(() -> TokenFlow.builder().clientCredentials(KEY, SECRET).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("requestTokenUrl == null");
    assertThat(server.getRequestCount()).isZero();
  }
}
