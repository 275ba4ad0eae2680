package dev.oksign.flickr;

import static dev.oksign.flickr.Fixtures.KEY;
import static dev.oksign.flickr.Fixtures.NONCE;
import static dev.oksign.flickr.Fixtures.REST;
import static dev.oksign.flickr.Fixtures.TIMESTAMP;
import static dev.oksign.flickr.Fixtures.TOKEN;
import static dev.oksign.flickr.Fixtures.authorization;
import static dev.oksign.flickr.Fixtures.p;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oksign.Token;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.http.Field;
import retrofit2.http.FormUrlEncoded;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Query;
import retrofit2.http.Tag;

/**
 * A method the library does not declare, declared by a user the same way, gets the same
 * conventions, signing, error mapping and paging.
 */
class UserInterfaceTest {
  @StartStop MockWebServer server = new MockWebServer();

  /** As a user would write it. */
  interface Galleries {
    @GET(".")
    @FlickrMethod("flickr.galleries.getPhotos")
    Call<PhotoPage> getPhotos(
        @Query("gallery_id") String galleryId,
        @Query("extras") Extras extras,
        @Query("page") Integer page,
        @Query("per_page") Integer perPage);

    @GET(".")
    @FlickrMethod("flickr.galleries.getPhotos")
    CompletableFuture<PhotoPage> getPhotosAsync(
        @Query("gallery_id") String galleryId, @Tag Token token);
  }

  interface Tags {
    @FormUrlEncoded
    @POST(".")
    @FlickrMethod("flickr.photos.addTags")
    Call<Void> addTags(@Field("photo_id") String photoId, @Field("tags") String tags);
  }

  interface Unannotated {
    @GET(".")
    Call<PhotoPage> getPhotos(@Query("gallery_id") String galleryId);
  }

  interface Misnamed {
    @GET(".")
    @FlickrMethod("galleries.getPhotos")
    Call<PhotoPage> getPhotos(@Query("gallery_id") String galleryId);
  }

  @Test
  void userDeclaredMethodIsSignedWithTheConventions() throws Exception {
    server.enqueue(Fixtures.ok("people.getPhotos.json"));
    Galleries galleries = Fixtures.viaProxy(server).token(TOKEN).build().create(Galleries.class);

    PhotoPage page =
        galleries
            .getPhotos("66911286-72157647277042064", Extras.of(Extra.URL_Q), 1, 50)
            .execute()
            .body();

    RecordedRequest request = server.takeRequest(5, SECONDS);
    assertThat(request.getRequestLine())
        .isEqualTo(
            "GET http://api.flickr.com/services/rest/?method=flickr.galleries.getPhotos"
                + "&gallery_id=66911286-72157647277042064&extras=url_q&page=1&per_page=50&format=json&nojsoncallback=1"
                + " HTTP/1.1");
    assertThat(request.getHeaders().get("Authorization"))
        .isEqualTo(
            authorization(
                "GET",
                REST,
                List.of(
                    p("extras", "url_q"),
                    p("format", "json"),
                    p("gallery_id", "66911286-72157647277042064"),
                    p("method", "flickr.galleries.getPhotos"),
                    p("nojsoncallback", "1"),
                    p("oauth_consumer_key", KEY),
                    p("oauth_nonce", NONCE),
                    p("oauth_signature_method", "HMAC-SHA1"),
                    p("oauth_timestamp", Long.toString(TIMESTAMP)),
                    p("oauth_token", TOKEN.value()),
                    p("oauth_version", "1.0"),
                    p("page", "1"),
                    p("per_page", "50")),
                TOKEN));
    assertThat(page.photos()).hasSize(2);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void formPostCarriesTheConventionsInItsSignedBody() throws Exception {
    server.enqueue(Fixtures.body("{\"stat\":\"ok\"}"));
    Tags tags = Fixtures.viaProxy(server).token(TOKEN).build().create(Tags.class);

    tags.addTags("2636", "seal \"harbour seal\"").execute();

    RecordedRequest request = server.takeRequest(5, SECONDS);
    assertThat(request.getRequestLine())
        .isEqualTo("POST http://api.flickr.com/services/rest/ HTTP/1.1");
    // application/x-www-form-urlencoded, as OkHttp's FormBody writes it: space as '+'.
    assertThat(request.getBody().utf8())
        .isEqualTo(
            "method=flickr.photos.addTags&photo_id=2636&tags=seal+%22harbour+seal%22&format=json&nojsoncallback=1");
    assertThat(request.getHeaders().get("Authorization"))
        .isEqualTo(
            authorization(
                "POST",
                REST,
                List.of(
                    p("format", "json"),
                    p("method", "flickr.photos.addTags"),
                    p("nojsoncallback", "1"),
                    p("oauth_consumer_key", KEY),
                    p("oauth_nonce", NONCE),
                    p("oauth_signature_method", "HMAC-SHA1"),
                    p("oauth_timestamp", Long.toString(TIMESTAMP)),
                    p("oauth_token", TOKEN.value()),
                    p("oauth_version", "1.0"),
                    p("photo_id", "2636"),
                    p("tags", "seal \"harbour seal\"")),
                TOKEN));
  }

  @Test
  void statFailOfAVoidMethodIsStillAFlickrException() {
    server.enqueue(
        Fixtures.fail(
            99, "Insufficient permissions. Method requires write privileges; read granted."));
    Tags tags = Fixtures.direct(server).token(TOKEN).build().create(Tags.class);

    assertThatThrownBy(() -> tags.addTags("2636", "seal").execute())
        .isInstanceOfSatisfying(
            FlickrException.class,
            e -> {
              assertThat(e.error()).isEqualTo(FlickrError.INSUFFICIENT_PERMISSIONS);
              assertThat(e.method()).isEqualTo("flickr.photos.addTags");
            });
  }

  @Test
  void completableFutureCompletesWithThePage() throws Exception {
    server.enqueue(Fixtures.ok("people.getPhotos.json"));
    Galleries galleries = Fixtures.direct(server).build().create(Galleries.class);

    PhotoPage page = galleries.getPhotosAsync("1-2", Fixtures.ALICE).get(5, SECONDS);

    assertThat(page.total()).isEqualTo(2);
    RecordedRequest request = server.takeRequest(5, SECONDS);
    assertThat(request.getHeaders().get("Authorization"))
        .contains("oauth_token=\"" + Fixtures.ALICE.value() + "\"");
    assertThat(request.getUrl().queryParameter("api_key")).isNull();
  }

  @Test
  void completableFutureFailsWithTheFlickrException() {
    server.enqueue(Fixtures.fail(1, "Gallery not found"));
    Galleries galleries = Fixtures.direct(server).token(TOKEN).build().create(Galleries.class);

    CompletableFuture<PhotoPage> future = galleries.getPhotosAsync("1-2", null);

    assertThatThrownBy(() -> future.get(5, SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(FlickrException.class)
        .hasMessage("flickr.galleries.getPhotos failed: 1 Gallery not found");
  }

  @Test
  void userDeclaredMethodPages() throws Exception {
    server.setDispatcher(new FakePhotoList(1234));
    Galleries galleries = Fixtures.direct(server).build().create(Galleries.class);

    long count =
        Paging.builder((page, perPage) -> galleries.getPhotos("1-2", null, page, perPage))
            .build()
            .stream()
            .count();

    assertThat(count).isEqualTo(1234);
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(server.takeRequest(5, SECONDS).getUrl().queryParameter("method"))
        .isEqualTo("flickr.galleries.getPhotos");
  }

  @Test
  void createRefusesAMethodWithoutFlickrMethod() {
    Flickr flickr = Fixtures.direct(server).build();
    assertThatThrownBy(() -> flickr.create(Unannotated.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Unannotated.getPhotos has no @FlickrMethod: name the Flickr method it calls, such as"
                + " @FlickrMethod(\"flickr.photos.getInfo\")");
    assertThatThrownBy(() -> flickr.create(Misnamed.class))
        .hasMessage(
            "Misnamed.getPhotos: @FlickrMethod(\"galleries.getPhotos\") is not a Flickr method"
                + " name, which starts with flickr.");
    assertThatThrownBy(() -> flickr.create(String.class))
        .hasMessage("java.lang.String is not an interface");
  }
}
