package dev.oksign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * The mission's Flickr request_token vector, reproduced on the wire. The client goes through
 * MockWebServer as an HTTP proxy so that the signed URL is the real, fixed Flickr URL.
 */
class FlickrVectorTest {
  static final String URL = "http://www.flickr.com/services/oauth/request_token";
  static final String CALLBACK = "http://www.wackylabs.net/oauth/test";

  @StartStop MockWebServer server = new MockWebServer();

  static OAuth1Signer.Builder signer() {
    return OAuth1Signer.builder()
        .clientCredentials("768fe946d252b119746fda82e1599980", "1a3c208e172d3edc")
        .clock(Clock.fixed(Instant.ofEpochSecond(1316657628), ZoneOffset.UTC))
        .nonces(() -> "C2F26CD5C075BA9050AD8EE90644CF29");
  }

  static Request requestToken() {
    return new Request.Builder()
        .url(URL)
        .tag(SigningOptions.class, SigningOptions.builder().callback(CALLBACK).build())
        .build();
  }

  private RecordedRequest send(OAuth1Signer signer) throws Exception {
    OkHttpClient client =
        new OkHttpClient.Builder()
            .proxy(server.getProxyAddress())
            .addNetworkInterceptor(
                OAuth1Interceptor.builder(signer).host("www.flickr.com").allowHttp(true).build())
            .build();
    server.enqueue(new MockResponse.Builder().body("ok").build());
    try (Response response = client.newCall(requestToken()).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }
    RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(recorded).isNotNull();
    assertThat(server.getRequestCount()).isEqualTo(1);
    return recorded;
  }

  @Test
  void baseStringIsTheOneFlickrDocuments() throws Exception {
    assertThat(signer().build().baseString(requestToken()))
        .isEqualTo(
            "GET&http%3A%2F%2Fwww.flickr.com%2Fservices%2Foauth%2Frequest_token&"
                + "oauth_callback%3Dhttp%253A%252F%252Fwww.wackylabs.net%252Foauth%252Ftest"
                + "%26oauth_consumer_key%3D768fe946d252b119746fda82e1599980"
                + "%26oauth_nonce%3DC2F26CD5C075BA9050AD8EE90644CF29"
                + "%26oauth_signature_method%3DHMAC-SHA1"
                + "%26oauth_timestamp%3D1316657628"
                + "%26oauth_version%3D1.0");
  }

  @Test
  void signsInTheAuthorizationHeader() throws Exception {
    RecordedRequest recorded = send(signer().build());
    assertThat(recorded.getRequestLine())
        .isEqualTo("GET http://www.flickr.com/services/oauth/request_token HTTP/1.1");
    assertThat(recorded.getHeaders().get("Authorization"))
        .isEqualTo(
            "OAuth oauth_callback=\"http%3A%2F%2Fwww.wackylabs.net%2Foauth%2Ftest\", "
                + "oauth_consumer_key=\"768fe946d252b119746fda82e1599980\", "
                + "oauth_nonce=\"C2F26CD5C075BA9050AD8EE90644CF29\", "
                + "oauth_signature=\"0fhNGlzpFNAsTme%2FhDfUb5HPB5U%3D\", "
                + "oauth_signature_method=\"HMAC-SHA1\", "
                + "oauth_timestamp=\"1316657628\", "
                + "oauth_version=\"1.0\"");
  }

  @Test
  void signsInTheQuery() throws Exception {
    RecordedRequest recorded = send(signer().placement(Placement.QUERY).build());
    assertThat(recorded.getRequestLine())
        .isEqualTo(
            "GET http://www.flickr.com/services/oauth/request_token"
                + "?oauth_callback=http%3A%2F%2Fwww.wackylabs.net%2Foauth%2Ftest"
                + "&oauth_consumer_key=768fe946d252b119746fda82e1599980"
                + "&oauth_nonce=C2F26CD5C075BA9050AD8EE90644CF29"
                + "&oauth_signature_method=HMAC-SHA1"
                + "&oauth_timestamp=1316657628"
                + "&oauth_version=1.0"
                + "&oauth_signature=0fhNGlzpFNAsTme%2FhDfUb5HPB5U%3D HTTP/1.1");
    assertThat(recorded.getHeaders().get("Authorization")).isNull();
  }

  @Test
  void reportGivesTheRawSignature() throws Exception {
    SigningReport report = signer().build().report(requestToken());
    assertThat(report.signature()).isEqualTo("0fhNGlzpFNAsTme/hDfUb5HPB5U=");
    assertThat(report.signingKey()).isEqualTo("1a3c208e172d3edc&");
    assertThat(report.toString()).doesNotContain("1a3c208e172d3edc");
  }
}
