package dev.oksign.flickr;

import dev.oksign.Token;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Tag;

/**
 * The {@code flickr.auth.oauth.*} methods. Get one from {@link Flickr#auth()}.
 *
 * <pre>{@code
 * TokenCheck check = flickr.auth().checkToken().execute().body();
 * if (check.perms() != Perms.WRITE) ...
 * }</pre>
 */
public interface FlickrAuth {
  /**
   * {@code flickr.auth.oauth.checkToken}: the permission and user of the token that signs the call.
   * Its {@code oauth_token} is the one the call is signed with.
   */
  @GET(".")
  @FlickrMethod("flickr.auth.oauth.checkToken")
  Call<TokenCheck> checkToken();

  /** {@code flickr.auth.oauth.checkToken} for {@code token}, which signs the call. */
  @GET(".")
  @FlickrMethod("flickr.auth.oauth.checkToken")
  Call<TokenCheck> checkToken(@Tag Token token);
}
