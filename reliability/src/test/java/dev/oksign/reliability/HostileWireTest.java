package dev.oksign.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oksign.NonceStore;
import dev.oksign.OAuth1Interceptor;
import dev.oksign.OAuth1Signer;
import dev.oksign.OAuth1Verifier;
import dev.oksign.Placement;
import dev.oksign.SignatureMethod;
import dev.oksign.SigningException;
import dev.oksign.SigningOptions;
import dev.oksign.Token;
import dev.oksign.Verification;
import dev.oksign.internal.AuthorizationHeader;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken input sent for real, over loopback, through {@link OAuth1Interceptor} as a
 * network interceptor, and checked on the server side by {@link OAuth1Verifier} from the bytes that
 * arrived. Each value either is signed so that the server verifies it, with the {@code
 * Authorization} header one well-formed line and no header injected, or is refused with a {@link
 * SigningException} before a single request reaches the server.
 *
 * <p>This goes beyond core's HostileInputTest, which checks the signer's own output: here the
 * values cross OkHttp's encoders, the socket and the server's parsers.
 */
class HostileWireTest {
  @StartStop MockWebServer server = newServer();

  static MockWebServer newServer() {
    MockWebServer server = new MockWebServer();
    server.setServerSocketFactory(dev.oksign.testing.internal.NoDelayServerSockets.INSTANCE);
    return server;
  }

  static final Map<String, String> VALUES = new LinkedHashMap<>();

  static {
    VALUES.put("CR LF", "a\r\nX-Injected: 1");
    VALUES.put("lone LF", "a\nb");
    VALUES.put("NUL", "a\u0000b");
    VALUES.put("DEL and C1", "a\u007f\u0085b");
    VALUES.put("double quote", "a\"b");
    VALUES.put("backslash quote", "a\\\"b\\");
    VALUES.put("comma", "a,b, c");
    VALUES.put("equals", "a=b==");
    VALUES.put("ampersand", "a&b&&");
    VALUES.put("percent", "100%");
    VALUES.put("escape-looking", "%41%zz%4");
    VALUES.put("plus", "a+b");
    VALUES.put("space and tab", " a\tb ");
    VALUES.put("empty", "");
    VALUES.put("lone high surrogate", "x\uD800y");
    VALUES.put("lone low surrogate", "\uDC00");
    VALUES.put("reversed pair", "\uDE00\uD83D");
    VALUES.put("emoji", "\uD83D\uDE00");
    VALUES.put("non-Latin", "Zoë Ōtsuka, São Paulo, 東京");
    VALUES.put("BOM and separators", "\uFEFF\u2028\u2029");
    VALUES.put("oauth-looking", "oauth_token=x&oauth_signature=y");
    VALUES.put("header-looking", "OAuth oauth_consumer_key=\"evil\"");
    VALUES.put("64 KB", "v".repeat(64 * 1024));
  }

  static final AtomicInteger tried = new AtomicInteger();
  static final AtomicInteger refusedBeforeSending = new AtomicInteger();

  final String consumerKeyAlone = "hostile-wire-key";
  final Map<String, String> tokenSecrets = new LinkedHashMap<>();

  OAuth1Verifier verifier(String consumerKey) {
    String sent = Fuzzed.sent(consumerKey);
    return OAuth1Verifier.builder()
        .clientSecrets(key -> key.equals(sent) ? Secrets.CONSUMER_SECRET : null)
        .tokenSecrets(tokenSecrets::get)
        .nonceStore(NonceStore.inMemory())
        .signatureMethods(SignatureMethod.HMAC_SHA1, SignatureMethod.PLAINTEXT)
        .build();
  }

  static final OkHttpClient BASE = Clients.BASE;

  OkHttpClient client(OAuth1Signer signer) {
    return BASE.newBuilder()
        .addNetworkInterceptor(
            OAuth1Interceptor.builder(signer).host(server.getHostName()).allowHttp(true).build())
        .build();
  }

  OAuth1Signer signer(String consumerKey, Placement placement) {
    return OAuth1Signer.builder()
        .clientCredentials(consumerKey, Secrets.CONSUMER_SECRET)
        .placement(placement)
        .build();
  }

  /** Sends, then verifies what arrived; returns the problem, null if valid. */
  String roundTrip(OAuth1Signer signer, Request request, String consumerKey) throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("ok").build());
    try (Response response = client(signer).newCall(request).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }
    RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(recorded).isNotNull();
    List<String> authorization = recorded.getHeaders().values("Authorization");
    assertThat(recorded.getHeaders().names()).doesNotContain("X-Injected", "x-injected");
    if (signer.placement() == Placement.AUTHORIZATION_HEADER) {
      assertThat(authorization).hasSize(1);
      assertThat(authorization.get(0))
          .doesNotContain("\r", "\n", "\u0000")
          .matches("[\\x20-\\x7e]*");
      AuthorizationHeader.parse(authorization.get(0));
    } else {
      assertThat(authorization).isEmpty();
    }
    byte[] body = recorded.getBody() == null ? null : recorded.getBody().toByteArray();
    Verification v =
        verifier(consumerKey)
            .verify(recorded.getMethod(), recorded.getUrl(), recorded.getHeaders(), body);
    Secrets.assertAbsent("Verification", v.toString());
    tried.incrementAndGet();
    return v.problem();
  }

  HttpUrl base() {
    return server.url("/services/rest/");
  }

  @Test
  void hostileValuesInEveryPositionAndPlacementAreSignedSoTheServerVerifiesThem() throws Exception {
    SoftAssertions softly = new SoftAssertions();
    for (Map.Entry<String, String> e : VALUES.entrySet()) {
      String h = e.getValue();
      for (Placement placement : Placement.values()) {
        Map<String, Request> requests = new LinkedHashMap<>();
        FormBody form = new FormBody.Builder().add("f", "1").build();
        requests.put("query name", post(base().newBuilder().addQueryParameter("q" + h, "1"), form));
        requests.put("query value", post(base().newBuilder().addQueryParameter("q", h), form));
        requests.put(
            "path segment", post(base().newBuilder().addPathSegment(h.isEmpty() ? "e" : h), form));
        requests.put(
            "form name",
            post(base().newBuilder(), new FormBody.Builder().add("f" + h, "1").build()));
        requests.put(
            "form value", post(base().newBuilder(), new FormBody.Builder().add("f", h).build()));
        requests.put(
            "callback",
            post(base().newBuilder(), form)
                .newBuilder()
                .tag(SigningOptions.class, SigningOptions.builder().callback(h).build())
                .build());
        if (!h.isEmpty()) {
          Token token = new Token(h, "tok-s3cr3t-" + e.getKey().length());
          tokenSecrets.put(Fuzzed.sent(h), token.secret());
          requests.put(
              "token value",
              post(base().newBuilder(), form).newBuilder().tag(Token.class, token).build());
        }
        for (Map.Entry<String, Request> r : requests.entrySet()) {
          String problem =
              roundTrip(signer(consumerKeyAlone, placement), r.getValue(), consumerKeyAlone);
          softly.assertThat(problem).as("%s in %s, %s", e.getKey(), r.getKey(), placement).isNull();
        }
        if (!h.isEmpty()) {
          String key = "k" + h;
          String problem = roundTrip(signer(key, placement), post(base().newBuilder(), form), key);
          softly
              .assertThat(problem)
              .as("%s in the consumer key, %s", e.getKey(), placement)
              .isNull();
        }
      }
    }
    softly.assertAll();
  }

  @Test
  void aOneMegabyteFormBodyIsSignedAndVerifiedInEachPlacement() throws Exception {
    String big = "x".repeat(1 << 20);
    for (Placement placement : Placement.values()) {
      FormBody form = new FormBody.Builder().add("big", big).add("small", "1").build();
      String problem =
          roundTrip(
              signer(consumerKeyAlone, placement),
              post(base().newBuilder(), form),
              consumerKeyAlone);
      assertThat(problem).as("%s", placement).isNull();
    }
    RequestBody raw =
        RequestBody.create(
            "big=" + big + "&e=%C3%A9", MediaType.get("application/x-www-form-urlencoded"));
    assertThat(
            roundTrip(
                signer(consumerKeyAlone, Placement.AUTHORIZATION_HEADER),
                post(base().newBuilder(), raw),
                consumerKeyAlone))
        .isNull();
  }

  @Test
  void brokenRequestsAreRefusedBeforeAnythingIsSent() {
    OAuth1Signer header = signer(consumerKeyAlone, Placement.AUTHORIZATION_HEADER);
    Map<String, Request> broken = new LinkedHashMap<>();
    broken.put("invalid escape in the query", get(base() + "?a=%zz"));
    broken.put("truncated escape in the query", get(base() + "?a=%4"));
    broken.put("lone % at the end of the query", get(base() + "?a=100%"));
    broken.put(
        "invalid escape in a raw form body",
        post(
            base().newBuilder(),
            RequestBody.create("a=%G1", MediaType.get("application/x-www-form-urlencoded"))));
    broken.put("oauth_ parameter in the query", get(base() + "?oauth_token=x"));
    broken.put(
        "oauth_ parameter in the form body",
        post(base().newBuilder(), new FormBody.Builder().add("oauth_nonce", "n").build()));
    broken.put(
        "an Authorization header already",
        new Request.Builder().url(base()).header("Authorization", "Basic eDp5").build());
    broken.put("one-shot form body", post(base().newBuilder(), oneShotForm()));
    for (Map.Entry<String, Request> b : broken.entrySet()) {
      refused(header, b.getValue(), b.getKey());
    }
    refused(
        signer(consumerKeyAlone, Placement.FORM_BODY),
        get(base().toString()),
        "FORM_BODY placement without a form");
    refused(
        header.newBuilder().signatureMethod(SignatureMethod.PLAINTEXT).build(),
        get(base().toString()),
        "PLAINTEXT over http");
    assertThat(server.getRequestCount()).isZero();
  }

  void refused(OAuth1Signer signer, Request request, String what) {
    assertThatThrownBy(() -> client(signer).newCall(request).execute().close())
        .as(what)
        .isInstanceOf(SigningException.class)
        .satisfies(e -> Secrets.assertAbsent(what, e))
        .hasMessageContaining(server.getHostName());
    tried.incrementAndGet();
    refusedBeforeSending.incrementAndGet();
  }

  static Request get(String url) {
    return new Request.Builder().url(url).build();
  }

  static Request post(HttpUrl.Builder url, RequestBody body) {
    return new Request.Builder().url(url.build()).post(body).build();
  }

  static RequestBody oneShotForm() {
    return new RequestBody() {
      @Override
      public MediaType contentType() {
        return MediaType.get("application/x-www-form-urlencoded");
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        sink.writeUtf8("a=1");
      }

      @Override
      public boolean isOneShot() {
        return true;
      }
    };
  }

  @AfterAll
  static void figures() {
    Figures.record("hostile.valuesTried", VALUES.size());
    Figures.record("hostile.requestsTried", tried.get());
    Figures.record("hostile.refusedBeforeSending", refusedBeforeSending.get());
  }
}
