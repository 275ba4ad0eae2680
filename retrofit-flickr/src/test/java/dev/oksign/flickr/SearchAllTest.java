package dev.oksign.flickr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@link SearchAll} in the cases a property does not pin: calls, errors, limits, a live index. */
class SearchAllTest {
  private static final SearchQuery SEALS = SearchQuery.builder().text("seal").build();

  /** {@code n} photos, one a minute from 2020, ids in upload order. */
  private static List<InMemorySearch.Item> steady(int n) {
    List<InMemorySearch.Item> items = new ArrayList<>();
    long start = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond();
    for (int i = 0; i < n; i++) items.add(new InMemorySearch.Item(1_000 + i, start + 60L * i, 0));
    return items;
  }

  private static List<String> ids(Iterable<Photo> photos) {
    List<String> ids = new ArrayList<>();
    for (Photo p : photos) ids.add(p.id());
    return ids;
  }

  private static List<String> newestFirst(int n) {
    List<String> ids = new ArrayList<>();
    for (int i = n - 1; i >= 0; i--) ids.add(Long.toString(1_000 + i));
    return ids;
  }

  @Test
  void underTheCapMakesExactlyTheCallsOfPagingSearch() {
    InMemorySearch viaSearch = new InMemorySearch(steady(3_999), 4_000);
    InMemorySearch viaSearchAll = new InMemorySearch(steady(3_999), 4_000);

    List<String> expected = ids(Paging.search(viaSearch, SEALS).build());
    List<String> seen = ids(Paging.searchAll(viaSearchAll, SEALS).build());

    assertThat(seen).isEqualTo(expected).hasSize(3_999);
    assertThat(viaSearchAll.requests).isEqualTo(viaSearch.requests).hasSize(8);
  }

  @Test
  void underTheCapWithALimitAndPrefetchMakesExactlyTheCallsOfPagingSearch() {
    InMemorySearch viaSearch = new InMemorySearch(steady(3_999), 4_000);
    InMemorySearch viaSearchAll = new InMemorySearch(steady(3_999), 4_000);

    List<String> expected =
        ids(Paging.search(viaSearch, SEALS).limit(1_100).prefetch(Runnable::run).build());
    List<String> seen =
        ids(Paging.searchAll(viaSearchAll, SEALS).limit(1_100).prefetch(Runnable::run).build());

    assertThat(seen).isEqualTo(expected).hasSize(1_100);
    assertThat(viaSearchAll.requests).isEqualTo(viaSearch.requests).hasSize(3);
  }

  @Test
  void repeatsThatLeaveALimitedWalkShortAreMadeUpFor() {
    InMemorySearch flickr = new InMemorySearch(steady(1_000), 4_000);
    long[] nextId = {100_000};
    long newest = steady(1_000).get(999).upload();
    // From the second call on, 50 newer photos before each: every page repeats 50 of the last.
    flickr.beforeCall =
        n -> {
          if (n < 2) return;
          for (int i = 0; i < 50; i++) {
            flickr.add(new InMemorySearch.Item(nextId[0]++, newest + nextId[0], 0));
          }
        };
    List<SearchAll.Progress> progress = new ArrayList<>();

    List<String> seen =
        ids(
            Paging.searchAll(flickr, SEALS)
                .perPage(100)
                .limit(900)
                .listener(progress::add)
                .build());

    assertThat(seen).hasSize(900).doesNotHaveDuplicates();
    assertThat(progress.get(progress.size() - 1).duplicates()).isPositive();
  }

  @Test
  void pastTheCapCutsByUploadDateAndSaysWhatProbingCost() {
    InMemorySearch flickr = new InMemorySearch(steady(10_000), 4_000);
    List<SearchAll.Progress> progress = new ArrayList<>();

    List<String> seen = ids(Paging.searchAll(flickr, SEALS).listener(progress::add).build());

    assertThat(seen).isEqualTo(newestFirst(10_000));
    SearchAll.Progress last = progress.get(progress.size() - 1);
    assertThat(last.done()).isTrue();
    assertThat(last.delivered()).isEqualTo(10_000);
    assertThat(last.estimatedTotal()).isEqualTo(10_000);
    assertThat(last.calls()).isEqualTo(flickr.requests.size());
    // The first page (total 10,000), then a probe per halving; every slice walked is under 3,600.
    assertThat(last.probeCalls()).isEqualTo(1 + flickr.probes());
    assertThat(last.calls() - last.probeCalls()).isBetween(20L, 26L); // pages of 500
    assertThat(last.probeCalls())
        .isLessThanOrEqualTo(SearchAllPropertyTest.probeBound(10_000, 4_000));
    // The estimate is the search's size from the first probe on.
    assertThat(progress.get(1).estimatedTotal()).isEqualTo(10_000);
    for (Map<String, String> r : flickr.requests.subList(1, flickr.requests.size())) {
      assertThat(r.containsKey("min_upload_date") || r.containsKey("max_upload_date")).isTrue();
    }
  }

  @Test
  void oldestFirstWhenTheQueryAsksForIt() {
    InMemorySearch flickr = new InMemorySearch(steady(9_000), 4_000);
    SearchQuery oldestFirst = SEALS.newBuilder().sort(SearchQuery.Sort.DATE_POSTED_ASC).build();

    List<String> seen = ids(Paging.searchAll(flickr, oldestFirst).build());

    List<String> expected = new ArrayList<>(newestFirst(9_000));
    java.util.Collections.reverse(expected);
    assertThat(seen).isEqualTo(expected);
  }

  @Test
  void keepsTheQuerysOwnDateBounds() {
    InMemorySearch flickr = new InMemorySearch(steady(10_000), 4_000);
    Instant from = Instant.parse("2020-01-01T00:00:00Z").plusSeconds(60L * 1_000);
    Instant to = Instant.parse("2020-01-01T00:00:00Z").plusSeconds(60L * 8_999);
    SearchQuery bounded = SEALS.newBuilder().minUploadDate(from).maxUploadDate(to).build();

    List<String> seen = ids(Paging.searchAll(flickr, bounded).build());

    assertThat(seen).isEqualTo(newestFirst(9_000).subList(0, 8_000));
    for (Map<String, String> r : flickr.requests) {
      assertThat(Long.parseLong(r.get("min_upload_date")))
          .isGreaterThanOrEqualTo(from.getEpochSecond());
      assertThat(Long.parseLong(r.get("max_upload_date"))).isLessThanOrEqualTo(to.getEpochSecond());
    }
  }

  @Test
  void aLimitUnderTheCapIsServedFromTheFirstSliceWithoutProbing() {
    InMemorySearch flickr = new InMemorySearch(steady(10_000), 4_000);

    List<String> seen = ids(Paging.searchAll(flickr, SEALS).limit(1_200).build());

    assertThat(seen).isEqualTo(newestFirst(10_000).subList(0, 1_200));
    assertThat(flickr.requests).hasSize(3);
    assertThat(flickr.probes()).isZero();
  }

  @Test
  void aLimitPastTheCapStopsMidSlice() {
    InMemorySearch flickr = new InMemorySearch(steady(10_000), 4_000);

    try (Stream<Photo> photos = Paging.searchAll(flickr, SEALS).limit(5_555).build().stream()) {
      assertThat(photos.map(Photo::id).toList()).isEqualTo(newestFirst(10_000).subList(0, 5_555));
    }
    int calls = flickr.requests.size();
    int lastPerPage = Integer.parseInt(flickr.requests.get(calls - 1).get("per_page"));
    assertThat(lastPerPage).isGreaterThan(1); // the walk ended on a page, not on a probe
  }

  @Test
  void anErrorOnASliceComesAfterEverythingBeforeIt() {
    InMemorySearch flickr = new InMemorySearch(steady(10_000), 4_000);
    List<String> delivered = new ArrayList<>();
    // Fail the first page of the second slice walked: find it by a dry run.
    InMemorySearch dry = new InMemorySearch(steady(10_000), 4_000);
    ids(Paging.searchAll(dry, SEALS).build());
    int firstSliceEnd = -1;
    String firstMin = null;
    for (int k = 0; k < dry.requests.size(); k++) {
      Map<String, String> r = dry.requests.get(k);
      if (!"1".equals(r.get("per_page")) && k > 0) {
        if (firstMin == null) firstMin = r.get("min_upload_date");
        else if (!r.get("min_upload_date").equals(firstMin)) {
          firstSliceEnd = k + 1; // call number of the second slice's first page
          break;
        }
      }
    }
    int failing = firstSliceEnd;
    flickr.failure = n -> n == failing ? new IOException("connection reset") : null;

    Iterator<Photo> photos = Paging.searchAll(flickr, SEALS).build().iterator();
    assertThatThrownBy(
            () -> {
              while (photos.hasNext()) delivered.add(photos.next().id());
            })
        .isInstanceOfSatisfying(
            PagingException.class,
            e -> {
              assertThat(e.page()).isEqualTo(1);
              assertThat(e.itemsDelivered()).isEqualTo(delivered.size());
              assertThat(e.getMessage())
                  .startsWith("slice 3 (uploaded ")
                  .endsWith(
                      ": page 1 failed after "
                          + delivered.size()
                          + " items delivered: connection reset");
            })
        .hasCauseInstanceOf(IOException.class);
    assertThat(delivered).isNotEmpty().isEqualTo(newestFirst(10_000).subList(0, delivered.size()));
    assertThat(photos.hasNext()).isFalse();
  }

  @Test
  void aFailedProbeIsThrownToo() {
    InMemorySearch flickr = new InMemorySearch(steady(10_000), 4_000);
    flickr.failure = n -> n == 2 ? new IOException("timeout") : null;

    assertThatThrownBy(() -> ids(Paging.searchAll(flickr, SEALS).build()))
        .isInstanceOf(PagingException.class)
        .hasMessageStartingWith("probe of slice ")
        .hasMessageEndingWith("failed after 0 items delivered: timeout");
  }

  @Test
  void photosAddedMidWalkAreDeliveredOnceAndASliceThatOutgrowsTheCapIsCutAgain() {
    List<InMemorySearch.Item> items = steady(10_000);
    InMemorySearch flickr = new InMemorySearch(items, 4_000);
    long lastUpload = items.get(items.size() - 1).upload();
    // Before every call from the 3rd, 60 photos more land in the newest slice: its walk shifts
    // (repeats) and its total passes the cap while it is walked.
    long[] nextId = {100_000};
    flickr.beforeCall =
        n -> {
          if (n < 3) return;
          for (int i = 0; i < 60; i++) {
            flickr.add(new InMemorySearch.Item(nextId[0]++, lastUpload - i, 0));
          }
        };
    List<SearchAll.Progress> progress = new ArrayList<>();

    List<String> seen = ids(Paging.searchAll(flickr, SEALS).listener(progress::add).build());

    assertThat(new HashSet<>(seen)).hasSameSizeAs(seen);
    assertThat(seen).containsAll(newestFirst(10_000));
    SearchAll.Progress last = progress.get(progress.size() - 1);
    assertThat(last.duplicates()).isPositive();
    assertThat(last.unreachable()).isZero();
  }

  @Test
  void moreThanTheCapInOneSecondIsCutByTakenDate() {
    List<InMemorySearch.Item> items = new ArrayList<>();
    long second = Instant.parse("2021-03-14T15:09:26Z").getEpochSecond();
    long taken = Instant.parse("1965-01-01T00:00:00Z").getEpochSecond();
    for (int i = 0; i < 9_000; i++)
      items.add(new InMemorySearch.Item(5_000 + i, second, taken + 3_600L * i));
    InMemorySearch flickr = new InMemorySearch(items, 4_000);

    List<String> seen = ids(Paging.searchAll(flickr, SEALS).build());

    assertThat(new HashSet<>(seen)).hasSize(9_000);
    assertThat(flickr.requests.get(flickr.requests.size() - 1))
        .containsEntry("min_upload_date", Long.toString(second))
        .containsEntry("max_upload_date", Long.toString(second))
        .containsKey("min_taken_date");
  }

  @Test
  void refusesOrdersItCannotKeepAndDatesItWouldOverwrite() {
    InMemorySearch flickr = new InMemorySearch(List.of(), 4_000);
    assertThatThrownBy(
            () ->
                Paging.searchAll(
                    flickr, SEALS.newBuilder().sort(SearchQuery.Sort.RELEVANCE).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sort must be DATE_POSTED_DESC");
    assertThatThrownBy(
            () ->
                Paging.searchAll(
                    flickr, SEALS.newBuilder().parameter("min_upload_date", "0").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minUploadDate");
  }

  @Test
  void fetchesNothingUntilAskedAndAtMostOnePageAheadWithPrefetch() {
    InMemorySearch flickr = new InMemorySearch(steady(10_000), 4_000);
    SearchAll all = Paging.searchAll(flickr, SEALS).prefetch(Runnable::run).build();
    Iterator<Photo> photos = all.iterator();
    assertThat(flickr.requests).isEmpty();

    for (int i = 0; i < 501; i++) photos.next();

    // The first page (10,000: too many) and the page after it, prefetched before that was known;
    // the probes; the first slice's pages 1 and 2, and page 3 ahead.
    int probes = flickr.probes();
    assertThat(flickr.requests).hasSize(2 + probes + 3);
    assertThat(flickr.requests.get(1))
        .isEqualTo(Map.of("text", "seal", "page", "2", "per_page", "500"));
    assertThat(flickr.requests.get(flickr.requests.size() - 1)).containsEntry("page", "3");
  }
}
