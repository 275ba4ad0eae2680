package dev.oksign.flickr;

import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Query;

/**
 * The {@code flickr.people.*} methods. Get one from {@link Flickr#people()}.
 *
 * <pre>{@code
 * PhotoPage mine = flickr.people().getPhotos("me").execute().body();
 * }</pre>
 *
 * <p>Parameters passed as null are not sent. Failures are {@link FlickrException}s.
 */
public interface FlickrPeople {
  /**
   * {@code flickr.people.getPhotos}: one page of a user's photos, the private ones too when the
   * call is made with that user's token.
   *
   * @param userId the user's NSID ({@code user_id}), or {@code me} for the caller
   * @param extras extra fields per photo, or null
   * @param page the page from 1, or null for the first
   * @param perPage the page size up to 500, or null for Flickr's default (100)
   */
  @GET(".")
  @FlickrMethod("flickr.people.getPhotos")
  Call<PhotoPage> getPhotos(
      @Query("user_id") String userId,
      @Query("extras") Extras extras,
      @Query("page") Integer page,
      @Query("per_page") Integer perPage);

  /** {@code flickr.people.getPhotos}: the first page of a user's photos. */
  default Call<PhotoPage> getPhotos(String userId) {
    return getPhotos(userId, null, null, null);
  }
}
