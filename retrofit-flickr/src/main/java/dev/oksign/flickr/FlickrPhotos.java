package dev.oksign.flickr;

import java.util.List;
import java.util.Map;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Query;
import retrofit2.http.QueryMap;

/**
 * The {@code flickr.photos.*} methods. Get one from {@link Flickr#photos()}.
 *
 * <pre>{@code
 * PhotoPage page = flickr.photos().search(SearchQuery.builder().text("seal").build())
 *     .execute().body();
 * }</pre>
 *
 * <p>Every call is a Retrofit {@link Call}: {@code execute()} blocks, {@code enqueue()} does not.
 * Failures, Flickr's {@code stat=fail} answers included, are {@link FlickrException}s.
 */
public interface FlickrPhotos {
  /**
   * {@code flickr.photos.search} with raw parameters; prefer {@link #search(SearchQuery)}.
   *
   * @param parameters the method's parameters, without {@code method}, {@code format} and {@code
   *     nojsoncallback}
   */
  @GET(".")
  @FlickrMethod("flickr.photos.search")
  Call<PhotoPage> search(@QueryMap Map<String, String> parameters);

  /**
   * {@code flickr.photos.search}: one page of the photos matching {@code query}. Flickr serves at
   * most about 4,000 distinct results per query; {@link Paging#search(FlickrPhotos, SearchQuery)}
   * walks them all.
   */
  default Call<PhotoPage> search(SearchQuery query) {
    return search(query.parameters());
  }

  /**
   * {@code flickr.photos.upload.checkTickets}: the state of asynchronous uploads, by the ticket ids
   * their {@link UploadResult#ticketId()} gave, in Flickr's order.
   *
   * @param ticketIds one or more ticket ids, comma-separated
   */
  @GET(".")
  @FlickrMethod("flickr.photos.upload.checkTickets")
  Call<List<UploadTicket>> checkUploadTickets(@Query("tickets") String ticketIds);

  /** {@code flickr.photos.upload.checkTickets} for every ticket of {@code ticketIds}. */
  default Call<List<UploadTicket>> checkUploadTickets(List<String> ticketIds) {
    if (ticketIds.isEmpty()) throw new IllegalArgumentException("no ticket ids to check");
    return checkUploadTickets(String.join(",", ticketIds));
  }
}
