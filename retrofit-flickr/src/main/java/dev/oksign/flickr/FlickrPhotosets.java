package dev.oksign.flickr;

import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Query;

/**
 * The {@code flickr.photosets.*} methods. Get one from {@link Flickr#photosets()}.
 *
 * <pre>{@code
 * PhotosetPage set = flickr.photosets().getPhotos("72157624618609504").execute().body();
 * }</pre>
 *
 * <p>Parameters passed as null are not sent. Failures are {@link FlickrException}s.
 */
public interface FlickrPhotosets {
  /**
   * {@code flickr.photosets.getPhotos}: one page of a photoset's photos.
   *
   * @param photosetId the set ({@code photoset_id}), required
   * @param userId the set's owner ({@code user_id}), or null; speeds up the lookup
   * @param extras extra fields per photo, or null
   * @param page the page from 1, or null for the first
   * @param perPage the page size up to 500, or null for Flickr's default (500)
   */
  @GET(".")
  @FlickrMethod("flickr.photosets.getPhotos")
  Call<PhotosetPage> getPhotos(
      @Query("photoset_id") String photosetId,
      @Query("user_id") String userId,
      @Query("extras") Extras extras,
      @Query("page") Integer page,
      @Query("per_page") Integer perPage);

  /** {@code flickr.photosets.getPhotos}: the first page of a photoset's photos. */
  default Call<PhotosetPage> getPhotos(String photosetId) {
    return getPhotos(photosetId, null, null, null, null);
  }

  /** {@code flickr.photosets.getPhotos}: page {@code page} of {@code perPage} photos. */
  default Call<PhotosetPage> getPhotos(String photosetId, Extras extras, int page, int perPage) {
    return getPhotos(photosetId, null, extras, page, perPage);
  }

  /**
   * {@code flickr.photosets.getList}: one page of a user's photosets.
   *
   * @param userId the user ({@code user_id}), or null for the caller
   * @param page the page from 1, or null for the first
   * @param perPage the page size up to 500, or null for all
   */
  @GET(".")
  @FlickrMethod("flickr.photosets.getList")
  Call<PhotosetList> getList(
      @Query("user_id") String userId,
      @Query("page") Integer page,
      @Query("per_page") Integer perPage);

  /** {@code flickr.photosets.getList}: the photosets of {@code userId}. */
  default Call<PhotosetList> getList(String userId) {
    return getList(userId, null, null);
  }
}
