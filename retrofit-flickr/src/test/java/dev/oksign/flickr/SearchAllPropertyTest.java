package dev.oksign.flickr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * {@link SearchAll} over random indexes of an in-memory model of Flickr's search: every photo once,
 * in upload order, with no more probing calls than the stated bound. A small cap (Flickr's is
 * 4,000) makes the same shapes cheap: thousands of photos need several levels of cutting.
 */
class SearchAllPropertyTest {
  /**
   * The halvings from the widest slices to single seconds: 32 for upload dates (0 to 2^32 - 1), 34
   * for taken dates (1800 to 2100, under 2^34 seconds).
   */
  static final int DEPTH = 32 + 34;

  /** The bound of the Javadoc of SearchAll: the first page, then one probe per halving. */
  static long probeBound(long n, int cap) {
    int threshold = cap - Math.max(1, cap / 10);
    return 1 + DEPTH * (n / threshold);
  }

  /**
   * An index: a background spread over {@code span} seconds, and bursts uploaded in one second
   * (some of them taken in few distinct seconds), from {@code seed}.
   */
  static List<InMemorySearch.Item> index(
      long seed, int background, long span, int bursts, int burstSize, int takenSeconds) {
    Random random = new Random(seed);
    List<InMemorySearch.Item> items = new ArrayList<>();
    long base = 1_000_000_000L + random.nextInt(500_000_000);
    long id = 1_000_000;
    for (int i = 0; i < background; i++) {
      long upload = base + (long) (random.nextDouble() * span);
      long taken = upload - random.nextInt(86_400 * 30) + 3_600L * random.nextInt(24);
      items.add(new InMemorySearch.Item(id += 1 + random.nextInt(3), upload, taken));
    }
    for (int b = 0; b < bursts; b++) {
      long second = base + (long) (random.nextDouble() * span);
      long takenBase = second - (long) (random.nextDouble() * 3e9);
      for (int i = 0; i < burstSize; i++) {
        long taken =
            takenSeconds > 0
                ? takenBase + random.nextInt(takenSeconds)
                : takenBase + (long) (random.nextDouble() * 1e8);
        items.add(new InMemorySearch.Item(id += 1 + random.nextInt(3), second, taken));
      }
    }
    return items;
  }

  @Property(tries = 150)
  void deliversEveryPhotoOnceInUploadOrderWithBoundedProbes(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 2_500) int background,
      @ForAll @LongRange(min = 1, max = 2_000_000_000L) long span,
      @ForAll @IntRange(min = 0, max = 3) int bursts,
      @ForAll @IntRange(min = 1, max = 400) int burstSize,
      @ForAll @IntRange(min = 0, max = 500) int takenSeconds,
      @ForAll @IntRange(min = 10, max = 150) int cap,
      @ForAll @IntRange(min = 1, max = 200) int perPage,
      @ForAll boolean ascending,
      @ForAll boolean prefetch,
      @ForAll @IntRange(min = 0, max = 3_000) int limitOrNone) {
    List<InMemorySearch.Item> items =
        index(seed, background, span, bursts, burstSize, takenSeconds);
    InMemorySearch flickr = new InMemorySearch(items, cap);
    SearchQuery.Builder query = SearchQuery.builder().text("seal");
    if (ascending) query.sort(SearchQuery.Sort.DATE_POSTED_ASC);
    AtomicReference<SearchAll.Progress> last = new AtomicReference<>();

    List<String> seen = new ArrayList<>();
    SearchAll.Builder walk =
        Paging.searchAll(flickr, query.build())
            .cap(cap)
            .perPage(Math.min(perPage, Paging.MAX_PER_PAGE))
            .listener(last::set);
    if (prefetch) walk.prefetch(Runnable::run);
    if (limitOrNone > 0) walk.limit(limitOrNone);
    walk.build().forEach(photo -> seen.add(photo.id()));

    // Photos beyond the cap in one upload second and one taken second cannot be reached.
    Map<List<Long>, Integer> sameSeconds = new HashMap<>();
    for (InMemorySearch.Item i : items) {
      sameSeconds.merge(List.of(i.upload(), i.taken()), 1, Integer::sum);
    }
    long unreachable = 0;
    for (int n : sameSeconds.values()) unreachable += Math.max(0, n - cap);
    Set<String> all = new HashSet<>();
    Map<String, Long> uploadOf = new HashMap<>();
    for (InMemorySearch.Item i : items) {
      all.add(Long.toString(i.id()));
      uploadOf.put(Long.toString(i.id()), i.upload());
    }

    assertThat(new HashSet<>(seen)).hasSameSizeAs(seen); // once
    assertThat(all).containsAll(seen); // nothing else
    int reachable = items.size() - (int) unreachable;
    if (limitOrNone > 0 && limitOrNone < reachable) {
      assertThat(seen).hasSize(limitOrNone);
    } else {
      assertThat(seen).hasSize(reachable); // all that can be reached
      if (unreachable == 0) assertThat(new HashSet<>(seen)).isEqualTo(all);
      assertThat(last.get().unreachable()).isEqualTo(unreachable);
    }
    for (int k = 1; k < seen.size(); k++) {
      long before = uploadOf.get(seen.get(k - 1));
      long after = uploadOf.get(seen.get(k));
      if (ascending) assertThat(after).isGreaterThanOrEqualTo(before);
      else assertThat(after).isLessThanOrEqualTo(before);
    }

    SearchAll.Progress progress = last.get();
    assertThat(progress.done()).isTrue();
    assertThat(progress.delivered()).isEqualTo(seen.size());
    assertThat(progress.duplicates()).isZero(); // a still index, disjoint slices
    assertThat(progress.calls()).isEqualTo(flickr.requests.size());
    // With prefetch, the page after a first page too large to walk is fetched for nothing.
    assertThat(progress.probeCalls())
        .isLessThanOrEqualTo(probeBound(items.size(), cap) + (prefetch ? 1 : 0));
    int effectivePerPage = Math.min(perPage, Paging.MAX_PER_PAGE);
    if (items.size() < cap && limitOrNone == 0 && !prefetch) {
      // Under the cap: the calls of Paging.search, no probe.
      assertThat(progress.probeCalls()).isZero();
      assertThat(progress.calls())
          .isEqualTo(Math.max(1, (items.size() + effectivePerPage - 1) / effectivePerPage));
    }
  }
}
