package dev.oksign.flickr;

import dev.oksign.flickr.internal.Api26;
import java.util.Collections;
import java.util.List;

/**
 * A page of a photoset's photos, with the set's own fields: the answer of {@code
 * flickr.photosets.getPhotos}. Each photo's {@link Photo#owner()} is the set's owner.
 *
 * @param id the photoset id
 * @param owner the owner's NSID
 * @param ownerName the owner's user name
 * @param title the set's title
 * @param primary the id of the set's cover photo
 * @param page this page's number, from 1
 * @param pages the number of pages
 * @param perPage the page size
 * @param total the number of photos in the set
 * @param photos the photos on this page
 */
public record PhotosetPage(
    String id,
    String owner,
    String ownerName,
    String title,
    String primary,
    int page,
    int pages,
    int perPage,
    long total,
    List<Photo> photos)
    implements Page<Photo> {

  /** Takes an immutable copy of {@code photos}. */
  public PhotosetPage {
    photos = photos == null ? Collections.emptyList() : Api26.copyOf(photos, "photos");
  }

  /** The photos on this page. */
  @Override
  public List<Photo> items() {
    return photos;
  }
}
