package dev.oksign.flickr;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import retrofit2.Response;

/**
 * Every result of a Flickr search, past the 4,000-result cap, each once. Get one from {@link
 * Paging#searchAll(FlickrPhotos, SearchQuery)}:
 *
 * <pre>{@code
 * SearchQuery seals = SearchQuery.builder().text("harbour seal").build();
 * try (Stream<Photo> photos = Paging.searchAll(flickr.photos(), seals).build().stream()) {
 *   photos.forEach(photo -> System.out.println(photo.id()));
 * }
 * }</pre>
 *
 * <p><b>How.</b> Flickr serves at most the first 4,000 results of any search query ("Please note
 * that Flickr will return at most the first 4,000 results for any given search query", the {@code
 * flickr.photos.search} documentation); later pages repeat earlier ones. The walk therefore cuts
 * the query into slices by upload date ({@code min_upload_date} and {@code max_upload_date}, Unix
 * seconds, both inclusive as documented: "greater than or equal to", "less than or equal to"), each
 * small enough to be served whole, and walks the slices one after the other. A slice of a single
 * second that still holds too many photos (a bulk import) is cut by taken date ({@code
 * min_taken_date} and {@code max_taken_date}, MySQL datetimes in the camera's time). Harvesters do
 * the same by hand (github.com/cc-archive/cccatalog/issues/326 cuts days into upload-date
 * intervals; github.com/douwekiela/mmfeat/pull/10 halves date ranges until under 4,000) and report
 * many repeats across intervals and pages (github.com/WordPress/openverse/issues/4906), hence the
 * de-duplication by id. The cutting is adaptive:
 *
 * <ol>
 *   <li>The first call is page 1 of the query itself, as {@link Paging#search} makes it. If its
 *       {@code total} is under the cap, the walk is that of {@code Paging.search}: the same calls,
 *       no probe.
 *   <li>Otherwise the date range is halved: the half walked first is probed with a one-result page
 *       ({@code per_page=1}) for its {@code total}, the other half's total is the rest. A half
 *       whose total reaches the cap minus a margin of a tenth (totals move while a walk runs) is
 *       halved again; one under it is walked.
 *   <li>A slice whose total reaches the cap while it is walked (photos added meanwhile) is halved
 *       and walked again; what was delivered is not delivered twice.
 * </ol>
 *
 * <p><b>Cost.</b> Each halving costs one probe, and only slices of at least the cap minus the
 * margin are halved; slices of one level are disjoint, so at most {@code floor(N / 3,600)} of them
 * are halved per level. Over an index that holds still, a walk of {@code N} results therefore makes
 * at most {@code 1 + 66 * floor(N / 3,600)} probing calls (the first page, then 66 levels: 32 take
 * upload dates from 1970 to 2106 down to one second, 34 take taken dates from 1800 to 2100 down to
 * one second; one more with prefetch), on top of about {@code N / 500} pages plus one per slice. In
 * practice it is a few per slice: 51 probing calls and 72 pages for FakeFlickr's 25,000 photos in
 * 31 slices. {@link Progress#probeCalls()} counts them.
 *
 * <p><b>Order.</b> Newest upload first (Flickr's default, {@code date-posted-desc}), or oldest
 * first if the query asks for {@link SearchQuery.Sort#DATE_POSTED_ASC}; other orders are refused,
 * since a walk by upload date cannot keep them. Within one upload second that had to be cut, by
 * taken date in the same direction.
 *
 * <p><b>What "every" means.</b> Flickr's index changes while it is walked. The walk delivers each
 * photo at most once (by id, across slices and pages), and delivers every photo that matched the
 * query from the moment its slice was measured until its slice was walked (a half whose total is
 * derived as zero is not asked again). A photo added to a slice already walked, or removed from a
 * slice before it is walked, is not delivered, as with a photo moved by a changed date; a photo
 * removed while its slice is walked shifts Flickr's offsets and can hide one neighbour. A slice of
 * one second and one taken second with more photos than the cap cannot be cut: its first 4,000 are
 * delivered and the rest counted in {@link Progress#unreachable()}.
 *
 * <p><b>Like {@link Paging}:</b> lazy (nothing is fetched before the first item is asked for, and
 * nothing after the {@link Builder#limit(long) limit}); with {@link Builder#prefetch(Executor)} at
 * most one page ahead, within a slice (so a first page that shows a slice too large to walk may
 * have had its successor fetched for nothing: counted as probing); every call, probes included,
 * goes through {@code photos} and so through the {@link RateLimiter} of its {@link Flickr}; a
 * failed call is thrown as a {@link PagingException} naming the slice and page, after every photo
 * before it was delivered. Use one SearchAll from many threads; each walk is for one thread.
 */
public final class SearchAll implements Iterable<Photo> {
  /**
   * Upload seconds the walk cuts: from the epoch to 2106, all a Unix timestamp of 32 bits holds.
   */
  static final long UPLOAD_FROM = 0;

  static final long UPLOAD_TO = (1L << 32) - 1;

  /** Taken dates the walk cuts; the outermost slices are open-ended, so none is left out. */
  static final long TAKEN_FROM =
      LocalDateTime.parse("1800-01-01T00:00:00").toEpochSecond(ZoneOffset.UTC);

  static final long TAKEN_TO =
      LocalDateTime.parse("2100-12-31T23:59:59").toEpochSecond(ZoneOffset.UTC);

  private final FlickrPhotos photos;
  private final SearchQuery query;
  private final int perPage;
  private final long limit;
  private final int cap;
  private final Listener listener;
  private final Executor prefetch;

  private SearchAll(Builder builder) {
    this.photos = builder.photos;
    this.query = builder.query;
    this.perPage = builder.perPage;
    this.limit = builder.limit;
    this.cap = builder.cap;
    this.listener = builder.listener;
    this.prefetch = builder.prefetch;
  }

  static Builder builder(FlickrPhotos photos, SearchQuery query) {
    if (photos == null) throw new NullPointerException("photos == null");
    if (query == null) throw new NullPointerException("query == null");
    SearchQuery.Sort sort = query.sort();
    if (sort != null
        && sort != SearchQuery.Sort.DATE_POSTED_DESC
        && sort != SearchQuery.Sort.DATE_POSTED_ASC) {
      throw new IllegalArgumentException(
          "searchAll walks by upload date: sort must be DATE_POSTED_DESC (the default) or"
              + " DATE_POSTED_ASC, not "
              + sort);
    }
    var parameters = query.parameters();
    if ((parameters.containsKey("min_upload_date") && query.minUploadDate() == null)
        || (parameters.containsKey("max_upload_date") && query.maxUploadDate() == null)
        || (parameters.containsKey("min_taken_date") && query.minTakenDate() == null)
        || (parameters.containsKey("max_taken_date") && query.maxTakenDate() == null)) {
      throw new IllegalArgumentException(
          "searchAll sets the date parameters itself: give the query's own bounds with"
              + " minUploadDate, maxUploadDate, minTakenDate or maxTakenDate");
    }
    return new Builder(photos, query);
  }

  /** The photos, lazily; close the stream to cancel a prefetch in flight. */
  public Stream<Photo> stream() {
    Walk walk = new Walk();
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(walk, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(walk::close);
  }

  /** The photos, lazily. */
  @Override
  public Iterator<Photo> iterator() {
    return new Walk();
  }

  /** Hears of a walk's progress, after each call and once at the end, on the walking thread. */
  @FunctionalInterface
  public interface Listener {
    /** The walk has come this far. */
    void onProgress(Progress progress);
  }

  /**
   * How far a walk has come.
   *
   * @param delivered photos delivered so far, each once
   * @param estimatedTotal delivered photos plus those Flickr reports in the slices still to walk:
   *     the search's size as last seen
   * @param slicesDone slices walked to their end
   * @param calls calls made, probes included
   * @param probeCalls calls made only to measure a slice: one-result probes, and first pages that
   *     showed a slice too large to walk
   * @param duplicates photos Flickr sent again (at slice or page boundaries of a changing index),
   *     not delivered twice
   * @param unreachable photos Flickr reports but does not serve: more than the cap uploaded and
   *     taken in the same second
   * @param done true once the walk has ended
   */
  public record Progress(
      long delivered,
      long estimatedTotal,
      int slicesDone,
      long calls,
      long probeCalls,
      long duplicates,
      long unreachable,
      boolean done) {}

  /** Builds a {@link SearchAll}. */
  public static final class Builder {
    private final FlickrPhotos photos;
    private final SearchQuery query;
    private int perPage = Paging.MAX_PER_PAGE;
    private long limit = Long.MAX_VALUE;
    private int cap = Paging.SEARCH_LIMIT;
    private Listener listener;
    private Executor prefetch;

    Builder(FlickrPhotos photos, SearchQuery query) {
      this.photos = photos;
      this.query = query;
    }

    /** The page size, 1 to 500; default 500, Flickr's largest, for the fewest calls. */
    public Builder perPage(int perPage) {
      if (perPage < 1 || perPage > Paging.MAX_PER_PAGE) {
        throw new IllegalArgumentException(
            "perPage must be 1 to " + Paging.MAX_PER_PAGE + ": " + perPage);
      }
      this.perPage = perPage;
      return this;
    }

    /** The most photos to deliver; default all. */
    public Builder limit(long limit) {
      if (limit < 1) throw new IllegalArgumentException("limit < 1: " + limit);
      this.limit = limit;
      return this;
    }

    /** Hears of the walk's progress; default none. */
    public Builder listener(Listener listener) {
      this.listener = listener;
      return this;
    }

    /**
     * Fetches the next page of a slice on {@code executor} while the consumer works through the
     * current one, as {@link Paging.Builder#prefetch(Executor)} does. Off (null) by default.
     */
    public Builder prefetch(Executor executor) {
      this.prefetch = executor;
      return this;
    }

    /** The results Flickr serves per query; {@value Paging#SEARCH_LIMIT}. For tests. */
    Builder cap(int cap) {
      if (cap < 2) throw new IllegalArgumentException("cap < 2: " + cap);
      this.cap = cap;
      return this;
    }

    /** Returns the walk. */
    public SearchAll build() {
      return new SearchAll(this);
    }
  }

  /**
   * A part of the query's results: uploaded in {@code [lo, hi]} (Unix seconds), or, with {@code
   * taken}, uploaded in the second {@code upload} and taken in {@code [lo, hi]} (seconds of the
   * camera's time read as UTC). {@code count} is its total as last measured or derived; {@code
   * mustSplit} marks a slice whose walk reached the cap; {@code unlimited} one walked again,
   * without the limit, because repeats left its first walk short of it.
   */
  private record Slice(
      boolean taken,
      long upload,
      long lo,
      long hi,
      long count,
      boolean mustSplit,
      boolean unlimited) {
    Slice(boolean taken, long upload, long lo, long hi, long count, boolean mustSplit) {
      this(taken, upload, lo, hi, count, mustSplit, false);
    }

    boolean splittable() {
      return taken ? lo < hi : lo <= hi;
    }
  }

  /** One walk: decides the slices, probes, walks them. One per iteration. */
  final class Walk implements Iterator<Photo>, AutoCloseable {
    private final boolean descending = query.sort() != SearchQuery.Sort.DATE_POSTED_ASC;
    private final long uploadFrom =
        query.minUploadDate() != null ? query.minUploadDate().getEpochSecond() : UPLOAD_FROM;
    private final long uploadTo =
        query.maxUploadDate() != null ? query.maxUploadDate().getEpochSecond() : UPLOAD_TO;
    private final long takenFrom =
        query.minTakenDate() != null
            ? query.minTakenDate().toEpochSecond(ZoneOffset.UTC)
            : TAKEN_FROM;
    private final long takenTo =
        query.maxTakenDate() != null
            ? query.maxTakenDate().toEpochSecond(ZoneOffset.UTC)
            : TAKEN_TO;
    private final int threshold = cap - Math.max(1, cap / 10);
    private final Deque<Slice> pending = new ArrayDeque<>();
    private final IdSet seen = new IdSet();

    private Slice slice; // the slice walked, or null
    private int sliceNumber;
    private Paging.Walk<Photo> pages;
    private boolean firstPage;
    private long sliceTotal; // the slice's total on its latest page
    private long sliceBase; // photos delivered before the slice
    private long callsBeforeSlice;
    private long sliceFetched; // items on the slice's pages so far
    private long sliceLimit; // the limit the slice's walk was given
    private Iterator<Photo> items = Collections.emptyIterator();
    private Photo next;
    private boolean ended;
    private boolean started;

    private long delivered;
    private int slicesDone;
    private long calls;
    private long probeCalls;
    private long duplicates;
    private long unreachable;

    @Override
    public boolean hasNext() {
      if (next != null) return true;
      if (ended) return false;
      if (!started) {
        started = true;
        // The query itself, walked as Paging.search walks it unless its first page says otherwise.
        startSlice(new Slice(false, 0, uploadFrom, uploadTo, -1, false));
      }
      while (true) {
        if (delivered >= limit) {
          end();
          return false;
        }
        if (items.hasNext()) {
          Photo photo = items.next();
          if (seen.add(photo.id())) {
            next = photo;
            return true;
          }
          duplicates++;
          continue;
        }
        if (pages != null) {
          nextPage();
          continue;
        }
        Slice s = pending.poll();
        if (s == null) {
          end();
          return false;
        }
        long remaining = limit - delivered;
        if (s.count() == 0 && !s.mustSplit()) continue; // derived empty: nothing to walk
        if (s.mustSplit() || (s.count() >= threshold && remaining > threshold)) {
          if (s.splittable()) {
            split(s);
            continue;
          }
        }
        startSlice(s);
      }
    }

    @Override
    public Photo next() {
      if (!hasNext()) throw new NoSuchElementException();
      Photo photo = next;
      next = null;
      delivered++;
      return photo;
    }

    private void startSlice(Slice s) {
      slice = s;
      sliceNumber++;
      firstPage = true;
      sliceTotal = Math.max(0, s.count());
      sliceBase = delivered;
      callsBeforeSlice = calls;
      sliceFetched = 0;
      sliceLimit = s.unlimited() ? Long.MAX_VALUE : limit - delivered;
      SearchQuery sliceQuery = query(s);
      Paging.Builder<Photo> builder =
          new Paging.Builder<Photo>(
              (page, size) -> {
                calls++;
                return photos.search(sliceQuery.withPage(page, size));
              });
      builder
          .searchLimit(cap)
          .perPage((int) Math.min(perPage, limit - delivered))
          .limit(sliceLimit) // so that a prefetch stops where Paging.search's would
          .prefetch(prefetch)
          .listener(
              new Paging.Listener() {
                @Override
                public void onPage(int page, int pageCount, long total) {}

                @Override
                public void onSearchLimit(int served, long total) {
                  // Seen at the slice's end from its latest total, which this is not told of
                  // when the cap falls on the last page.
                }
              });
      pages = new Paging.Walk<>(builder.build());
    }

    private void nextPage() {
      boolean more;
      Page<Photo> page = null;
      try {
        more = pages.hasNext();
        if (more) page = pages.next();
      } catch (PagingException e) {
        ended = true;
        String where =
            sliceNumber == 1 ? "slice 1 (the query as given)" : describe(slice, sliceNumber);
        throw new PagingException(where, e.page(), delivered, e.getCause());
      }
      if (!more) {
        endSlice();
        return;
      }
      sliceTotal = page.total();
      if (firstPage) {
        firstPage = false;
        boolean tooLarge = page.total() >= cap && limit - delivered > cap && slice.splittable();
        if (tooLarge) {
          // This page measured the slice: cut it instead of walking the first cap of it.
          Slice s = slice;
          probeCalls += calls - callsBeforeSlice; // this page, and a prefetched one if any
          pages.close();
          pages = null;
          slice = null;
          pending.push(new Slice(s.taken(), s.upload(), s.lo(), s.hi(), page.total(), true));
          progress(false);
          return;
        }
      }
      sliceFetched += page.items().size();
      items = page.items().iterator();
      progress(false);
    }

    private void endSlice() {
      Slice s = slice;
      pages = null;
      slice = null;
      if (sliceTotal > cap && s.splittable()) {
        // More than the cap (photos added while it was walked): cut it and walk its parts.
        pending.push(new Slice(s.taken(), s.upload(), s.lo(), s.hi(), sliceTotal, true));
        return;
      }
      if (sliceFetched >= sliceLimit
          && delivered < limit
          && sliceFetched < Math.min(sliceTotal, cap)) {
        // The walk stopped at the limit, but repeats (a changing index) left it short: again.
        pending.push(new Slice(s.taken(), s.upload(), s.lo(), s.hi(), sliceTotal, false, true));
        return;
      }
      if (sliceTotal > cap) unreachable += sliceTotal - cap;
      slicesDone++;
    }

    /** Halves {@code s}, probing the half walked first; both halves go on the stack. */
    private void split(Slice s) {
      if (!s.taken() && s.lo() == s.hi()) {
        // One upload second: cut by taken date instead.
        split(new Slice(true, s.lo(), takenFrom, takenTo, s.count(), s.mustSplit()));
        return;
      }
      long mid = s.lo() + (s.hi() - s.lo()) / 2;
      Slice older = new Slice(s.taken(), s.upload(), s.lo(), mid, -1, false);
      Slice newer = new Slice(s.taken(), s.upload(), mid + 1, s.hi(), -1, false);
      Slice first = descending ? newer : older;
      Slice second = descending ? older : newer;
      long firstCount = probe(first);
      long secondCount = Math.max(0, s.count() - firstCount);
      pending.push(
          new Slice(second.taken(), second.upload(), second.lo(), second.hi(), secondCount, false));
      pending.push(
          new Slice(first.taken(), first.upload(), first.lo(), first.hi(), firstCount, false));
      progress(false);
    }

    private long probe(Slice s) {
      calls++;
      probeCalls++;
      try {
        Response<PhotoPage> response = photos.search(query(s).withPage(1, 1)).execute();
        PhotoPage page = response.body();
        if (!response.isSuccessful() || page == null) {
          throw FlickrException.unexpected(
              null,
              response.code(),
              "HTTP " + response.code() + " for the probe of a slice",
              null,
              null);
        }
        return page.total();
      } catch (IOException e) {
        ended = true;
        throw new PagingException("probe of " + describe(s, sliceNumber + 1), 1, delivered, e);
      }
    }

    /** The query of slice {@code s}: the user's query with the slice's dates. */
    private SearchQuery query(Slice s) {
      SearchQuery.Builder b = query.newBuilder();
      if (!s.taken()) {
        b.minUploadDate(s.lo() == uploadFrom ? query.minUploadDate() : instant(s.lo()));
        b.maxUploadDate(s.hi() == uploadTo ? query.maxUploadDate() : instant(s.hi()));
      } else {
        b.minUploadDate(instant(s.upload())).maxUploadDate(instant(s.upload()));
        b.minTakenDate(s.lo() == takenFrom ? query.minTakenDate() : local(s.lo()));
        b.maxTakenDate(s.hi() == takenTo ? query.maxTakenDate() : local(s.hi()));
      }
      return b.build();
    }

    private void progress(boolean done) {
      if (listener == null) return;
      long estimate =
          slice == null ? delivered : sliceBase + Math.max(sliceTotal, delivered - sliceBase);
      for (Slice s : pending) estimate += Math.max(0, s.count());
      listener.onProgress(
          new Progress(
              delivered, estimate, slicesDone, calls, probeCalls, duplicates, unreachable, done));
    }

    private void end() {
      if (ended) return;
      ended = true;
      if (pages != null) pages.close();
      pages = null;
      progress(true);
    }

    /** Stops the walk and cancels a prefetch in flight. */
    @Override
    public void close() {
      ended = true;
      Paging.Walk<Photo> p = pages;
      if (p != null) p.close();
    }
  }

  private static Instant instant(long second) {
    return Instant.ofEpochSecond(second);
  }

  private static LocalDateTime local(long second) {
    return LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC);
  }

  static String describe(Slice s, int number) {
    return "slice "
        + number
        + (s.taken()
            ? " (uploaded "
                + instant(s.upload())
                + ", taken "
                + local(s.lo())
                + " to "
                + local(s.hi())
                + ")"
            : " (uploaded " + instant(s.lo()) + " to " + instant(s.hi()) + ")");
  }
}
