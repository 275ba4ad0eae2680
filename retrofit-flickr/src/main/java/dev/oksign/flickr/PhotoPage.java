package dev.oksign.flickr;

import dev.oksign.flickr.internal.Api26;
import java.util.Collections;
import java.util.List;

/**
 * A page of photos: the answer of {@code flickr.photos.search}, {@code flickr.people.getPhotos} and
 * the many other Flickr methods that answer {@code {"photos":{"page":..,"photo":[..]}}}.
 *
 * @param page this page's number, from 1
 * @param pages the number of pages
 * @param perPage the page size
 * @param total the number of photos in the whole list
 * @param photos the photos on this page
 */
public record PhotoPage(int page, int pages, int perPage, long total, List<Photo> photos)
    implements Page<Photo> {

  /** Takes an immutable copy of {@code photos}. */
  public PhotoPage {
    photos = photos == null ? Collections.emptyList() : Api26.copyOf(photos, "photos");
  }

  /** The photos on this page. */
  @Override
  public List<Photo> items() {
    return photos;
  }
}
