package dev.oksign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;

/** The interceptor on the wire: exact bytes, scope, retries and redirects, unreadable bodies. */
class OAuth1InterceptorTest {
  @StartStop MockWebServer server = new MockWebServer();

  final AtomicInteger nonceCounter = new AtomicInteger();

  OAuth1Signer.Builder signer() {
    return OAuth1Signer.builder()
        .clientCredentials("key", "secret")
        .token("accesstoken", "tokensecret")
        .clock(Clock.fixed(Instant.ofEpochSecond(1700000000), ZoneOffset.UTC))
        .nonces(() -> "nonce" + nonceCounter.incrementAndGet());
  }

  OkHttpClient client(OAuth1Interceptor interceptor) {
    return new OkHttpClient.Builder()
        .proxy(server.getProxyAddress())
        .addNetworkInterceptor(interceptor)
        .build();
  }

  OAuth1Interceptor flickrOnly(OAuth1Signer signer) {
    return OAuth1Interceptor.builder(signer).host("api.flickr.com").allowHttp(true).build();
  }

  RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).as("request reached the server").isNotNull();
    return request;
  }

  static String execute(OkHttpClient client, Request request) throws IOException {
    try (Response response = client.newCall(request).execute()) {
      return response.code() + " " + response.body().string();
    }
  }

  @Test
  void signsFormBodyParametersAndLeavesTheBodyAsSent() throws Exception {
    server.enqueue(new MockResponse.Builder().body("ok").build());
    Request request =
        new Request.Builder()
            .url("http://api.flickr.com/services/rest/")
            .post(
                new FormBody.Builder()
                    .add("method", "flickr.photos.setMeta")
                    .add("title", "Sunset ~ over the sea")
                    .build())
            .build();

    execute(client(flickrOnly(signer().build())), request);

    RecordedRequest recorded = take();
    assertThat(recorded.getRequestLine())
        .isEqualTo("POST http://api.flickr.com/services/rest/ HTTP/1.1");
    // Exactly what the FormBody writes (a space is '+' since OkHttp 5.0, %20 before): untouched.
    okio.Buffer written = new okio.Buffer();
    request.body().writeTo(written);
    assertThat(recorded.getBody().utf8())
        .as("OkHttp's own form encoding, untouched")
        .isEqualTo(written.readUtf8())
        .isIn(
            "method=flickr.photos.setMeta&title=Sunset+%7E+over+the+sea",
            "method=flickr.photos.setMeta&title=Sunset%20%7E%20over%20the%20sea");
    // Base string:
    // POST&http%3A%2F%2Fapi.flickr.com%2Fservices%2Frest%2F&method%3Dflickr.photos.setMeta
    // %26oauth_consumer_key%3Dkey%26oauth_nonce%3Dnonce1%26oauth_signature_method%3DHMAC-SHA1
    // %26oauth_timestamp%3D1700000000%26oauth_token%3Daccesstoken%26oauth_version%3D1.0
    // %26title%3DSunset%2520~%2520over%2520the%2520sea ; key secret&tokensecret.
    String expectedSignature =
        Rfc5849ExamplesTest.jdkHmacSha1(
            "secret&tokensecret",
            "POST&http%3A%2F%2Fapi.flickr.com%2Fservices%2Frest%2F&method%3Dflickr.photos.setMeta"
                + "%26oauth_consumer_key%3Dkey%26oauth_nonce%3Dnonce1"
                + "%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1700000000"
                + "%26oauth_token%3Daccesstoken%26oauth_version%3D1.0"
                + "%26title%3DSunset%2520~%2520over%2520the%2520sea");
    assertThat(recorded.getHeaders().get("Authorization"))
        .isEqualTo(
            "OAuth oauth_consumer_key=\"key\", oauth_nonce=\"nonce1\", oauth_signature=\""
                + OkPercent.encode(expectedSignature)
                + "\", oauth_signature_method=\"HMAC-SHA1\", oauth_timestamp=\"1700000000\", "
                + "oauth_token=\"accesstoken\", oauth_version=\"1.0\"");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void placesParametersInTheFormBody() throws Exception {
    server.enqueue(new MockResponse.Builder().body("ok").build());
    Request request =
        new Request.Builder()
            .url("http://api.flickr.com/services/rest/")
            .post(
                RequestBody.create(
                    "a=1&b=x+y", MediaType.get("application/x-www-form-urlencoded; charset=utf-8")))
            .build();

    execute(client(flickrOnly(signer().placement(Placement.FORM_BODY).build())), request);

    RecordedRequest recorded = take();
    String expectedSignature =
        Rfc5849ExamplesTest.jdkHmacSha1(
            "secret&tokensecret",
            "POST&http%3A%2F%2Fapi.flickr.com%2Fservices%2Frest%2F&a%3D1%26b%3Dx%2520y"
                + "%26oauth_consumer_key%3Dkey%26oauth_nonce%3Dnonce1"
                + "%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1700000000"
                + "%26oauth_token%3Daccesstoken%26oauth_version%3D1.0");
    assertThat(recorded.getBody().utf8())
        .isEqualTo(
            "a=1&b=x+y&oauth_consumer_key=key&oauth_nonce=nonce1&oauth_signature_method=HMAC-SHA1"
                + "&oauth_timestamp=1700000000&oauth_token=accesstoken&oauth_version=1.0"
                + "&oauth_signature="
                + OkPercent.encode(expectedSignature));
    assertThat(recorded.getHeaders().get("Authorization")).isNull();
    assertThat(recorded.getHeaders().get("Content-Type"))
        .isEqualTo("application/x-www-form-urlencoded; charset=utf-8");
  }

  @Test
  void leavesOtherHostsUntouched() throws Exception {
    server.enqueue(new MockResponse.Builder().body("ok").build());
    execute(
        client(flickrOnly(signer().build())),
        new Request.Builder().url("http://api.example.com/data?x=1").build());

    RecordedRequest recorded = take();
    assertThat(recorded.getRequestLine()).isEqualTo("GET http://api.example.com/data?x=1 HTTP/1.1");
    assertThat(recorded.getHeaders().get("Authorization")).isNull();
    assertThat(nonceCounter.get()).isZero();
  }

  @Test
  void refusesPlainHttpToAHostInScopeUnlessAllowed() {
    OkHttpClient client = client(OAuth1Interceptor.create(signer().build(), "api.flickr.com"));
    assertThatThrownBy(
            () ->
                execute(
                    client,
                    new Request.Builder().url("http://api.flickr.com/services/rest/").build()))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("allowHttp");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void domainScopeCoversSubdomainsButNotLookalikes() {
    OAuth1Interceptor interceptor =
        OAuth1Interceptor.builder(signer().build()).domain("flickr.com").build();
    assertThat(interceptor.inScope(okhttp3.HttpUrl.get("https://api.flickr.com/"))).isTrue();
    assertThat(interceptor.inScope(okhttp3.HttpUrl.get("https://FLICKR.com/"))).isTrue();
    assertThat(interceptor.inScope(okhttp3.HttpUrl.get("https://evilflickr.com/"))).isFalse();
    assertThat(interceptor.inScope(okhttp3.HttpUrl.get("https://flickr.com.evil.net/"))).isFalse();
    assertThat(interceptor.inScope(okhttp3.HttpUrl.get("http://api.flickr.com/"))).isFalse();
  }

  @Test
  void refusesAnEmptyScope() {
    assertThatThrownBy(() -> OAuth1Interceptor.builder(signer().build()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("hosts is empty");
  }

  @Test
  void resignsEachRetryWithAFreshNonce() throws Exception {
    // OkHttp retries a 408 once by itself; the retry passes the network interceptor again.
    server.enqueue(new MockResponse.Builder().code(408).body("timeout").build());
    server.enqueue(new MockResponse.Builder().body("ok").build());

    String result =
        execute(
            client(flickrOnly(signer().build())),
            new Request.Builder().url("http://api.flickr.com/services/rest/?method=m").build());

    assertThat(result).isEqualTo("200 ok");
    assertThat(take().getHeaders().get("Authorization")).contains("oauth_nonce=\"nonce1\"");
    assertThat(take().getHeaders().get("Authorization")).contains("oauth_nonce=\"nonce2\"");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void resignsASameHostRedirectForItsNewUrl() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(302)
            .addHeader("Location", "http://api.flickr.com/services/rest/moved?page=2")
            .build());
    server.enqueue(new MockResponse.Builder().body("ok").build());

    execute(
        client(flickrOnly(signer().placement(Placement.QUERY).build())),
        new Request.Builder().url("http://api.flickr.com/services/rest/?page=1").build());

    take();
    RecordedRequest redirected = take();
    String expectedSignature =
        Rfc5849ExamplesTest.jdkHmacSha1(
            "secret&tokensecret",
            "GET&http%3A%2F%2Fapi.flickr.com%2Fservices%2Frest%2Fmoved&"
                + "oauth_consumer_key%3Dkey%26oauth_nonce%3Dnonce2"
                + "%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1700000000"
                + "%26oauth_token%3Daccesstoken%26oauth_version%3D1.0%26page%3D2");
    assertThat(redirected.getRequestLine())
        .isEqualTo(
            "GET http://api.flickr.com/services/rest/moved?page=2&oauth_consumer_key=key"
                + "&oauth_nonce=nonce2&oauth_signature_method=HMAC-SHA1"
                + "&oauth_timestamp=1700000000&oauth_token=accesstoken&oauth_version=1.0"
                + "&oauth_signature="
                + OkPercent.encode(expectedSignature)
                + " HTTP/1.1");
  }

  @Test
  void aRedirectToAnotherHostCarriesNoOAuthParameter() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(302)
            .addHeader("Location", "http://elsewhere.example.com/landing")
            .build());
    server.enqueue(new MockResponse.Builder().body("ok").build());

    execute(
        client(flickrOnly(signer().build())),
        new Request.Builder().url("http://api.flickr.com/services/rest/?page=1").build());

    assertThat(take().getHeaders().get("Authorization")).startsWith("OAuth ");
    RecordedRequest redirected = take();
    assertThat(redirected.getRequestLine())
        .isEqualTo("GET http://elsewhere.example.com/landing HTTP/1.1");
    assertThat(redirected.getHeaders().get("Authorization")).isNull();
  }

  @Test
  void refusesAOneShotFormBodyAndSendsNothing() {
    RequestBody oneShot =
        new RequestBody() {
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
    Request request =
        new Request.Builder().url("http://api.flickr.com/services/rest/").post(oneShot).build();

    assertThatThrownBy(() -> execute(client(flickrOnly(signer().build())), request))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("one-shot");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void neverReadsANonFormBody() throws Exception {
    server.enqueue(new MockResponse.Builder().body("ok").build());
    AtomicInteger writes = new AtomicInteger();
    RequestBody json =
        new RequestBody() {
          @Override
          public MediaType contentType() {
            return MediaType.get("application/json");
          }

          @Override
          public void writeTo(BufferedSink sink) throws IOException {
            writes.incrementAndGet();
            sink.writeUtf8("{\"a\":1}");
          }

          @Override
          public boolean isOneShot() {
            return true;
          }
        };

    execute(
        client(flickrOnly(signer().build())),
        new Request.Builder().url("http://api.flickr.com/services/rest/").post(json).build());

    assertThat(writes.get()).as("written once, by OkHttp, to the network").isEqualTo(1);
    RecordedRequest recorded = take();
    assertThat(recorded.getBody().utf8()).isEqualTo("{\"a\":1}");
    assertThat(recorded.getHeaders().get("Authorization")).contains("oauth_signature=");
  }

  @Test
  void refusesARequestThatIsAlreadySigned() {
    Request withHeader =
        new Request.Builder()
            .url("http://api.flickr.com/services/rest/")
            .header("Authorization", "OAuth oauth_consumer_key=\"x\"")
            .build();
    Request withQuery =
        new Request.Builder().url("http://api.flickr.com/services/rest/?oauth_token=abc").build();
    OkHttpClient client = client(flickrOnly(signer().build()));

    assertThatThrownBy(() -> execute(client, withHeader))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("already carries an Authorization header");
    assertThatThrownBy(() -> execute(client, withQuery))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("already carries oauth_token in its query");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void signsEachRequestWithItsOwnTaggedToken() throws Exception {
    server.enqueue(new MockResponse.Builder().body("ok").build());
    server.enqueue(new MockResponse.Builder().body("ok").build());
    OkHttpClient client = client(flickrOnly(signer().token(null).build()));

    execute(
        client,
        new Request.Builder()
            .url("http://api.flickr.com/services/rest/")
            .tag(Token.class, Token.of("alice", "alicesecret"))
            .build());
    execute(
        client,
        new Request.Builder()
            .url("http://api.flickr.com/services/rest/")
            .tag(SigningOptions.class, SigningOptions.token(Token.of("bob", "bobsecret")))
            .build());

    String alice = take().getHeaders().get("Authorization");
    String bob = take().getHeaders().get("Authorization");
    assertThat(alice).contains("oauth_token=\"alice\"").doesNotContain("bob");
    assertThat(bob).contains("oauth_token=\"bob\"").doesNotContain("alice");
    String aliceBase =
        "GET&http%3A%2F%2Fapi.flickr.com%2Fservices%2Frest%2F&oauth_consumer_key%3Dkey"
            + "%26oauth_nonce%3Dnonce1%26oauth_signature_method%3DHMAC-SHA1"
            + "%26oauth_timestamp%3D1700000000%26oauth_token%3Dalice%26oauth_version%3D1.0";
    assertThat(alice)
        .contains(
            "oauth_signature=\""
                + OkPercent.encode(Rfc5849ExamplesTest.jdkHmacSha1("secret&alicesecret", aliceBase))
                + "\"");
  }

  /** An independent percent-encoder for expected values: java.net.URLEncoder, corrected. */
  static final class OkPercent {
    static String encode(String s) {
      return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8)
          .replace("+", "%20")
          .replace("*", "%2A")
          .replace("%7E", "~");
    }
  }
}
