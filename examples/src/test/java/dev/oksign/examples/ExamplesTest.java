package dev.oksign.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.oksign.AccessToken;
import dev.oksign.ClientCredentials;
import dev.oksign.Token;
import dev.oksign.flickr.Flickr;
import dev.oksign.flickr.FlickrException;
import dev.oksign.flickr.Photo;
import dev.oksign.testing.FakeFlickr;
import dev.oksign.testing.FakeFlickrData;
import dev.oksign.testing.FakeFlickrExtension;
import dev.oksign.testing.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs each source-level example against the fake Flickr, so that none of them rots. With {@code
 * -Doksign.liveFlickr=true} and FLICKR_API_KEY, FLICKR_API_SECRET (and for signed calls
 * FLICKR_TOKEN, FLICKR_TOKEN_SECRET) in the environment, the last test also calls the real Flickr.
 */
class ExamplesTest {
  @RegisterExtension final FakeFlickrExtension flickr = new FakeFlickrExtension();
  final OkHttpClient client = new OkHttpClient();

  @Test
  void addSigningToAnExistingClient() throws IOException {
    FakeFlickr fake = flickr.fake();
    String json =
        AddSigningToAnExistingClient.testLogin(
            fake.restBaseUrl(), client, fake.clientCredentials(), fake.issueAccessToken());
    assertThat(json)
        .isEqualTo(
            "{\"user\":{\"id\":\"71234567@N00\",\"username\":{\"_content\":\"oksign-demo\"},"
                + "\"path_alias\":null},\"stat\":\"ok\"}");
    // The client passed in is extended, not changed.
    assertThat(client.networkInterceptors()).isEmpty();
  }

  @Test
  void authorizeAUser() throws IOException {
    FakeFlickr fake = flickr.fake();
    AccessToken access =
        AuthorizeAUser.authorize(
            fake.oauthBaseUrl(), client, fake.clientCredentials(), "write", this::typeVerifier);
    assertThat(access.parameter("user_nsid")).isEqualTo(FakeFlickrData.DEMO_USER_NSID);
    assertThat(access.parameter("username")).isEqualTo(FakeFlickrData.DEMO_USERNAME);
    assertThat(access.parameter("fullname")).isEqualTo(FakeFlickrData.DEMO_FULLNAME);

    // The token works, with the permission asked for.
    Flickr signed =
        Flickr.builder()
            .clientCredentials(fake.clientCredentials())
            .token(access.token())
            .restBaseUrl(fake.restBaseUrl())
            .build();
    assertThat(signed.auth().checkToken().execute().body().perms().wireName()).isEqualTo("write");
  }

  /** What the user does: open the authorize page and type the code it shows. */
  String typeVerifier(HttpUrl authorizeUrl) {
    try (Response response =
        client.newCall(new Request.Builder().url(authorizeUrl).build()).execute()) {
      Matcher code = Pattern.compile("\\d{3}-\\d{3}-\\d{3}").matcher(response.body().string());
      assertThat(code.find()).isTrue();
      return code.group();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void walkAPhotoset() {
    FakeFlickr fake = flickr.fake();
    List<Photo> photos =
        WalkAPhotoset.photos(
            fake.restBaseUrl(), client, fake.clientCredentials(), FakeFlickrData.PHOTOSET_1234_ID);
    assertThat(photos.stream().map(Photo::id).toList())
        .isEqualTo(
            fake.data().photoset(FakeFlickrData.PHOTOSET_1234_ID).photos().stream()
                .map(FakeFlickrData.Photo::id)
                .toList());
    assertThat(fake.requestCount()).isEqualTo(3);
  }

  @Test
  void declareFlickrEndpoints() throws IOException {
    FakeFlickr fake = flickr.fake();
    DeclareFlickrEndpoints.Result result =
        DeclareFlickrEndpoints.run(
            fake.restBaseUrl(), client, fake.clientCredentials(), fake.issueAccessToken(), 30);
    assertThat(result.user().id()).isEqualTo(FakeFlickrData.DEMO_USER_NSID);
    assertThat(result.titles())
        .isEqualTo(
            fake.data().photosOf(FakeFlickrData.DEMO_USER_NSID).subList(0, 30).stream()
                .map(FakeFlickrData.Photo::title)
                .toList());
  }

  @Test
  void aUserDeclaredMethodIsSignedAndItsErrorsMapped() throws Exception {
    Instant now = Instant.ofEpochSecond(1_700_000_000L);
    try (FakeFlickr fake = FakeFlickr.builder().clock(Clock.fixed(now, ZoneOffset.UTC)).build()) {
      fake.start();
      Token token = fake.issueAccessToken();
      Flickr flickrClient =
          Flickr.builder()
              .clientCredentials(fake.clientCredentials())
              .token(token)
              .restBaseUrl(fake.restBaseUrl())
              .clock(Clock.fixed(now, ZoneOffset.UTC))
              .nonces(() -> "fixed-nonce")
              .build();
      DeclareFlickrEndpoints.PublicPhotos photos =
          flickrClient.create(DeclareFlickrEndpoints.PublicPhotos.class);

      // The fake checked the signature (else a 401 oauth_problem), then answered Flickr's error.
      assertThatThrownBy(() -> photos.getPublicPhotos("nobody@N00", null, null).execute())
          .isInstanceOfSatisfying(
              FlickrException.class,
              e -> {
                assertThat(e.code()).isEqualTo(1);
                assertThat(e.flickrMessage()).isEqualTo("User not found");
              });
      RecordedRequest request = fake.takeRequest(5, TimeUnit.SECONDS);
      assertThat(request.getTarget())
          .isEqualTo(
              "/services/rest/?method=flickr.people.getPublicPhotos&user_id=nobody%40N00"
                  + "&format=json&nojsoncallback=1");
      assertThat(request.getHeaders().get("Authorization"))
          .startsWith(
              "OAuth oauth_consumer_key=\""
                  + fake.clientCredentials().key()
                  + "\", oauth_nonce=\"fixed-nonce\", oauth_signature=\"")
          .endsWith(
              "\", oauth_signature_method=\"HMAC-SHA1\", oauth_timestamp=\"1700000000\", "
                  + "oauth_token=\""
                  + token.value()
                  + "\", oauth_version=\"1.0\"");
      assertThat(fake.requestCount()).isEqualTo(1);
    }
  }

  @Test
  void againstTheRealFlickrWhenAsked() throws IOException {
    assumeTrue(Boolean.getBoolean("oksign.liveFlickr"), "set -Doksign.liveFlickr=true to run");
    String key = System.getenv("FLICKR_API_KEY");
    String secret = System.getenv("FLICKR_API_SECRET");
    assumeTrue(key != null && secret != null, "FLICKR_API_KEY and FLICKR_API_SECRET are unset");
    ClientCredentials credentials = ClientCredentials.of(key, secret);
    String tokenValue = System.getenv("FLICKR_TOKEN");
    String tokenSecret = System.getenv("FLICKR_TOKEN_SECRET");
    assumeTrue(tokenValue != null && tokenSecret != null, "FLICKR_TOKEN(_SECRET) are unset");
    String json =
        AddSigningToAnExistingClient.testLogin(
            HttpUrl.get(Flickr.REST_BASE_URL),
            client,
            credentials,
            Token.of(tokenValue, tokenSecret));
    assertThat(json).startsWith("{\"user\":{\"id\":").endsWith("\"stat\":\"ok\"}");
  }
}
