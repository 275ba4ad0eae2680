package dev.oksign.examples;

import dev.oksign.ClientCredentials;
import dev.oksign.flickr.Flickr;
import dev.oksign.flickr.Photo;
import dev.oksign.flickr.PhotosetPage;
import dev.oksign.flickr.RateLimiter;
import dev.oksign.redis.RedisRateLimiter;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Exports a photoset with several worker processes that share one API key, and so one budget of
 * 3,600 calls an hour: each worker takes every {@code workers}-th page, and every call waits for
 * its turn in a {@link RedisRateLimiter} that all workers share. No worker needs to know how many
 * others run, and an idle one leaves its share to the busy ones.
 *
 * <pre>
 * FLICKR_API_KEY=... FLICKR_API_SECRET=... java -cp examples/target/oksign-examples.jar \
 *   dev.oksign.examples.ExportWithASharedBudget redis://localhost:6379 PHOTOSET_ID 0 2 &amp;
 * FLICKR_API_KEY=... FLICKR_API_SECRET=... java -cp examples/target/oksign-examples.jar \
 *   dev.oksign.examples.ExportWithASharedBudget redis://localhost:6379 PHOTOSET_ID 1 2
 * </pre>
 *
 * <p>Arguments: the Redis URI, the photoset, this worker's number from 0, the number of workers,
 * and optionally the REST base URL (Flickr's by default). Prints one line per photo: id and title.
 */
public final class ExportWithASharedBudget {
  private ExportWithASharedBudget() {}

  public static void main(String[] args) throws IOException {
    ClientCredentials credentials =
        ClientCredentials.of(System.getenv("FLICKR_API_KEY"), System.getenv("FLICKR_API_SECRET"));
    HttpUrl restBaseUrl = HttpUrl.get(args.length > 4 ? args[4] : Flickr.REST_BASE_URL);
    try (RedisRateLimiter budget =
        RedisRateLimiter.builder()
            .uri(args[0])
            .budget("flickr:" + credentials.key()) // one budget per API key, for every worker
            .permits(3_600, Duration.ofHours(1))
            .build()) {
      List<Photo> photos =
          export(
              restBaseUrl,
              new OkHttpClient(),
              credentials,
              budget,
              args[1],
              Integer.parseInt(args[2]),
              Integer.parseInt(args[3]));
      for (Photo photo : photos) System.out.println(photo.id() + " " + photo.title());
    }
  }

  /**
   * Returns the photos of the pages {@code worker + 1}, {@code worker + 1 + workers}... of the
   * public photoset {@code photosetId}, 100 to a page, each call waiting for {@code budget}.
   */
  public static List<Photo> export(
      HttpUrl restBaseUrl,
      OkHttpClient client,
      ClientCredentials credentials,
      RateLimiter budget,
      String photosetId,
      int worker,
      int workers)
      throws IOException {
    Flickr flickr =
        Flickr.builder()
            .clientCredentials(credentials)
            .restBaseUrl(restBaseUrl)
            .client(client)
            .rateLimiter(budget)
            .build();
    List<Photo> photos = new ArrayList<>();
    int pages = worker + 1; // known after the first page
    for (int page = worker + 1; page <= pages; page += workers) {
      PhotosetPage answer =
          flickr.photosets().getPhotos(photosetId, null, null, page, 100).execute().body();
      pages = answer.pages();
      photos.addAll(answer.photos());
    }
    return photos;
  }
}
