package dev.oksign.examples;

import dev.oksign.ClientCredentials;
import dev.oksign.Token;
import dev.oksign.flickr.Flickr;
import dev.oksign.flickr.FlickrMethod;
import dev.oksign.flickr.Paging;
import dev.oksign.flickr.Photo;
import dev.oksign.flickr.PhotoPage;
import dev.oksign.flickr.User;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Query;

/**
 * Calls Flickr through typed interfaces: a built-in one ({@code flickr.test()}) and one of your
 * own, for a method the library does not declare. Your method gets the same signing, host scope,
 * error mapping ({@link dev.oksign.flickr.FlickrException}) and paging as the built-in ones.
 *
 * <pre>
 * FLICKR_API_KEY=... FLICKR_API_SECRET=... FLICKR_TOKEN=... FLICKR_TOKEN_SECRET=... \
 *   java -cp examples/target/oksign-examples.jar dev.oksign.examples.DeclareFlickrEndpoints
 * </pre>
 */
public final class DeclareFlickrEndpoints {
  private DeclareFlickrEndpoints() {}

  /**
   * Your own declaration of a Flickr method: the annotation names it, Retrofit does the rest.
   *
   * <p><b>What your model reads.</b> Flickr wraps each answer in an envelope, {@code
   * {"photos":{"page":1,...,"photo":[...]},"stat":"ok"}}, and the client unwraps it: your model is
   * read from the value of the one member besides {@code stat} (here {@code photos}), so model that
   * value, not the envelope. For {@code flickr.galleries.getInfo}, which answers {@code
   * {"gallery":{"id":"...","owner":"..."},"stat":"ok"}}, declare {@code Call<Gallery>} with {@code
   * record Gallery(String id, String owner) {}}, not a record with a {@code gallery} field. An
   * answer with several members besides {@code stat} ({@code flickr.photos.getContext}) is read
   * whole, or through the one member your model matches. A model that matches none of the names of
   * what it reads fails the call with a {@link dev.oksign.flickr.FlickrException} saying so; it
   * never comes back as an object of nulls. {@code stat=fail} answers are a {@code FlickrException}
   * too.
   */
  public interface PublicPhotos {
    @GET(".")
    @FlickrMethod("flickr.people.getPublicPhotos")
    Call<PhotoPage> getPublicPhotos(
        @Query("user_id") String userId,
        @Query("page") Integer page,
        @Query("per_page") Integer perPage);
  }

  /** What the example finds: who the token belongs to, and the titles of their public photos. */
  public record Result(User user, List<String> titles) {}

  public static void main(String[] args) throws IOException {
    ClientCredentials credentials =
        ClientCredentials.of(System.getenv("FLICKR_API_KEY"), System.getenv("FLICKR_API_SECRET"));
    Token token = Token.of(System.getenv("FLICKR_TOKEN"), System.getenv("FLICKR_TOKEN_SECRET"));
    Result result =
        run(HttpUrl.get(Flickr.REST_BASE_URL), new OkHttpClient(), credentials, token, 20);
    System.out.println(result.user().username() + ": " + result.titles());
  }

  /**
   * Logs in with {@code token}, then lists the titles of the user's first {@code limit} public
   * photos.
   */
  public static Result run(
      HttpUrl restBaseUrl,
      OkHttpClient client,
      ClientCredentials credentials,
      Token token,
      int limit)
      throws IOException {
    Flickr flickr =
        Flickr.builder()
            .clientCredentials(credentials)
            .token(token)
            .restBaseUrl(restBaseUrl)
            .client(client)
            .build();

    // A built-in service: a Flickr error comes out of execute() as a FlickrException.
    User user = flickr.test().login().execute().body();

    // Your own service, paged like the built-in ones.
    PublicPhotos publicPhotos = flickr.create(PublicPhotos.class);
    Paging<Photo> paging =
        Paging.builder((page, perPage) -> publicPhotos.getPublicPhotos(user.id(), page, perPage))
            .limit(limit)
            .build();
    try (Stream<Photo> photos = paging.stream()) {
      return new Result(user, photos.map(Photo::title).toList());
    }
  }
}
