package dev.oksign.flickr;

import static dev.oksign.flickr.Fixtures.TIMESTAMP;
import static dev.oksign.flickr.Fixtures.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oksign.OAuthProblemException;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import retrofit2.Call;

/**
 * The Flickr client recovers from a clock an hour behind Flickr's on its own: the first call is
 * refused with {@code timestamp_refused}, the clock offset is learned from the refusal, and the
 * call is retried once with the corrected timestamp. A refusal that stands names the skew and the
 * range.
 */
class ClockSkewTest {
  @StartStop MockWebServer server = new MockWebServer();

  /** Flickr's clock: one hour ahead of the client's fixed clock. */
  private static final long FLICKR_NOW = TIMESTAMP + 3_600;

  /** Flickr's answer to a timestamp out of its 5-minute window, as FakeFlickr gives it. */
  private static MockResponse timestampRefused() {
    return new MockResponse.Builder()
        .code(401)
        .addHeader("Content-Type", "text/plain; charset=utf-8")
        .addHeader(
            "Date",
            DateTimeFormatter.RFC_1123_DATE_TIME.format(
                Instant.ofEpochSecond(FLICKR_NOW).atZone(ZoneOffset.UTC)))
        .body(
            "oauth_problem=timestamp_refused&oauth_acceptable_timestamps="
                + (FLICKR_NOW - 300)
                + "-"
                + (FLICKR_NOW + 300))
        .build();
  }

  private Flickr flickr() {
    return Fixtures.viaProxy(server)
        .token(TOKEN)
        .uploadBaseUrl("http://up.flickr.com/services/")
        .build();
  }

  private String timestampOf(RecordedRequest request) {
    String authorization = request.getHeaders().get("Authorization");
    int at = authorization.indexOf("oauth_timestamp=\"") + "oauth_timestamp=\"".length();
    return authorization.substring(at, authorization.indexOf('"', at));
  }

  @Test
  void firstCallAfterAnHourOfSkewSucceedsOnItsOwn() throws Exception {
    server.enqueue(timestampRefused());
    server.enqueue(Fixtures.ok("test.login.json"));

    User user = flickr().test().login().execute().body();

    assertThat(user).isEqualTo(new User("12037949754@N01", "Bees"));
    assertThat(server.getRequestCount()).isEqualTo(2);
    RecordedRequest refused = server.takeRequest(5, TimeUnit.SECONDS);
    RecordedRequest retried = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(timestampOf(refused)).isEqualTo(Long.toString(TIMESTAMP));
    assertThat(timestampOf(retried)).isEqualTo(Long.toString(FLICKR_NOW));
  }

  @Test
  void refusalThatStandsIsRetriedOnceAndNamesTheSkewAndTheRange() {
    server.enqueue(timestampRefused());
    server.enqueue(timestampRefused());
    server.enqueue(Fixtures.ok("test.login.json"));

    assertThatThrownBy(() -> flickr().test().login().execute())
        .isInstanceOfSatisfying(
            OAuthProblemException.class,
            e -> {
              assertThat(e.problem()).isEqualTo("timestamp_refused");
              assertThat(e.diagnosis())
                  .isEqualTo(
                      "The provider refused oauth_timestamp "
                          + FLICKR_NOW
                          + " although it says it accepts "
                          + (FLICKR_NOW - 300)
                          + "-"
                          + (FLICKR_NOW + 300)
                          + ", which holds it.");
              assertThat(e.getMessage()).contains(e.diagnosis());
              // The first refusal, the one the retry answered, is kept and names the hour.
              assertThat(e.getSuppressed()).hasSize(1);
              assertThat(((OAuthProblemException) e.getSuppressed()[0]).diagnosis())
                  .isEqualTo(
                      "The provider refused oauth_timestamp "
                          + TIMESTAMP
                          + ": it accepts "
                          + (FLICKR_NOW - 300)
                          + "-"
                          + (FLICKR_NOW + 300)
                          + ", so its clock is about 3600 s (1 h) ahead of ours.");
            });
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void uploadOfBytesIsRetriedWithTheCorrectedClock() throws Exception {
    server.enqueue(timestampRefused());
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .body("<rsp stat=\"ok\"><photoid>7</photoid></rsp>")
            .build());

    UploadResult result =
        flickr()
            .uploads()
            .upload(PhotoUpload.builder(new byte[] {1, 2}, "a.jpg").build())
            .execute()
            .body();

    assertThat(result.photoId()).isEqualTo("7");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void streamedUploadIsNeverResent() {
    server.enqueue(timestampRefused());
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .body("<rsp stat=\"ok\"><photoid>7</photoid></rsp>")
            .build());
    Call<UploadResult> call =
        flickr()
            .uploads()
            .upload(
                PhotoUpload.builder(new ByteArrayInputStream(new byte[] {1, 2}), 2, "a.jpg")
                    .build());

    assertThatThrownBy(call::execute)
        .isInstanceOfSatisfying(
            OAuthProblemException.class,
            e -> assertThat(e.problem()).isEqualTo("timestamp_refused"));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
