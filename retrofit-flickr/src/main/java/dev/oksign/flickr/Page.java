package dev.oksign.flickr;

import java.util.List;

/**
 * One page of a paged Flickr list, whatever the list: photos of a search, of a photoset, a user's
 * photosets. Flickr numbers pages from 1.
 *
 * @param <T> the type of the items
 */
public interface Page<T> {
  /** This page's number, from 1. */
  int page();

  /** The number of pages Flickr reported with this page; it may change from page to page. */
  int pages();

  /** The page size this page was served with ({@code perpage} or {@code per_page}). */
  int perPage();

  /** The number of items in the whole list, as reported with this page. */
  long total();

  /** The items on this page, in Flickr's order; empty past the end. */
  List<T> items();
}
