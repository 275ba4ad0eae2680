package dev.oksign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
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
import okio.Okio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Attacks on the client side, performed over a loopback socket (MockWebServer as the HTTP proxy of
 * every host): what an adversarial server or a misconfiguration could make the interceptor send.
 */
class InterceptorSecurityTest {
  @StartStop MockWebServer server = new MockWebServer();

  final AtomicInteger nonces = new AtomicInteger();

  OAuth1Signer signer(Placement placement) {
    return OAuth1Signer.builder()
        .clientCredentials("key", "consumersecret")
        .token("accesstoken", "tokensecret")
        .placement(placement)
        .clock(Clock.fixed(Instant.ofEpochSecond(1700000000), ZoneOffset.UTC))
        .nonces(() -> "nonce" + nonces.incrementAndGet())
        .build();
  }

  OkHttpClient.Builder viaProxy() {
    return new OkHttpClient.Builder().proxy(server.getProxyAddress());
  }

  List<RecordedRequest> recorded() throws InterruptedException {
    List<RecordedRequest> all = new ArrayList<>();
    RecordedRequest r;
    while ((r = server.takeRequest(100, TimeUnit.MILLISECONDS)) != null) all.add(r);
    return all;
  }

  /** Everything a request carried: request line, headers and body. */
  static String wire(RecordedRequest r) {
    StringBuilder out = new StringBuilder(r.getRequestLine()).append('\n');
    // Headers.toString() hides Authorization's value: write each header out.
    for (int i = 0; i < r.getHeaders().size(); i++) {
      out.append(r.getHeaders().name(i)).append(": ").append(r.getHeaders().value(i)).append('\n');
    }
    return out.append(r.getBody() == null ? "" : r.getBody().utf8()).toString();
  }

  static Request formPost(String url) {
    return new Request.Builder()
        .url(url)
        .post(new FormBody.Builder().add("method", "flickr.photos.delete").build())
        .build();
  }

  static Stream<Arguments> placementsAndRedirects() {
    List<Arguments> all = new ArrayList<>();
    for (Placement placement : Placement.values()) {
      for (int code : new int[] {301, 302, 303, 307, 308}) all.add(Arguments.of(placement, code));
    }
    return all.stream();
  }

  // Issue 16.1: in the application slot, OkHttp follows the redirect below the interceptor and
  // resends what was signed to wherever the server points.
  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("placementsAndRedirects")
  void theApplicationSlotRefusesToSignAndSendsNothing(Placement placement, int code)
      throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(code)
            .addHeader("Location", "http://evil.example.com/steal")
            .build());
    server.enqueue(new MockResponse.Builder().body("stolen").build());
    OAuth1Interceptor oauth =
        OAuth1Interceptor.builder(signer(placement)).host("api.flickr.com").allowHttp(true).build();
    OkHttpClient client = viaProxy().addInterceptor(oauth).build();

    assertThatThrownBy(
            () -> client.newCall(formPost("http://api.flickr.com/services/rest/")).execute())
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("addNetworkInterceptor")
        .hasMessageContaining("api.flickr.com");
    for (RecordedRequest r : recorded()) {
      assertThat(wire(r)).as("sent to " + r.getRequestLine()).doesNotContain("oauth_");
    }
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void theApplicationSlotStillPassesRequestsOutsideTheScope() throws Exception {
    server.enqueue(new MockResponse.Builder().body("ok").build());
    OAuth1Interceptor oauth = OAuth1Interceptor.create(signer(Placement.QUERY), "api.flickr.com");
    OkHttpClient client = viaProxy().addInterceptor(oauth).build();
    try (Response response =
        client.newCall(new Request.Builder().url("http://other.example.com/x").build()).execute()) {
      assertThat(response.body().string()).isEqualTo("ok");
    }
    assertThat(nonces.get()).isZero();
  }

  // The network slot, the documented one: a redirect off the scope carries nothing signed, for
  // every placement and redirect code.
  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("placementsAndRedirects")
  void theNetworkSlotSendsNothingSignedToARedirectOutsideTheScope(Placement placement, int code)
      throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(code)
            .addHeader("Location", "http://evil.example.com/steal")
            .build());
    server.enqueue(new MockResponse.Builder().body("ok").build());
    OAuth1Interceptor oauth =
        OAuth1Interceptor.builder(signer(placement)).host("api.flickr.com").allowHttp(true).build();
    OkHttpClient client = viaProxy().addNetworkInterceptor(oauth).build();

    try (Response response =
        client.newCall(formPost("http://api.flickr.com/services/rest/")).execute()) {
      assertThat(response.body().string()).isEqualTo("ok");
    }
    List<RecordedRequest> sent = recorded();
    assertThat(sent).hasSize(2);
    assertThat(wire(sent.get(0))).contains("oauth_signature");
    assertThat(sent.get(1).getRequestLine()).contains("evil.example.com");
    assertThat(wire(sent.get(1))).doesNotContain("oauth_");
  }

  // Issue 16.2: an in-scope host over plain http went out unsigned; the caller saw only the
  // provider's "Invalid API Key".
  @Test
  void anInScopeHostOverPlainHttpIsRefusedBeforeSending() {
    OAuth1Interceptor oauth =
        OAuth1Interceptor.create(signer(Placement.AUTHORIZATION_HEADER), "api.flickr.com");
    OkHttpClient client = viaProxy().addNetworkInterceptor(oauth).build();

    assertThatThrownBy(
            () ->
                client
                    .newCall(
                        new Request.Builder().url("http://api.flickr.com/services/rest/").build())
                    .execute())
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("api.flickr.com")
        .hasMessageContaining("plain http")
        .hasMessageContaining("allowHttp");
    assertThat(server.getRequestCount()).isZero();
    assertThat(nonces.get()).isZero();
  }

  @Test
  void aRedirectToTheHostOverPlainHttpOnAPortNoScopeUrlNamesIsRefused() throws Exception {
    // The scope names https://api.flickr.com/ and http on port 8080 only; the redirect goes to 80.
    server.enqueue(
        new MockResponse.Builder()
            .code(302)
            .addHeader("Location", "http://api.flickr.com/services/rest/?downgraded=1")
            .build());
    OAuth1Interceptor oauth =
        OAuth1Interceptor.builder(signer(Placement.QUERY))
            .scope(HttpUrl.get("https://api.flickr.com/"))
            .scope(HttpUrl.get("http://api.flickr.com:8080/services/"))
            .build();
    OkHttpClient client = viaProxy().addNetworkInterceptor(oauth).build();

    assertThatThrownBy(
            () ->
                client
                    .newCall(new Request.Builder().url("http://api.flickr.com:8080/a").build())
                    .execute())
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("api.flickr.com")
        .hasMessageContaining("plain http");
    List<RecordedRequest> sent = recorded();
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).getRequestLine()).startsWith("GET http://api.flickr.com:8080/a?oauth_");
  }

  @Test
  void aScopeNamesSchemeHostAndPortWhileHostsMatchAnyPort() {
    OAuth1Interceptor oauth =
        OAuth1Interceptor.builder(signer(Placement.AUTHORIZATION_HEADER))
            .host("api.flickr.com")
            .scope(HttpUrl.get("https://up.flickr.com/services/upload/"))
            .scope(HttpUrl.get("http://127.0.0.1:8080/"))
            .build();
    assertThat(oauth.inScope(HttpUrl.get("https://api.flickr.com/"))).isTrue();
    assertThat(oauth.inScope(HttpUrl.get("https://api.flickr.com:8443/"))).isTrue();
    assertThat(oauth.inScope(HttpUrl.get("https://up.flickr.com/any/path"))).isTrue();
    assertThat(oauth.inScope(HttpUrl.get("https://up.flickr.com:8443/"))).isFalse();
    assertThat(oauth.inScope(HttpUrl.get("http://up.flickr.com/"))).isFalse();
    assertThat(oauth.inScope(HttpUrl.get("http://127.0.0.1:8080/x"))).isTrue();
    assertThat(oauth.inScope(HttpUrl.get("http://127.0.0.1:8081/x"))).isFalse();
    assertThat(oauth.inScope(HttpUrl.get("https://www.flickr.com/"))).isFalse();
    assertThat(oauth.toString()).contains("https://up.flickr.com/", "http://127.0.0.1:8080/");
  }

  // Issue 17.6: a 302 after a form-placed POST. The POST was processed; the follow-up GET used to
  // fail with SigningException, and a caller retrying the POST applied it twice.
  @Test
  void aFormBodyPostRedirectedBy302IsFollowedWithAGetSignedInTheQuery() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(302)
            .addHeader("Location", "http://api.flickr.com/services/rest/done?id=7")
            .build());
    server.enqueue(new MockResponse.Builder().body("done").build());
    OAuth1Interceptor oauth =
        OAuth1Interceptor.builder(signer(Placement.FORM_BODY))
            .host("api.flickr.com")
            .allowHttp(true)
            .build();
    OkHttpClient client = viaProxy().addNetworkInterceptor(oauth).build();

    try (Response response =
        client.newCall(formPost("http://api.flickr.com/services/rest/")).execute()) {
      assertThat(response.body().string()).isEqualTo("done");
    }
    List<RecordedRequest> sent = recorded();
    assertThat(sent).hasSize(2);
    assertThat(sent.get(0).getBody().utf8()).contains("&oauth_signature=");
    String signature =
        Rfc5849ExamplesTest.jdkHmacSha1(
            "consumersecret&tokensecret",
            "GET&http%3A%2F%2Fapi.flickr.com%2Fservices%2Frest%2Fdone&id%3D7"
                + "%26oauth_consumer_key%3Dkey%26oauth_nonce%3Dnonce2"
                + "%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1700000000"
                + "%26oauth_token%3Daccesstoken%26oauth_version%3D1.0");
    assertThat(sent.get(1).getRequestLine())
        .isEqualTo(
            "GET http://api.flickr.com/services/rest/done?id=7&oauth_consumer_key=key"
                + "&oauth_nonce=nonce2&oauth_signature_method=HMAC-SHA1"
                + "&oauth_timestamp=1700000000&oauth_token=accesstoken&oauth_version=1.0"
                + "&oauth_signature="
                + OAuth1InterceptorTest.OkPercent.encode(signature)
                + " HTTP/1.1");
    assertThat(sent.get(1).getBodySize()).isZero();
  }

  // Issue 17.5: clockSkewRetry() resent a one-shot body, which by then writes nothing.
  @Test
  void clockSkewRetryDoesNotResendAOneShotBody() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(401)
            .addHeader("Date", "Tue, 14 Nov 2023 23:13:20 GMT") // an hour ahead of the signer
            .body("oauth_problem=timestamp_refused")
            .build());
    server.enqueue(new MockResponse.Builder().body("answer to an empty body").build());
    byte[] json = "{\"title\":\"sunset\"}".getBytes(StandardCharsets.UTF_8);
    InputStream stream = new ByteArrayInputStream(json);
    RequestBody oneShot =
        new RequestBody() {
          @Override
          public MediaType contentType() {
            return MediaType.get("application/json");
          }

          @Override
          public void writeTo(BufferedSink sink) throws IOException {
            sink.writeAll(Okio.source(stream));
          }

          @Override
          public boolean isOneShot() {
            return true;
          }
        };
    OAuth1Interceptor oauth =
        OAuth1Interceptor.builder(signer(Placement.AUTHORIZATION_HEADER))
            .host("api.flickr.com")
            .allowHttp(true)
            .build();
    OkHttpClient client =
        viaProxy().addInterceptor(oauth.clockSkewRetry()).addNetworkInterceptor(oauth).build();
    Request request =
        new Request.Builder().url("http://api.flickr.com/services/rest/").post(oneShot).build();

    assertThatThrownBy(() -> client.newCall(request).execute())
        .isInstanceOf(OAuthProblemException.class)
        .hasMessageContaining("timestamp_refused")
        .hasMessageContaining("Not retried")
        .hasMessageContaining("one-shot");
    List<RecordedRequest> sent = recorded();
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).getBody().utf8()).isEqualTo("{\"title\":\"sunset\"}");
    assertThat(oauth.clockOffset().getSeconds()).isEqualTo(3600);
  }
}
