package dev.oksign.examples;

import dev.oksign.ClientCredentials;
import dev.oksign.flickr.Flickr;
import dev.oksign.flickr.Paging;
import dev.oksign.flickr.Photo;
import dev.oksign.flickr.PhotoSize;
import java.util.List;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Walks every photo of a photoset, page by page, without writing the paging loop.
 *
 * <pre>
 * FLICKR_API_KEY=... FLICKR_API_SECRET=... \
 *   java -cp examples/target/oksign-examples.jar dev.oksign.examples.WalkAPhotoset PHOTOSET_ID
 * </pre>
 */
public final class WalkAPhotoset {
  private WalkAPhotoset() {}

  public static void main(String[] args) {
    ClientCredentials credentials =
        ClientCredentials.of(System.getenv("FLICKR_API_KEY"), System.getenv("FLICKR_API_SECRET"));
    List<Photo> photos =
        photos(HttpUrl.get(Flickr.REST_BASE_URL), new OkHttpClient(), credentials, args[0]);
    for (Photo photo : photos) {
      System.out.println(photo.url(PhotoSize.MEDIUM_640) + " " + photo.title());
    }
  }

  /** Returns every photo of the public photoset {@code photosetId}, in the set's order. */
  public static List<Photo> photos(
      HttpUrl restBaseUrl, OkHttpClient client, ClientCredentials credentials, String photosetId) {
    Flickr flickr =
        Flickr.builder()
            .clientCredentials(credentials)
            .restBaseUrl(restBaseUrl)
            .client(client)
            .build();

    Paging<Photo> paging =
        Paging.builder(
                (page, perPage) -> flickr.photosets().getPhotos(photosetId, null, page, perPage))
            .build();
    try (Stream<Photo> photos = paging.stream()) {
      return photos.toList();
    }
  }
}
