package dev.oksign.flickr;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A walk of {@link Paging} that stopped because page {@link #page()} could not be fetched, after
 * {@link #itemsDelivered()} items of the pages before it were delivered. Unchecked, since {@link
 * java.util.Iterator} and {@link java.util.stream.Stream} cannot throw {@link IOException}; the
 * cause is the {@link FlickrException} (or other {@link IOException}) of that page.
 *
 * <pre>{@code
 * try (Stream<Photo> photos = paging.stream()) {
 *   photos.forEach(this::save);
 * } catch (PagingException e) {
 *   resumeLaterFrom(e.page());   // pages before it were delivered in full
 * }
 * }</pre>
 */
public final class PagingException extends UncheckedIOException {
  private static final long serialVersionUID = 1L;

  private final int page;
  private final long itemsDelivered;

  PagingException(int page, long itemsDelivered, IOException cause) {
    super(
        "page "
            + page
            + " failed after "
            + itemsDelivered
            + (itemsDelivered == 1 ? " item" : " items")
            + " delivered"
            + (page > 1 ? " (pages 1 to " + (page - 1) + ")" : "")
            + ": "
            + cause.getMessage(),
        cause);
    this.page = page;
    this.itemsDelivered = itemsDelivered;
  }

  /**
   * A failure of a {@link SearchAll} walk: page {@code page} of the slice {@code slice} (such as
   * {@code "slice 4 (uploaded 2019-06-01T00:00:00Z to 2019-06-01T11:59:59Z)"}), after {@code
   * itemsDelivered} photos of the whole walk.
   */
  PagingException(String slice, int page, long itemsDelivered, IOException cause) {
    super(
        slice
            + ": page "
            + page
            + " failed after "
            + itemsDelivered
            + (itemsDelivered == 1 ? " item" : " items")
            + " delivered: "
            + cause.getMessage(),
        cause);
    this.page = page;
    this.itemsDelivered = itemsDelivered;
  }

  /** The number of the page that failed, from 1. */
  public int page() {
    return page;
  }

  /** How many items the pages before the failed one held, all delivered before the failure. */
  public long itemsDelivered() {
    return itemsDelivered;
  }
}
