package dev.oksign.flickr;

import dev.oksign.flickr.internal.Api26;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * A photo (or video) as listed by Flickr: by a search, in a photoset, in a user's photostream.
 *
 * <pre>{@code
 * HttpUrl medium = photo.url(PhotoSize.MEDIUM_640);
 * String taken = photo.extra(Extra.DATE_TAKEN);   // asked for with Extras.of(Extra.DATE_TAKEN)
 * }</pre>
 *
 * @param id the photo id
 * @param owner the owner's NSID (for a photoset's photos: the set's owner)
 * @param secret the secret of the sizes up to {@link PhotoSize#LARGE_1024}
 * @param server the server id of the image URLs
 * @param farm the farm number (no longer part of image URLs)
 * @param title the title, possibly empty
 * @param isPublic true if everyone may see the photo
 * @param isFriend true if the owner's friends may see it
 * @param isFamily true if the owner's family may see it
 * @param extras every other field Flickr sent, as text, by its JSON name ({@code url_m}, {@code
 *     dateupload}, {@code isprimary}...); {@code {"_content":...}} values are flattened
 */
public record Photo(
    String id,
    String owner,
    String secret,
    String server,
    int farm,
    String title,
    boolean isPublic,
    boolean isFriend,
    boolean isFamily,
    Map<String, String> extras) {

  static final String IMAGE_HOST = "live.staticflickr.com";

  /** Takes an immutable copy of {@code extras}. */
  public Photo {
    if (id == null) throw new NullPointerException("id == null");
    extras = extras == null ? Collections.emptyMap() : Api26.copyOf(extras, "extras");
  }

  /** The value of {@code extra} as Flickr sent it, or null if it was not asked for or not sent. */
  public String extra(Extra extra) {
    return extras.get(extra.field());
  }

  /** The upload time, from {@link Extra#DATE_UPLOAD}, or null if it was not asked for. */
  public Instant dateUploaded() {
    String seconds = extras.get(Extra.DATE_UPLOAD.field());
    if (seconds == null || seconds.isEmpty()) return null;
    return Instant.ofEpochSecond(Long.parseLong(seconds));
  }

  /**
   * The URL of this photo's image at {@code size}, following Flickr's documented scheme: {@code
   * https://live.staticflickr.com/{server}/{id}_{secret}_{suffix}.jpg}, without {@code _suffix} for
   * {@link PhotoSize#MEDIUM_500}.
   *
   * <p>Sizes with a secret of their own ({@link PhotoSize#hasOwnSecret()}) come from the matching
   * {@code url_*} extra; the original is also built from {@code originalsecret} and {@code
   * originalformat} when {@link Extra#ORIGINAL_FORMAT} was asked for.
   *
   * @throws IllegalStateException if the URL cannot be known from what Flickr sent; the message
   *     names the extra to ask for
   */
  public HttpUrl url(PhotoSize size) {
    String sent = extras.get(size.extra().field());
    if (size.hasOwnSecret()) {
      if (sent != null && !sent.isEmpty()) return HttpUrl.get(sent);
      if (size == PhotoSize.ORIGINAL) {
        String originalSecret = extras.get("originalsecret");
        String originalFormat = extras.get("originalformat");
        if (originalSecret != null && originalFormat != null && server != null) {
          return image(id + "_" + originalSecret + "_o." + originalFormat);
        }
        throw new IllegalStateException(
            "photo " + id + " has no original URL: ask for Extra.ORIGINAL_FORMAT or Extra.URL_O");
      }
      throw new IllegalStateException(
          "photo "
              + id
              + " has no "
              + size.extra().field()
              + ": size "
              + size
              + " has its own secret, ask for Extra."
              + size.extra());
    }
    if (secret == null || server == null) {
      throw new IllegalStateException(
          "photo " + id + " came without server and secret, so its image URL cannot be built");
    }
    String suffix = size.suffix().isEmpty() ? "" : "_" + size.suffix();
    return image(id + "_" + secret + suffix + ".jpg");
  }

  private HttpUrl image(String file) {
    return new HttpUrl.Builder()
        .scheme("https")
        .host(IMAGE_HOST)
        .addPathSegment(server)
        .addPathSegment(file)
        .build();
  }

  /** The page of this photo on flickr.com: {@code https://www.flickr.com/photos/{owner}/{id}/}. */
  public HttpUrl pageUrl() {
    if (owner == null) {
      throw new IllegalStateException("photo " + id + " came without its owner");
    }
    return HttpUrl.get("https://www.flickr.com/photos/" + owner + "/" + id + "/");
  }
}
