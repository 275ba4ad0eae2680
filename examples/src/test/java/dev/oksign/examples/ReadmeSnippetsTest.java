package dev.oksign.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oksign.OAuth1Interceptor;
import dev.oksign.OAuth1Signer;
import dev.oksign.Token;
import dev.oksign.flickr.Extra;
import dev.oksign.flickr.Extras;
import dev.oksign.flickr.Flickr;
import dev.oksign.flickr.FlickrException;
import dev.oksign.flickr.FlickrMethod;
import dev.oksign.flickr.Paging;
import dev.oksign.flickr.Photo;
import dev.oksign.flickr.PhotoPage;
import dev.oksign.flickr.PhotoSize;
import dev.oksign.flickr.RateLimiter;
import dev.oksign.flickr.SearchQuery;
import dev.oksign.flickr.User;
import dev.oksign.testing.FakeFlickr;
import dev.oksign.testing.FakeFlickrData;
import dev.oksign.testing.FakeFlickrExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Query;

/**
 * The README's snippets, compiled by the build and run here: as written there, but for the fake's
 * base URLs and photoset id.
 */
class ReadmeSnippetsTest {
  @RegisterExtension final FakeFlickrExtension fakeFlickr = new FakeFlickrExtension();

  @Test
  void theFiveLineSnippetScopesSigningToFlickrOnACopyOfTheExistingClient() {
    OkHttpClient existingClient = new OkHttpClient();
    String apiKey = "key";
    String apiSecret = "secret";
    String accessToken = "token";
    String accessTokenSecret = "token-secret";

    // README: the five-line snippet.
    OAuth1Signer signer =
        OAuth1Signer.builder()
            .clientCredentials(apiKey, apiSecret)
            .token(accessToken, accessTokenSecret)
            .build();
    OkHttpClient client =
        existingClient
            .newBuilder()
            .addNetworkInterceptor(
                OAuth1Interceptor.create(signer, "api.flickr.com", "up.flickr.com"))
            .build();

    List<Interceptor> interceptors = client.networkInterceptors();
    assertThat(interceptors).hasSize(1);
    OAuth1Interceptor oauth = (OAuth1Interceptor) interceptors.get(0);
    assertThat(oauth.inScope(HttpUrl.get("https://api.flickr.com/services/rest/"))).isTrue();
    assertThat(oauth.inScope(HttpUrl.get("https://up.flickr.com/services/upload/"))).isTrue();
    assertThat(oauth.inScope(HttpUrl.get("https://api.example.com/"))).isFalse();
    assertThat(existingClient.networkInterceptors()).isEmpty();
  }

  /** README, "Any other Flickr method". */
  interface Galleries {
    @FlickrMethod("flickr.galleries.getPhotos")
    @GET(".")
    Call<PhotoPage> getPhotos(
        @Query("gallery_id") String galleryId,
        @Query("page") int page,
        @Query("per_page") int perPage);
  }

  @Test
  void theFlickrAndPagingSnippetsRunAgainstFakeFlickr() throws Exception {
    FakeFlickr fake = fakeFlickr.fake();
    Token accessToken = fake.issueAccessToken();
    OkHttpClient existingClient = new OkHttpClient();

    // README, "Flickr" (the base URLs point at the fake here).
    Flickr flickr =
        Flickr.builder()
            .clientCredentials(fake.clientCredentials())
            .token(accessToken)
            .client(existingClient)
            .rateLimiter(RateLimiter.perHour(3_600))
            .restBaseUrl(fake.restBaseUrl())
            .oauthBaseUrl(fake.oauthBaseUrl())
            .build();
    User me = flickr.test().login().execute().body();
    PhotoPage seals =
        flickr
            .photos()
            .search(SearchQuery.builder().text("harbour").extras(Extras.of(Extra.URL_M)).build())
            .execute()
            .body();
    HttpUrl large = seals.items().get(0).url(PhotoSize.LARGE_1024);
    Galleries galleries = flickr.create(Galleries.class);

    assertThat(me).isEqualTo(new User(FakeFlickrData.DEMO_USER_NSID, FakeFlickrData.DEMO_USERNAME));
    assertThat(seals.total()).isPositive();
    assertThat(large.toString()).endsWith("_b.jpg");
    // The user's own interface is signed and sent like the built-in ones: the fake knows the
    // request, and refuses only the method it does not serve, as Flickr answers an unknown one.
    assertThatThrownBy(() -> galleries.getPhotos("72157700000000001", 1, 10).execute())
        .isInstanceOf(FlickrException.class)
        .hasMessageContaining("flickr.galleries.getPhotos")
        .hasMessageContaining("112");

    // README, "Paging".
    List<Photo> seen = new ArrayList<>();
    Paging<Photo> set =
        Paging.builder(
                (page, perPage) ->
                    flickr
                        .photosets()
                        .getPhotos(
                            FakeFlickrData.PHOTOSET_1234_ID, Extras.of(Extra.URL_M), page, perPage))
            .limit(2_000)
            .listener((page, pages, total) -> System.err.printf("page %d of %d%n", page, pages))
            .build();
    try (Stream<Photo> photos = set.stream()) {
      photos.forEach(seen::add);
    }
    assertThat(seen).hasSize(1234); // the whole photoset, under the limit
  }
}
