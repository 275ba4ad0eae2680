package dev.oksign.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oksign.AccessToken;
import dev.oksign.OAuth1Exception;
import dev.oksign.OAuth1Interceptor;
import dev.oksign.OAuth1Signer;
import dev.oksign.Token;
import dev.oksign.TokenFlow;
import java.net.URI;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The token flow of an Android app, end to end against FakeFlickr: the browser comes back to the
 * app through its own scheme, and the app hands the URI it received to {@link TokenFlow}.
 */
class CustomSchemeCallbackTest {
  static final String CALLBACK = "x-oauthflow-flickr://callback";

  @RegisterExtension final FakeFlickrExtension flickr = new FakeFlickrExtension();

  TokenFlow flow(FakeFlickr fake) {
    return TokenFlow.builder()
        .clientCredentials(fake.clientCredentials())
        .requestTokenUrl(fake.requestTokenUrl())
        .authorizationUrl(fake.authorizationUrl())
        .accessTokenUrl(fake.accessTokenUrl())
        .build();
  }

  /** The browser: opens the authorization page, and is sent to the app's scheme. */
  static String browserLandsOn(HttpUrl authorizationUrl) throws Exception {
    OkHttpClient browser = new OkHttpClient.Builder().followRedirects(false).build();
    try (Response response =
        browser.newCall(new Request.Builder().url(authorizationUrl).build()).execute()) {
      assertThat(response.code()).isEqualTo(302);
      return response.header("Location");
    }
  }

  @Test
  void androidAppGetsAnAccessTokenThroughItsOwnScheme() throws Exception {
    FakeFlickr fake = flickr.fake();
    TokenFlow flow = flow(fake);

    Token requestToken = flow.requestToken(CALLBACK); // kept by the app across the round trip
    String landedOn = browserLandsOn(flow.authorizationUrl(requestToken));
    assertThat(landedOn).startsWith(CALLBACK + "?oauth_token=");

    TokenFlow.Callback callback = flow.parseCallback(URI.create(landedOn), requestToken);
    AccessToken access = flow.accessToken(requestToken, callback.verifier());

    OkHttpClient signed =
        new OkHttpClient.Builder()
            .addNetworkInterceptor(
                OAuth1Interceptor.builder(
                        OAuth1Signer.builder()
                            .clientCredentials(fake.clientCredentials())
                            .token(access.token())
                            .build())
                    .host(fake.restBaseUrl().host())
                    .allowHttp(true)
                    .build())
            .build();
    HttpUrl login =
        fake.restBaseUrl()
            .newBuilder()
            .addQueryParameter("method", "flickr.test.login")
            .addQueryParameter("format", "json")
            .addQueryParameter("nojsoncallback", "1")
            .build();
    try (Response response = signed.newCall(new Request.Builder().url(login).build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.body().string()).contains("\"stat\":\"ok\"");
    }
  }

  @Test
  void aCallbackOfAnotherAttemptIsRefused() throws Exception {
    FakeFlickr fake = flickr.fake();
    TokenFlow flow = flow(fake);
    Token first = flow.requestToken(CALLBACK);
    Token second = flow.requestToken(CALLBACK);

    String landedOn = browserLandsOn(flow.authorizationUrl(first));

    assertThatThrownBy(() -> flow.parseCallback(landedOn, second))
        .isInstanceOf(OAuth1Exception.class)
        .hasMessageContaining("belongs to another attempt, or is forged");
  }
}
