package dev.oksign.flickr;

import java.time.Instant;

/**
 * A photoset (an album), as listed by {@code flickr.photosets.getList}.
 *
 * @param id the photoset id
 * @param owner the owner's NSID
 * @param username the owner's user name, or null
 * @param title the title
 * @param description the description, possibly empty
 * @param primary the id of the cover photo
 * @param secret the cover photo's secret
 * @param server the cover photo's server
 * @param farm the cover photo's farm
 * @param photos the number of photos in the set
 * @param videos the number of videos in the set
 * @param views the number of views, or 0 if not sent
 * @param created when the set was created, or null
 * @param updated when the set was last changed, or null
 */
public record Photoset(
    String id,
    String owner,
    String username,
    String title,
    String description,
    String primary,
    String secret,
    String server,
    int farm,
    int photos,
    int videos,
    long views,
    Instant created,
    Instant updated) {

  /** Checks that the id is present. */
  public Photoset {
    if (id == null) throw new NullPointerException("id == null");
  }
}
