package dev.oksign.flickr;

import dev.oksign.flickr.internal.Api26;
import java.util.Collections;
import java.util.List;

/**
 * A page of a user's photosets: the answer of {@code flickr.photosets.getList}.
 *
 * @param page this page's number, from 1
 * @param pages the number of pages
 * @param perPage the page size
 * @param total the number of photosets
 * @param photosets the photosets on this page
 */
public record PhotosetList(int page, int pages, int perPage, long total, List<Photoset> photosets)
    implements Page<Photoset> {

  /** Takes an immutable copy of {@code photosets}. */
  public PhotosetList {
    photosets = photosets == null ? Collections.emptyList() : Api26.copyOf(photosets, "photosets");
  }

  /** The photosets on this page. */
  @Override
  public List<Photoset> items() {
    return photosets;
  }
}
