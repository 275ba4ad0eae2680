package dev.oksign.flickr;

import dev.oksign.Token;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Tag;

/**
 * The {@code flickr.test.*} methods. Get one from {@link Flickr#test()}.
 *
 * <pre>{@code
 * User me = flickr.test().login().execute().body();
 * }</pre>
 */
public interface FlickrTest {
  /** {@code flickr.test.login}: the user whose token signs the call. Needs a token. */
  @GET(".")
  @FlickrMethod("flickr.test.login")
  Call<User> login();

  /** {@code flickr.test.login}, signed with {@code token} instead of the {@link Flickr}'s own. */
  @GET(".")
  @FlickrMethod("flickr.test.login")
  Call<User> login(@Tag Token token);
}
