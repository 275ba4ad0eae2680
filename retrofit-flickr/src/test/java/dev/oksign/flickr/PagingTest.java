package dev.oksign.flickr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The paging helper: what it delivers, and exactly how many requests it makes for it. */
class PagingTest {
  @StartStop MockWebServer server = new MockWebServer();

  private Flickr flickr() {
    return Fixtures.direct(server).build();
  }

  private Paging.Builder<Photo> people(Flickr flickr) {
    return Paging.builder((page, perPage) -> flickr.people().getPhotos("me", null, page, perPage));
  }

  private static List<String> ids(int from, int to) {
    return IntStream.range(from, to).mapToObj(FakePhotoList::id).collect(Collectors.toList());
  }

  private int taken;

  /** The page and page size of each request made since the last call. */
  private List<String> requestedPages() throws InterruptedException {
    List<String> pages = new ArrayList<>();
    int count = server.getRequestCount();
    for (; taken < count; taken++) {
      RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
      pages.add(
          request.getUrl().queryParameter("page")
              + "x"
              + request.getUrl().queryParameter("per_page"));
    }
    return pages;
  }

  @ParameterizedTest
  @CsvSource({"0, 1", "1, 1", "500, 1", "501, 2", "1234, 3"})
  void walksEveryPhotoWithTheFewestRequests(int total, int requests) throws Exception {
    server.setDispatcher(new FakePhotoList(total));

    List<String> seen = people(flickr()).build().stream().map(Photo::id).toList();

    assertThat(seen).isEqualTo(ids(0, total));
    assertThat(server.getRequestCount()).isEqualTo(requests);
    assertThat(requestedPages())
        .isEqualTo(IntStream.rangeClosed(1, requests).mapToObj(p -> p + "x500").toList());
  }

  @Test
  void reportsProgressPageByPage() {
    server.setDispatcher(new FakePhotoList(1234));
    List<String> progress = new CopyOnWriteArrayList<>();

    Iterator<Photo> photos =
        people(flickr())
            .listener((page, pages, total) -> progress.add(page + "/" + pages + " of " + total))
            .build()
            .iterator();
    int count = 0;
    while (photos.hasNext()) {
      photos.next();
      count++;
    }

    assertThat(count).isEqualTo(1234);
    assertThat(progress).containsExactly("1/3 of 1234", "2/3 of 1234", "3/3 of 1234");
  }

  @Test
  void pagesCarryTheirMetadata() {
    server.setDispatcher(new FakePhotoList(1234));

    List<Page<Photo>> pages = people(flickr()).build().pages().toList();

    assertThat(pages).extracting(Page::page).containsExactly(1, 2, 3);
    assertThat(pages).extracting(Page::total).containsOnly(1234L);
    assertThat(pages).extracting(p -> p.items().size()).containsExactly(500, 500, 234);
  }

  @Test
  void emptyListIsOneEmptyPage() {
    server.setDispatcher(new FakePhotoList(0));

    List<Page<Photo>> pages = people(flickr()).build().pages().toList();

    assertThat(pages).hasSize(1);
    assertThat(pages.get(0).total()).isZero();
    assertThat(pages.get(0).items()).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void capBelowAPageShrinksThePage() throws Exception {
    server.setDispatcher(new FakePhotoList(1234));

    List<String> seen = people(flickr()).limit(10).build().stream().map(Photo::id).toList();

    assertThat(seen).isEqualTo(ids(0, 10));
    assertThat(requestedPages()).containsExactly("1x10");
  }

  @Test
  void capAcrossPagesStopsFetchingAtTheCap() throws Exception {
    server.setDispatcher(new FakePhotoList(1234));

    List<String> seen = people(flickr()).limit(700).build().stream().map(Photo::id).toList();

    assertThat(seen).isEqualTo(ids(0, 700));
    assertThat(requestedPages()).containsExactly("1x500", "2x500");
  }

  @Test
  void searchStopsAtFlickrsSearchLimitAndSaysSo() throws Exception {
    server.setDispatcher(new FakePhotoList(page -> 10_000, Paging.SEARCH_LIMIT));
    List<String> limits = new CopyOnWriteArrayList<>();
    SearchQuery query = SearchQuery.builder().text("seal").build();

    List<String> seen =
        Paging.search(flickr().photos(), query)
            .listener(
                new Paging.Listener() {
                  @Override
                  public void onPage(int page, int pages, long total) {}

                  @Override
                  public void onSearchLimit(int served, long total) {
                    limits.add(served + " of " + total);
                  }
                })
            .build()
            .stream()
            .map(Photo::id)
            .toList();

    assertThat(seen).isEqualTo(ids(0, 4000));
    assertThat(limits).containsExactly("4000 of 10000");
    assertThat(server.getRequestCount()).isEqualTo(8);
    RecordedRequest first = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(first.getUrl().queryParameter("text")).isEqualTo("seal");
    assertThat(first.getUrl().queryParameter("method")).isEqualTo("flickr.photos.search");
  }

  @Test
  void searchLimitCutsTheLastPageWhenPagesDoNotDivideIt() throws Exception {
    server.setDispatcher(new FakePhotoList(page -> 10_000, Paging.SEARCH_LIMIT));

    List<String> seen =
        Paging.search(flickr().photos(), SearchQuery.builder().text("seal").build())
            .perPage(300)
            .build()
            .stream()
            .map(Photo::id)
            .toList();

    assertThat(seen).isEqualTo(ids(0, 4000));
    assertThat(server.getRequestCount()).isEqualTo(14);
  }

  @Test
  void errorOnPageThreeSurfacesAfterPagesOneAndTwo() {
    server.setDispatcher(new FakePhotoList(1234).override(3, Fixtures.fail(2, "Unknown user")));
    List<String> delivered = new ArrayList<>();

    Iterator<Photo> photos = people(flickr()).build().iterator();
    assertThatThrownBy(
            () -> {
              while (photos.hasNext()) delivered.add(photos.next().id());
            })
        .isInstanceOfSatisfying(
            PagingException.class,
            e -> {
              assertThat(e.page()).isEqualTo(3);
              assertThat(e.itemsDelivered()).isEqualTo(1000);
              assertThat(e)
                  .hasMessage(
                      "page 3 failed after 1000 items delivered (pages 1 to 2):"
                          + " flickr.people.getPhotos failed: 2 Unknown user");
            })
        .cause()
        .isInstanceOf(FlickrException.class)
        .hasMessage("flickr.people.getPhotos failed: 2 Unknown user");

    assertThat(delivered).isEqualTo(ids(0, 1000));
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(photos.hasNext()).isFalse();
  }

  @Test
  void abandonedStreamMakesNoFurtherRequest() throws Exception {
    server.setDispatcher(new FakePhotoList(1234));

    try (Stream<Photo> stream = people(flickr()).build().stream()) {
      assertThat(stream.limit(3).map(Photo::id).toList()).isEqualTo(ids(0, 3));
    }

    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void prefetchFetchesExactlyOnePageAhead() throws Exception {
    server.setDispatcher(new FakePhotoList(1234));
    Paging<Photo> paging = people(flickr()).prefetch(Runnable::run).build();

    try (Stream<Photo> stream = paging.stream()) {
      assertThat(stream.limit(3).count()).isEqualTo(3);
    }
    assertThat(requestedPages()).containsExactly("1x500", "2x500");

    assertThat(paging.stream().count()).isEqualTo(1234);
    assertThat(requestedPages()).containsExactly("1x500", "2x500", "3x500");
  }

  @Test
  void closingTheStreamCancelsAPrefetchNotYetRun() throws Exception {
    server.setDispatcher(new FakePhotoList(1234));
    List<Runnable> queued = new ArrayList<>();

    try (Stream<Photo> stream = people(flickr()).prefetch(queued::add).build().stream()) {
      assertThat(stream.limit(3).count()).isEqualTo(3);
    }
    assertThat(queued).hasSize(1);
    queued.get(0).run();

    assertThat(requestedPages()).containsExactly("1x500");
  }

  @Test
  void prefetchOnAnotherThreadKeepsOrder() throws Exception {
    server.setDispatcher(new FakePhotoList(1234));
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      List<String> seen =
          people(flickr()).prefetch(executor).build().stream().map(Photo::id).toList();

      assertThat(seen).isEqualTo(ids(0, 1234));
      assertThat(server.getRequestCount()).isEqualTo(3);
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void prefetchErrorSurfacesWhenItsPageIsNeeded() {
    server.setDispatcher(new FakePhotoList(1234).override(2, Fixtures.fail(2, "Unknown user")));
    List<String> delivered = new ArrayList<>();

    Iterator<Photo> photos = people(flickr()).prefetch(Runnable::run).build().iterator();
    assertThatThrownBy(
            () -> {
              while (photos.hasNext()) delivered.add(photos.next().id());
            })
        .isInstanceOf(UncheckedIOException.class)
        .cause()
        .isInstanceOf(FlickrException.class);

    assertThat(delivered).isEqualTo(ids(0, 500));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void shrinkingListStopsAtTheNewLastPage() throws Exception {
    server.setDispatcher(new FakePhotoList(page -> page == 1 ? 1234 : 600, Integer.MAX_VALUE));

    List<String> seen = people(flickr()).build().stream().map(Photo::id).toList();

    assertThat(seen).isEqualTo(ids(0, 600));
    assertThat(requestedPages()).containsExactly("1x500", "2x500");
  }

  @Test
  void growingListIsFollowedToItsNewLastPage() throws Exception {
    server.setDispatcher(new FakePhotoList(page -> page == 1 ? 501 : 1100, Integer.MAX_VALUE));

    List<String> seen = people(flickr()).build().stream().map(Photo::id).toList();

    assertThat(seen).isEqualTo(ids(0, 1100));
    assertThat(requestedPages()).containsExactly("1x500", "2x500", "3x500");
  }

  @Test
  void emptyPageBeforeTheReportedEndStopsTheWalk() throws Exception {
    server.setDispatcher(
        new FakePhotoList(1234)
            .override(
                2,
                Fixtures.body(
                    "{\"photos\":{\"page\":2,\"pages\":3,\"perpage\":500,\"total\":\"1234\",\"photo\":[]},\"stat\":\"ok\"}")));

    assertThat(people(flickr()).build().stream().count()).isEqualTo(500);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void eachStreamWalksAfresh() {
    server.setDispatcher(new FakePhotoList(501));
    Paging<Photo> paging = people(flickr()).build();

    assertThat(paging.stream().count()).isEqualTo(501);
    assertThat(paging.stream().count()).isEqualTo(501);
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void pagesOfAPhotosetKeepTheSetsFields() {
    server.setDispatcher(
        new mockwebserver3.Dispatcher() {
          @Override
          public mockwebserver3.MockResponse dispatch(RecordedRequest request) {
            return Fixtures.ok("photosets.getPhotos.json");
          }
        });
    Flickr flickr = flickr();

    List<Page<Photo>> pages =
        Paging.builder(
                (page, perPage) ->
                    flickr.photosets().getPhotos("72157624618609504", null, page, perPage))
            .build()
            .pages()
            .toList();

    assertThat(pages).hasSize(1);
    assertThat(pages.get(0)).isInstanceOf(PhotosetPage.class);
    assertThat(((PhotosetPage) pages.get(0)).title()).isEqualTo("Brighton");
  }

  @Test
  void pagesAnyPagedListSuchAsPhotosets() throws Exception {
    server.setDispatcher(
        new mockwebserver3.Dispatcher() {
          @Override
          public mockwebserver3.MockResponse dispatch(RecordedRequest request) {
            String page = request.getUrl().queryParameter("page");
            return Fixtures.body(
                "{\"photosets\":{\"page\":\""
                    + page
                    + "\",\"pages\":\"2\",\"perpage\":\"1\",\"total\":\"2\",\"photoset\":[{\"id\":\"set"
                    + page
                    + "\",\"title\":{\"_content\":\"Set "
                    + page
                    + "\"}}]},\"stat\":\"ok\"}");
          }
        });
    Flickr flickr = flickr();

    List<String> titles =
        Paging.builder((page, perPage) -> flickr.photosets().getList("me", page, perPage))
            .perPage(1)
            .build()
            .stream()
            .map(Photoset::title)
            .toList();

    assertThat(titles).containsExactly("Set 1", "Set 2");
    assertThat(requestedPages()).containsExactly("1x1", "2x1");
  }

  @Test
  void builderRefusesBadSizes() {
    Paging.Builder<Photo> builder = people(flickr());
    assertThatThrownBy(() -> builder.perPage(501)).hasMessage("perPage must be 1 to 500: 501");
    assertThatThrownBy(() -> builder.perPage(0)).hasMessage("perPage must be 1 to 500: 0");
    assertThatThrownBy(() -> builder.limit(0)).hasMessage("limit < 1: 0");
  }
}
