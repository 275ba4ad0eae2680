package dev.oksign.flickr;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import retrofit2.Call;
import retrofit2.Response;

/**
 * Walks a paged Flickr list lazily, as a {@link Stream} or {@link Iterator} of items or of pages:
 * "fetch page N" becomes a loop you do not write.
 *
 * <pre>{@code
 * Paging<Photo> photos = Paging.builder((page, perPage) ->
 *         flickr.photosets().getPhotos(setId, Extras.of(Extra.URL_M), page, perPage))
 *     .limit(1_000)
 *     .build();
 * try (Stream<Photo> stream = photos.stream()) {
 *   stream.forEach(photo -> System.out.println(photo.url(PhotoSize.MEDIUM_640)));
 * }
 * }</pre>
 *
 * <p><b>Lazy.</b> A page is fetched only when the consumer needs its first item, and never after
 * the last page Flickr reported (the latest page's count wins, since a list can grow or shrink
 * while it is walked), after an empty page, or once {@link Builder#limit(long)} items were
 * delivered. A stream abandoned early fetches nothing more; close it to cancel a prefetch in
 * flight. Each {@code stream()} or {@code iterator()} walks afresh from page 1.
 *
 * <p><b>Errors.</b> A failure on page k is thrown, as a {@link PagingException} (an {@link
 * UncheckedIOException}) that names the page and the items delivered and whose cause is the {@link
 * FlickrException} (or other {@link IOException}), once pages 1..k-1 were delivered; nothing is
 * skipped silently. A list that changes while it is walked can repeat or miss items at page
 * boundaries: Flickr's paging is by offset.
 *
 * <p><b>Search.</b> {@code flickr.photos.search} serves at most about {@value #SEARCH_LIMIT}
 * distinct results per query, however many pages it reports; past that it repeats pages. {@link
 * #search(FlickrPhotos, SearchQuery)} stops there and tells the {@link Listener} or, by default,
 * logs a warning ({@link Listener#onSearchLimit}); narrow the query (by upload date, say) to see
 * more.
 *
 * <p>Use one Paging from many threads; each walk is for one thread.
 *
 * @param <T> the item type
 */
public final class Paging<T> implements Iterable<T> {
  /** Flickr's largest page size, and the default here. */
  public static final int MAX_PER_PAGE = 500;

  /** The number of distinct results {@code flickr.photos.search} serves per query. */
  public static final int SEARCH_LIMIT = 4_000;

  private final PageFetcher<T> fetcher;
  private final int perPage;
  private final long limit;
  private final int searchLimit;
  private final Listener listener;
  private final Executor prefetch;

  private Paging(Builder<T> builder) {
    this.fetcher = builder.fetcher;
    this.limit = builder.limit;
    this.perPage = (int) Math.min(builder.perPage, builder.limit);
    this.searchLimit = builder.searchLimit;
    this.listener = builder.listener;
    this.prefetch = builder.prefetch;
  }

  private static final Logger LOG = Logger.getLogger(Paging.class.getName());

  /** The default for a search cut short at its limit: a warning, so that no cap goes unnoticed. */
  static void warnSearchLimit(int served, long total) {
    LOG.warning(
        "flickr.photos.search stopped at Flickr's search limit: "
            + served
            + " of "
            + total
            + " results delivered; narrow the query (by upload date, say) to see the rest, or"
            + " handle Paging.Listener.onSearchLimit");
  }

  /** Returns a builder of the walk of the pages {@code fetcher} makes calls for. */
  public static <T> Builder<T> builder(PageFetcher<T> fetcher) {
    if (fetcher == null) throw new NullPointerException("fetcher == null");
    return new Builder<>(fetcher);
  }

  /**
   * Returns a builder of the walk of a search's photos, stopping at Flickr's search limit of
   * {@value #SEARCH_LIMIT} results. The query's own {@code page} and {@code per_page} are replaced.
   */
  public static Builder<Photo> search(FlickrPhotos photos, SearchQuery query) {
    if (photos == null) throw new NullPointerException("photos == null");
    if (query == null) throw new NullPointerException("query == null");
    Builder<Photo> builder =
        new Builder<Photo>((page, perPage) -> photos.search(query.withPage(page, perPage)));
    builder.searchLimit = SEARCH_LIMIT;
    return builder;
  }

  /**
   * Returns a builder of the walk of every result of a search, past Flickr's search limit of
   * {@value #SEARCH_LIMIT}: the query is cut into slices by upload date (and by taken date within
   * one upload second) small enough to be served whole, and each photo is delivered once. Under the
   * limit it makes the calls {@link #search(FlickrPhotos, SearchQuery)} makes, no more. See {@link
   * SearchAll}.
   *
   * @throws IllegalArgumentException if the query asks for an order other than by upload date
   */
  public static SearchAll.Builder searchAll(FlickrPhotos photos, SearchQuery query) {
    return SearchAll.builder(photos, query);
  }

  /** The items, lazily; close the stream to cancel a prefetch in flight. */
  public Stream<T> stream() {
    Walk<T> walk = new Walk<>(this);
    Items<T> items = new Items<>(walk, this);
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(walk::close);
  }

  /** The items, lazily. */
  @Override
  public Iterator<T> iterator() {
    return new Items<>(new Walk<>(this), this);
  }

  /**
   * The pages as Flickr sent them, lazily: for their metadata ({@link Page#total()}, a photoset's
   * title). {@link Builder#limit(long)} stops the fetching but does not cut the last page.
   */
  public Stream<Page<T>> pages() {
    Walk<T> walk = new Walk<>(this);
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(walk, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(walk::close);
  }

  /** The pages as Flickr sent them, lazily. */
  public Iterator<Page<T>> pageIterator() {
    return new Walk<>(this);
  }

  /** Makes the call for one page. */
  @FunctionalInterface
  public interface PageFetcher<T> {
    /**
     * Returns the call for page {@code page} (from 1) of {@code perPage} items. It is executed on
     * the consuming thread, or on the prefetch executor.
     */
    Call<? extends Page<T>> fetch(int page, int perPage);
  }

  /** Hears of the walk's progress. Called on the thread that fetched the page. */
  @FunctionalInterface
  public interface Listener {
    /** Page {@code page} of {@code pages} arrived, in a list of {@code total} items. */
    void onPage(int page, int pages, long total);

    /**
     * The walk of a search stops at Flickr's search limit of {@code served} results although Flickr
     * reports {@code total}. By default, as with no listener, this logs a warning to the {@code
     * java.util.logging} logger {@code dev.oksign.flickr.Paging}; override it to handle the cap
     * yourself (and silence the warning).
     */
    default void onSearchLimit(int served, long total) {
      warnSearchLimit(served, total);
    }
  }

  /** Builds a {@link Paging}. */
  public static final class Builder<T> {
    private final PageFetcher<T> fetcher;
    private int perPage = MAX_PER_PAGE;
    private long limit = Long.MAX_VALUE;
    private int searchLimit;
    private Listener listener;
    private Executor prefetch;

    Builder(PageFetcher<T> fetcher) {
      this.fetcher = fetcher;
    }

    /** The page size, 1 to 500; default 500, Flickr's largest, for the fewest calls. */
    public Builder<T> perPage(int perPage) {
      if (perPage < 1 || perPage > MAX_PER_PAGE) {
        throw new IllegalArgumentException("perPage must be 1 to " + MAX_PER_PAGE + ": " + perPage);
      }
      this.perPage = perPage;
      return this;
    }

    /**
     * The most items to deliver; default all. A limit below the page size also shrinks the page
     * size, so that no more is fetched than delivered.
     */
    public Builder<T> limit(long limit) {
      if (limit < 1) throw new IllegalArgumentException("limit < 1: " + limit);
      this.limit = limit;
      return this;
    }

    /** Hears of each page and of the search limit; default none. */
    public Builder<T> listener(Listener listener) {
      this.listener = listener;
      return this;
    }

    /**
     * Fetches the next page on {@code executor} while the consumer works through the current one:
     * never more than one page ahead. Off (null) by default. A stream abandoned early then has made
     * one request more than it used; closing it cancels that request if still in flight.
     */
    public Builder<T> prefetch(Executor executor) {
      this.prefetch = executor;
      return this;
    }

    /** Stops at {@code searchLimit} results, as a search does; for {@link SearchAll}'s slices. */
    Builder<T> searchLimit(int searchLimit) {
      this.searchLimit = searchLimit;
      return this;
    }

    /** Returns the paging. */
    public Paging<T> build() {
      return new Paging<>(this);
    }
  }

  /** The walk over pages: decides what to fetch, fetches, prefetches. One per iteration. */
  static final class Walk<T> implements Iterator<Page<T>>, AutoCloseable {
    private final Paging<T> paging;
    private int fetched; // number of the last page received, 0 before any
    private int pages = -1; // latest reported page count, -1 before the first page
    private long items; // items on the pages fetched so far
    private boolean ended;
    private Page<T> next;
    private CompletableFuture<Page<T>> ahead;
    private Call<? extends Page<T>> aheadCall;
    private volatile boolean closed;

    Walk(Paging<T> paging) {
      this.paging = paging;
    }

    /** True if another page should be fetched after the ones fetched so far. */
    private boolean morePages(Page<T> last) {
      if (last == null) return true;
      if (last.items().isEmpty()) return false;
      if (fetched >= pages) return false;
      if (items >= paging.limit) return false;
      if (paging.searchLimit > 0 && (long) fetched * paging.perPage >= paging.searchLimit) {
        if (paging.listener != null) {
          paging.listener.onSearchLimit(paging.searchLimit, last.total());
        } else {
          warnSearchLimit(paging.searchLimit, last.total());
        }
        return false;
      }
      return true;
    }

    @Override
    public boolean hasNext() {
      if (next != null) return true;
      if (ended || closed) return false;
      int number = fetched + 1;
      Page<T> page;
      try {
        page = ahead != null ? await() : fetch(number);
      } catch (IOException e) {
        ended = true;
        throw new PagingException(number, items, e);
      }
      fetched = number;
      pages = page.pages();
      items += page.items().size();
      if (paging.listener != null) paging.listener.onPage(number, pages, page.total());
      if (!morePages(page)) {
        ended = true;
      } else if (paging.prefetch != null) {
        startPrefetch(number + 1);
      }
      // An empty page after the first means the list shrank under the walk: nothing to deliver.
      if (page.items().isEmpty() && number > 1) return false;
      next = page;
      return true;
    }

    @Override
    public Page<T> next() {
      if (!hasNext()) throw new NoSuchElementException();
      Page<T> page = next;
      next = null;
      return page;
    }

    private Page<T> fetch(int number) throws IOException {
      Call<? extends Page<T>> call = paging.fetcher.fetch(number, paging.perPage);
      if (call == null)
        throw new NullPointerException("fetcher returned no call for page " + number);
      return execute(call, number);
    }

    private static <T> Page<T> execute(Call<? extends Page<T>> call, int number)
        throws IOException {
      Response<? extends Page<T>> response = call.execute();
      if (!response.isSuccessful()) {
        throw FlickrException.unexpected(
            null, response.code(), "HTTP " + response.code() + " for page " + number, null, null);
      }
      Page<T> page = response.body();
      if (page == null) {
        throw FlickrException.unexpected(
            null, response.code(), "no page in the answer for page " + number, null, null);
      }
      return page;
    }

    private void startPrefetch(int number) {
      Call<? extends Page<T>> call = paging.fetcher.fetch(number, paging.perPage);
      if (call == null)
        throw new NullPointerException("fetcher returned no call for page " + number);
      aheadCall = call;
      CompletableFuture<Page<T>> future = new CompletableFuture<>();
      ahead = future;
      try {
        paging.prefetch.execute(
            () -> {
              if (closed) {
                future.cancel(false);
                return;
              }
              try {
                future.complete(execute(call, number));
              } catch (Throwable t) {
                future.completeExceptionally(t);
              }
            });
      } catch (RuntimeException e) { // RejectedExecutionException
        future.completeExceptionally(e);
      }
    }

    private Page<T> await() throws IOException {
      CompletableFuture<Page<T>> future = ahead;
      ahead = null;
      aheadCall = null;
      try {
        return future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        InterruptedIOException interrupted =
            new InterruptedIOException("interrupted while waiting for a page");
        interrupted.initCause(e);
        throw interrupted;
      } catch (CancellationException e) {
        throw new InterruptedIOException("the prefetch of the next page was cancelled");
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof IOException io) throw io;
        if (cause instanceof RuntimeException re) throw re;
        if (cause instanceof Error error) throw error;
        throw new IOException(cause);
      }
    }

    /** Stops the walk and cancels a prefetch in flight. */
    @Override
    public void close() {
      closed = true;
      ended = true;
      Call<? extends Page<T>> call = aheadCall;
      if (call != null) call.cancel();
    }
  }

  /** The items of a walk's pages, cut at the limits. */
  static final class Items<T> implements Iterator<T> {
    private final Walk<T> walk;
    private final long max;
    private Iterator<T> current = Collections.emptyIterator();
    private long delivered;

    Items(Walk<T> walk, Paging<?> paging) {
      this.walk = walk;
      long max = paging.limit;
      if (paging.searchLimit > 0) max = Math.min(max, paging.searchLimit);
      this.max = max;
    }

    @Override
    public boolean hasNext() {
      if (delivered >= max) {
        walk.close();
        return false;
      }
      while (!current.hasNext()) {
        if (!walk.hasNext()) return false;
        List<T> items = walk.next().items();
        current = items.iterator();
      }
      return true;
    }

    @Override
    public T next() {
      if (!hasNext()) throw new NoSuchElementException();
      delivered++;
      return current.next();
    }
  }
}
