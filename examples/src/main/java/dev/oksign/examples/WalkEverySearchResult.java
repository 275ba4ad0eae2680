package dev.oksign.examples;

import dev.oksign.ClientCredentials;
import dev.oksign.flickr.Flickr;
import dev.oksign.flickr.Paging;
import dev.oksign.flickr.Photo;
import dev.oksign.flickr.SearchQuery;
import java.util.List;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Walks every result of a search, past the 4,000 results Flickr serves per query, each once.
 *
 * <pre>
 * FLICKR_API_KEY=... FLICKR_API_SECRET=... \
 *   java -cp examples/target/oksign-examples.jar dev.oksign.examples.WalkEverySearchResult seal
 * </pre>
 */
public final class WalkEverySearchResult {
  private WalkEverySearchResult() {}

  public static void main(String[] args) {
    ClientCredentials credentials =
        ClientCredentials.of(System.getenv("FLICKR_API_KEY"), System.getenv("FLICKR_API_SECRET"));
    Flickr flickr = Flickr.builder().clientCredentials(credentials).build();
    for (String id : photoIds(flickr, args[0])) System.out.println(id);
  }

  /** Returns the ids of every photo a search for {@code text} finds, newest upload first. */
  public static List<String> photoIds(Flickr flickr, String text) {
    // README, "Paging": every result of a search.
    SearchQuery seals = SearchQuery.builder().text(text).build();
    try (Stream<Photo> photos =
        Paging.searchAll(flickr.photos(), seals)
            .listener(p -> System.err.printf("%d of ~%d%n", p.delivered(), p.estimatedTotal()))
            .build()
            .stream()) {
      return photos.map(Photo::id).toList(); // each once, past the 4,000 cap
    }
  }

  /** As {@link #photoIds(Flickr, String)}, against {@code restBaseUrl} without a token. */
  public static List<String> photoIds(
      HttpUrl restBaseUrl, OkHttpClient client, ClientCredentials credentials, String text) {
    Flickr flickr =
        Flickr.builder()
            .clientCredentials(credentials)
            .restBaseUrl(restBaseUrl)
            .client(client)
            .build();
    return photoIds(flickr, text);
  }
}
