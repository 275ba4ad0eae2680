package dev.oksign.flickr;

import static dev.oksign.flickr.Fixtures.KEY;
import static dev.oksign.flickr.Fixtures.NONCE;
import static dev.oksign.flickr.Fixtures.TIMESTAMP;
import static dev.oksign.flickr.Fixtures.enc;
import static dev.oksign.flickr.Fixtures.hmacSha1;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oksign.AccessToken;
import dev.oksign.Token;
import dev.oksign.TokenFlow;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * The token flow preset against Flickr's endpoints, with the example values of Flickr's "User
 * Authentication" documentation (https://www.flickr.com/services/api/auth.oauth.html).
 */
class FlickrTokenFlowTest {
  @StartStop MockWebServer server = new MockWebServer();

  private static final Token REQUEST =
      new Token("72157626737672178-022bbd2f4c2f3432", "fccb68c4e6103197");

  private Flickr flickr() {
    return Fixtures.viaProxy(server).oauthBaseUrl("http://www.flickr.com/services/oauth/").build();
  }

  @Test
  void requestTokenLegIsSignedWithoutTokenAndWithTheCallback() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .body(
                "oauth_callback_confirmed=true&oauth_token=72157626737672178-022bbd2f4c2f3432"
                    + "&oauth_token_secret=fccb68c4e6103197")
            .build());

    Token requestToken = flickr().tokenFlow().requestToken("http://www.example.com");

    assertThat(requestToken).isEqualTo(REQUEST);
    RecordedRequest request = server.takeRequest(5, SECONDS);
    assertThat(request.getRequestLine())
        .isEqualTo("GET http://www.flickr.com/services/oauth/request_token HTTP/1.1");
    String base =
        "GET&"
            + enc("http://www.flickr.com/services/oauth/request_token")
            + "&"
            + enc(
                "oauth_callback="
                    + enc("http://www.example.com")
                    + "&oauth_consumer_key="
                    + KEY
                    + "&oauth_nonce="
                    + NONCE
                    + "&oauth_signature_method=HMAC-SHA1"
                    + "&oauth_timestamp="
                    + TIMESTAMP
                    + "&oauth_version=1.0");
    String signature = hmacSha1(base, Fixtures.SECRET + "&");
    assertThat(request.getHeaders().get("Authorization"))
        .isEqualTo(
            "OAuth oauth_callback=\"http%3A%2F%2Fwww.example.com\", oauth_consumer_key=\""
                + KEY
                + "\","
                + " oauth_nonce=\""
                + NONCE
                + "\", oauth_signature=\""
                + enc(signature)
                + "\","
                + " oauth_signature_method=\"HMAC-SHA1\", oauth_timestamp=\""
                + TIMESTAMP
                + "\","
                + " oauth_version=\"1.0\"");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void authorizationUrlAsksForThePerms() {
    assertThat(flickr().authorizationUrl(REQUEST, Perms.WRITE).toString())
        .isEqualTo(
            "http://www.flickr.com/services/oauth/authorize?oauth_token=72157626737672178-022bbd2f4c2f3432&perms=write");
    assertThat(
            Flickr.builder()
                .clientCredentials(KEY, "s")
                .build()
                .authorizationUrl(REQUEST, Perms.DELETE)
                .toString())
        .isEqualTo(
            "https://www.flickr.com/services/oauth/authorize?oauth_token=72157626737672178-022bbd2f4c2f3432&perms=delete");
  }

  @Test
  void accessTokenLegIsSignedWithTheRequestTokenAndVerifier() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .body(
                "fullname=Jamal%20Fanaian&oauth_token=72157626318069415-087bfc7b5816092c"
                    + "&oauth_token_secret=a202d1f853ec69de&user_nsid=21207597%40N07&username=jamalfanaian")
            .build());
    Flickr flickr = flickr();

    AccessToken access = flickr.tokenFlow().accessToken(REQUEST, "5d1b96a26b494074");

    assertThat(access.token())
        .isEqualTo(new Token("72157626318069415-087bfc7b5816092c", "a202d1f853ec69de"));
    assertThat(access.parameter("user_nsid")).isEqualTo("21207597@N07");
    assertThat(access.parameter("fullname")).isEqualTo("Jamal Fanaian");
    RecordedRequest request = server.takeRequest(5, SECONDS);
    assertThat(request.getRequestLine())
        .isEqualTo("GET http://www.flickr.com/services/oauth/access_token HTTP/1.1");
    String base =
        "GET&"
            + enc("http://www.flickr.com/services/oauth/access_token")
            + "&"
            + enc(
                "oauth_consumer_key="
                    + KEY
                    + "&oauth_nonce="
                    + NONCE
                    + "&oauth_signature_method=HMAC-SHA1"
                    + "&oauth_timestamp="
                    + TIMESTAMP
                    + "&oauth_token="
                    + REQUEST.value()
                    + "&oauth_verifier=5d1b96a26b494074"
                    + "&oauth_version=1.0");
    String signature = hmacSha1(base, Fixtures.SECRET + "&" + REQUEST.secret());
    assertThat(request.getHeaders().get("Authorization"))
        .isEqualTo(
            "OAuth oauth_consumer_key=\""
                + KEY
                + "\", oauth_nonce=\""
                + NONCE
                + "\", oauth_signature=\""
                + enc(signature)
                + "\", oauth_signature_method=\"HMAC-SHA1\", oauth_timestamp=\""
                + TIMESTAMP
                + "\", oauth_token=\""
                + REQUEST.value()
                + "\", oauth_verifier=\"5d1b96a26b494074\","
                + " oauth_version=\"1.0\"");
  }

  @Test
  void flowOnTheRestHostOfALoopbackFakeIsSignedOnce() throws Exception {
    // A fake Flickr serves REST and OAuth on one host: the REST signing must stay out of the flow.
    server.enqueue(
        new MockResponse.Builder()
            .body("oauth_callback_confirmed=true&oauth_token=t&oauth_token_secret=s")
            .build());
    Flickr flickr =
        Fixtures.direct(server)
            .token(Fixtures.TOKEN)
            .oauthBaseUrl(server.url("/services/oauth/"))
            .build();

    TokenFlow flow = flickr.tokenFlow();
    assertThat(flow.requestToken("oob")).isEqualTo(new Token("t", "s"));

    RecordedRequest request = server.takeRequest(5, SECONDS);
    assertThat(request.getHeaders().values("Authorization")).hasSize(1);
    assertThat(request.getHeaders().get("Authorization")).doesNotContain("oauth_token=");
    assertThat(request.getUrl().queryParameter("method")).isNull();
  }

  @Test
  void builderNamesTheFieldAtFault() {
    assertThatThrownBy(() -> Flickr.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("clientCredentials == null: Flickr needs the API key and secret");
    assertThatThrownBy(() -> Flickr.builder().restBaseUrl("https://api.flickr.com/services/rest"))
        .hasMessage("restBaseUrl must end in /: https://api.flickr.com/services/rest");
    assertThatThrownBy(() -> Flickr.builder().oauthBaseUrl("ftp://example.com/"))
        .hasMessage("oauthBaseUrl is not an http(s) URL: ftp://example.com/");
    assertThatThrownBy(() -> Flickr.builder().maxRetries(-1)).hasMessage("maxRetries < 0: -1");
  }

  @Test
  void toStringNeverShowsASecret() {
    Flickr flickr =
        Flickr.builder()
            .clientCredentials(KEY, "consumer-secret")
            .token(new Token("tv", "token-secret"))
            .build();
    assertThat(flickr.toString())
        .contains(KEY, "tv", "https://api.flickr.com/services/rest/")
        .doesNotContain("consumer-secret", "token-secret");
    assertThat(flickr.withToken(Fixtures.ALICE).toString()).doesNotContain(Fixtures.ALICE.secret());
  }
}
