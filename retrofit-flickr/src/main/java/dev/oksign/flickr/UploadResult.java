package dev.oksign.flickr;

import java.util.Objects;

/**
 * Flickr's answer to an upload or a replace: the id of the photo, or, for an {@linkplain
 * PhotoUpload.Builder#async(boolean) asynchronous} upload, the id of the ticket to check with
 * {@code flickr.photos.upload.checkTickets}. Immutable.
 *
 * <pre>{@code
 * UploadResult result = flickr.uploads().upload(upload).execute().body();
 * if (result.isAsync()) poll(result.ticketId()); else show(result.photoId());
 * }</pre>
 */
public final class UploadResult {
  private final String photoId;
  private final String ticketId;
  private final String secret;
  private final String originalSecret;

  UploadResult(String photoId, String ticketId, String secret, String originalSecret) {
    this.photoId = photoId;
    this.ticketId = ticketId;
    this.secret = secret;
    this.originalSecret = originalSecret;
  }

  /** The photo's id ({@code <photoid>}), or null if the upload was asynchronous. */
  public String photoId() {
    return photoId;
  }

  /** The ticket's id ({@code <ticketid>}) of an asynchronous upload, or null. */
  public String ticketId() {
    return ticketId;
  }

  /** True if Flickr answered with a ticket rather than a photo id. */
  public boolean isAsync() {
    return photoId == null;
  }

  /**
   * The photo's new {@code secret}, which a replace answers with (it is part of the photo's URLs);
   * null if Flickr did not send it, as for an upload.
   */
  public String secret() {
    return secret;
  }

  /** The photo's new {@code originalsecret}, which a replace answers with; null if absent. */
  public String originalSecret() {
    return originalSecret;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UploadResult that
        && Objects.equals(photoId, that.photoId)
        && Objects.equals(ticketId, that.ticketId)
        && Objects.equals(secret, that.secret)
        && Objects.equals(originalSecret, that.originalSecret);
  }

  @Override
  public int hashCode() {
    return Objects.hash(photoId, ticketId, secret, originalSecret);
  }

  /** The ids; the photo's secrets are URL parts, not credentials, but are left out all the same. */
  @Override
  public String toString() {
    return photoId != null
        ? "UploadResult[photoId=" + photoId + "]"
        : "UploadResult[ticketId=" + ticketId + "]";
  }
}
