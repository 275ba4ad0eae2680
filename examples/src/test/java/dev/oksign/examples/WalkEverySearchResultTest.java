package dev.oksign.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oksign.flickr.Flickr;
import dev.oksign.flickr.Paging;
import dev.oksign.flickr.Photo;
import dev.oksign.flickr.SearchAll;
import dev.oksign.flickr.SearchQuery;
import dev.oksign.testing.FakeFlickr;
import dev.oksign.testing.FakeFlickrData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code Paging.searchAll} against FakeFlickr over loopback: the 25,000 photos of the seal corpus,
 * with its burst of a day and its 4,500 photos uploaded in one second, checked against the fake's
 * own data.
 */
class WalkEverySearchResultTest {
  private static FakeFlickr fake;

  @BeforeAll
  static void start() throws Exception {
    fake = FakeFlickr.builder().build();
    fake.start();
  }

  @AfterAll
  static void stop() {
    fake.close();
  }

  private static Flickr flickr() {
    return Flickr.builder()
        .clientCredentials(fake.clientCredentials())
        .restBaseUrl(fake.restBaseUrl())
        .build();
  }

  @Test
  void deliversEverySealPhotoOnceThroughEveryLevelOfCutting() {
    List<FakeFlickrData.Photo> expected =
        fake.data().search(FakeFlickrData.SEAL_TEXT, null, null, null);
    long second = Instant.parse("2021-03-14T15:09:26Z").getEpochSecond();
    List<FakeFlickrData.Photo> sameSecond =
        fake.data()
            .search(
                FakeFlickrData.SEAL_TEXT,
                null,
                null,
                null,
                Map.of(
                    "min_upload_date", Long.toString(second),
                    "max_upload_date", Long.toString(second)));
    List<SearchAll.Progress> progress = new ArrayList<>();
    int before = fake.requestCount();

    List<Photo> seen = new ArrayList<>();
    Paging.searchAll(flickr().photos(), SearchQuery.builder().text("seal").build())
        .listener(progress::add)
        .build()
        .forEach(seen::add);

    Set<String> ids = new HashSet<>();
    for (Photo p : seen) ids.add(p.id());
    Set<String> expectedIds = new HashSet<>();
    for (FakeFlickrData.Photo p : expected) expectedIds.add(p.id());
    assertThat(expected).hasSize(FakeFlickrData.SEAL_PHOTOS);
    assertThat(seen).hasSize(25_000);
    assertThat(ids).isEqualTo(expectedIds);
    assertThat(sameSecond).hasSizeGreaterThan(4_000);
    for (FakeFlickrData.Photo p : sameSecond) assertThat(ids).contains(p.id());

    SearchAll.Progress last = progress.get(progress.size() - 1);
    assertThat(last.done()).isTrue();
    assertThat(last.delivered()).isEqualTo(25_000);
    assertThat(last.estimatedTotal()).isEqualTo(25_000);
    assertThat(last.duplicates()).isZero();
    assertThat(last.unreachable()).isZero();
    assertThat(last.calls()).isEqualTo(fake.requestCount() - before);
    // The bound of SearchAll's Javadoc: 1 + 66 * floor(25,000 / 3,600) = 397.
    assertThat(last.probeCalls()).isLessThanOrEqualTo(397);
    // What it costs in practice (SearchAll's Javadoc: 51 probing calls, 72 pages, 31 slices): a
    // probe or two a slice, next to 50 full pages at least.
    assertThat(last.probeCalls()).isLessThanOrEqualTo(2L * last.slicesDone());
    assertThat(last.calls() - last.probeCalls()).isBetween(50L, 50L + last.slicesDone());
  }

  @Test
  void theReadmeSnippetWalksAWordUnderTheCapWithTheCallsOfPagingSearch() {
    int before = fake.requestCount();
    List<String> ids =
        WalkEverySearchResult.photoIds(
            fake.restBaseUrl(), new OkHttpClient(), fake.clientCredentials(), "harbour");
    assertThat(ids)
        .isEqualTo(
            fake.data().search("harbour", null, null, null).stream()
                .map(FakeFlickrData.Photo::id)
                .toList());
    assertThat(fake.requestCount() - before).isEqualTo(2); // pages of 500 and 1
  }
}
