package dev.oksign.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The search corpus past Flickr's cap, and the date filters and orders a walk of it needs: as
 * Flickr documents them for flickr.photos.search (both date bounds inclusive, Unix timestamps or
 * MySQL datetimes; sort date-posted-desc by default).
 */
class FakeFlickrSearchTest {
  private static final FakeFlickrData DATA = FakeFlickrData.generate();
  private static FakeFlickr fake;
  private static final OkHttpClient CLIENT = new OkHttpClient();

  @BeforeAll
  static void startFake() throws IOException {
    fake = FakeFlickr.builder().data(DATA).build();
    fake.start();
  }

  @AfterAll
  static void stopFake() throws IOException {
    fake.close();
  }

  private static List<FakeFlickrData.Photo> seals(Map<String, String> filters) {
    return DATA.search(FakeFlickrData.SEAL_TEXT, null, null, null, filters);
  }

  @Test
  void theSealCorpusNeedsSplittingByUploadDayAndByTakenDateWithinOneSecond() {
    List<FakeFlickrData.Photo> all = seals(Map.of());
    assertThat(all).hasSize(25_000);
    assertThat(new HashSet<>(all.stream().map(FakeFlickrData.Photo::id).toList())).hasSize(25_000);

    long day = Instant.parse("2019-06-01T00:00:00Z").getEpochSecond();
    List<FakeFlickrData.Photo> oneDay =
        seals(
            Map.of(
                "min_upload_date", Long.toString(day),
                "max_upload_date", Long.toString(day + 86_399)));
    assertThat(oneDay.size()).isGreaterThan(6_000); // the burst and a few of the background

    long second = Instant.parse("2021-03-14T15:09:26Z").getEpochSecond();
    String s = Long.toString(second);
    List<FakeFlickrData.Photo> oneSecond =
        seals(Map.of("min_upload_date", s, "max_upload_date", s));
    assertThat(oneSecond).hasSizeGreaterThanOrEqualTo(4_500);
    Set<LocalDateTime> taken = new HashSet<>();
    for (FakeFlickrData.Photo p : oneSecond) taken.add(p.dateTaken());
    assertThat(taken.size()).isGreaterThan(4_000); // so the taken date splits them
  }

  @Test
  void theGeneralCorpusSearchesAreUnchanged() {
    // The offline demo prints this count; the seal corpus shares no word with the general one.
    assertThat(DATA.search("harbour", null, null, null)).hasSize(501);
    assertThat(DATA.search(FakeFlickrData.CORPUS_TAG, null, null, null)).hasSize(6_000);
    assertThat(DATA.search("harbour", null, null, null))
        .isEqualTo(
            reversed(DATA.photos()).stream().filter(p -> p.tags().contains("harbour")).toList());
  }

  @Test
  void uploadDateBoundsAreInclusiveInEitherForm() {
    FakeFlickrData.Photo p = DATA.search("harbour", null, null, null).get(200);
    String at = Long.toString(p.dateUpload());
    assertThat(
            DATA.search(
                "harbour", null, null, null, Map.of("min_upload_date", at, "max_upload_date", at)))
        .containsExactly(p);
    String mysql =
        LocalDateTime.ofEpochSecond(p.dateUpload(), 0, ZoneOffset.UTC).toString().replace('T', ' ');
    assertThat(
            DATA.search(
                "harbour",
                null,
                null,
                null,
                Map.of("min_upload_date", mysql, "max_upload_date", mysql)))
        .containsExactly(p);
    String after = Long.toString(p.dateUpload() + 1);
    assertThat(DATA.search("harbour", null, null, null, Map.of("min_upload_date", after)))
        .hasSize(200) // the newer ones, newest first
        .doesNotContain(p);
  }

  @Test
  void takenDateBoundsAreInclusiveMySqlDatetimes() {
    FakeFlickrData.Photo p = DATA.search("lighthouse", null, null, null).get(7);
    String at = p.dateTaken().toString().replace('T', ' ');
    assertThat(at).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
    assertThat(
            DATA.search(
                "lighthouse", null, null, null, Map.of("min_taken_date", at, "max_taken_date", at)))
        .contains(p)
        .allMatch(q -> q.dateTaken().equals(p.dateTaken()));
  }

  @Test
  void sortsByUploadOrTakenDateEitherWay() {
    List<FakeFlickrData.Photo> desc = DATA.search("tram", null, null, null);
    assertThat(DATA.search("tram", null, null, null, Map.of("sort", "date-posted-desc")))
        .isEqualTo(desc);
    assertThat(DATA.search("tram", null, null, null, Map.of("sort", "date-posted-asc")))
        .isEqualTo(reversed(desc));
    List<FakeFlickrData.Photo> takenAsc =
        DATA.search("tram", null, null, null, Map.of("sort", "date-taken-asc"));
    assertThat(takenAsc).hasSameElementsAs(desc);
    for (int i = 1; i < takenAsc.size(); i++) {
      assertThat(takenAsc.get(i).dateTaken()).isAfterOrEqualTo(takenAsc.get(i - 1).dateTaken());
    }
    assertThat(DATA.search("tram", null, null, null, Map.of("sort", "date-taken-desc")))
        .isEqualTo(reversed(takenAsc));
  }

  @Test
  void findsSealPhotosById() {
    FakeFlickrData.Photo p = seals(Map.of()).get(12_345);
    assertThat(DATA.photo(p.id())).isEqualTo(p);
    assertThat(DATA.photo("53100025000")).isNull();
  }

  private static <T> List<T> reversed(List<T> list) {
    List<T> copy = new java.util.ArrayList<>(list);
    java.util.Collections.reverse(copy);
    return copy;
  }

  private static String get(HttpUrl url) throws IOException {
    try (Response response = CLIENT.newCall(new Request.Builder().url(url).build()).execute()) {
      return response.body().string();
    }
  }

  private static HttpUrl.Builder search() {
    return fake.restBaseUrl()
        .newBuilder()
        .addQueryParameter("method", "flickr.photos.search")
        .addQueryParameter("api_key", fake.clientCredentials().key())
        .addQueryParameter("format", "json")
        .addQueryParameter("nojsoncallback", "1")
        .addQueryParameter("text", FakeFlickrData.SEAL_TEXT);
  }

  @Test
  void servesTheFiltersOverHttpWithTheCapPerFilteredQuery() throws IOException {
    long second = Instant.parse("2021-03-14T15:09:26Z").getEpochSecond();
    Map<String, String> sameSecond =
        Map.of("min_upload_date", Long.toString(second), "max_upload_date", Long.toString(second));
    int total = seals(sameSecond).size();
    HttpUrl.Builder url =
        search()
            .addQueryParameter("min_upload_date", Long.toString(second))
            .addQueryParameter("max_upload_date", Long.toString(second))
            .addQueryParameter("sort", "date-posted-asc")
            .addQueryParameter("per_page", "1");
    // Result 4,000 is served; 4,001 is not: the last reachable one comes again.
    String last = get(url.addQueryParameter("page", "4000").build());
    String past = get(url.setQueryParameter("page", "4001").build());
    String expected =
        seals(
                Map.of(
                    "min_upload_date",
                    Long.toString(second),
                    "max_upload_date",
                    Long.toString(second),
                    "sort",
                    "date-posted-asc"))
            .get(3_999)
            .id();
    assertThat(last)
        .startsWith(
            "{\"photos\":{\"page\":4000,\"pages\":"
                + total
                + ",\"perpage\":1,\"total\":"
                + total
                + ",")
        .contains("\"photo\":[{\"id\":\"" + expected + "\"");
    assertThat(past.substring(past.indexOf("\"photo\":")))
        .isEqualTo(last.substring(last.indexOf("\"photo\":")));

    String taken =
        get(
            url.setQueryParameter("page", "1")
                .addQueryParameter("min_taken_date", "1970-01-01 00:00:00")
                .addQueryParameter("max_taken_date", "1979-12-31 23:59:59")
                .build());
    long inSeventies =
        seals(sameSecond).stream()
            .filter(p -> p.dateTaken().getYear() >= 1970 && p.dateTaken().getYear() <= 1979)
            .count();
    assertThat(inSeventies).isBetween(500L, 3_999L);
    assertThat(taken).contains("\"total\":" + inSeventies + ",");
  }
}
