package dev.oksign.flickr;

import static dev.oksign.flickr.Fixtures.TOKEN;
import static dev.oksign.flickr.Fixtures.body;
import static dev.oksign.flickr.Fixtures.fail;
import static dev.oksign.flickr.Fixtures.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.squareup.moshi.JsonDataException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/** Flickr's stat=fail answers, HTTP errors and bodies that are not JSON, for every method. */
class FlickrErrorsTest {
  @StartStop MockWebServer server = new MockWebServer();

  private final List<Long> sleeps = new CopyOnWriteArrayList<>();

  private Flickr flickr() {
    return Fixtures.direct(server).token(TOKEN).sleeper(sleeps::add).build();
  }

  private static FlickrException thrownBy(Call<?> call) {
    return catchThrowableOfType(FlickrException.class, call::execute);
  }

  @Test
  void statFailOfEveryMethodIsAFlickrException() {
    Flickr flickr = flickr();
    List<Call<?>> calls =
        List.of(
            flickr.photos().search(SearchQuery.builder().text("x").build()),
            flickr.photosets().getPhotos("1"),
            flickr.photosets().getList("me"),
            flickr.people().getPhotos("me"),
            flickr.test().login(),
            flickr.auth().checkToken());
    List<String> methods =
        List.of(
            "flickr.photos.search",
            "flickr.photosets.getPhotos",
            "flickr.photosets.getList",
            "flickr.people.getPhotos",
            "flickr.test.login",
            "flickr.auth.oauth.checkToken");
    for (int i = 0; i < calls.size(); i++) {
      server.enqueue(fail(1, "Not found"));
      FlickrException e = thrownBy(calls.get(i));
      assertThat(e.method()).isEqualTo(methods.get(i));
      assertThat(e.code()).isEqualTo(1);
      assertThat(e.flickrMessage()).isEqualTo("Not found");
      assertThat(e.httpStatus()).isEqualTo(200);
      assertThat(e.error()).isNull();
      assertThat(e.isAuthentication()).isFalse();
      assertThat(e).hasMessage(methods.get(i) + " failed: 1 Not found");
    }
    assertThat(server.getRequestCount()).isEqualTo(6);
  }

  @ParameterizedTest
  @CsvSource({
    "96, Invalid signature, INVALID_SIGNATURE",
    "97, Missing signature, MISSING_SIGNATURE",
    "98, Invalid auth token, INVALID_TOKEN",
    "99, Insufficient permissions. Method requires read privileges; none granted.,"
        + " INSUFFICIENT_PERMISSIONS",
    "100, Invalid API Key (Key has invalid format), INVALID_API_KEY",
  })
  void authenticationCodesAreRecognised(int code, String message, FlickrError error) {
    server.enqueue(fail(code, message));
    FlickrException e = thrownBy(flickr().test().login());
    assertThat(e.error()).isEqualTo(error);
    assertThat(e.isAuthentication()).isTrue();
    assertThat(e.isRetryable()).isFalse();
    assertThat(e)
        .hasMessage("flickr.test.login failed: " + code + " " + message + " (" + error + ")");
  }

  @Test
  void codeSentAsAStringIsReadAsTheNumber() {
    server.enqueue(body("{\"stat\":\"fail\",\"code\":\"98\",\"message\":\"Invalid auth token\"}"));
    FlickrException e = thrownBy(flickr().test().login());
    assertThat(e.code()).isEqualTo(98);
    assertThat(e.error()).isEqualTo(FlickrError.INVALID_TOKEN);
  }

  @Test
  void serviceUnavailableIsRetriedWithBackoffThenSucceeds() throws Exception {
    server.enqueue(fail(105, "Service currently unavailable"));
    server.enqueue(fail(105, "Service currently unavailable"));
    server.enqueue(ok("test.login.json"));

    User user = flickr().test().login().execute().body();

    assertThat(user.id()).isEqualTo("12037949754@N01");
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(sleeps).containsExactly(TimeUnit.SECONDS.toNanos(1), TimeUnit.SECONDS.toNanos(2));
  }

  @Test
  void serviceUnavailableAfterTheLastRetryIsThrown() {
    for (int i = 0; i < 3; i++) server.enqueue(fail(105, "Service currently unavailable"));
    Flickr flickr = Fixtures.direct(server).token(TOKEN).sleeper(sleeps::add).maxRetries(2).build();

    FlickrException e = thrownBy(flickr.test().login());

    assertThat(e.error()).isEqualTo(FlickrError.SERVICE_UNAVAILABLE);
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.isAuthentication()).isFalse();
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(sleeps).hasSize(2);
  }

  @Test
  void backoffDoublesUpToThirtySecondsHoweverManyRetries() throws Exception {
    for (int i = 0; i < 40; i++) server.enqueue(fail(105, "Service currently unavailable"));
    server.enqueue(ok("test.login.json"));
    Flickr flickr =
        Fixtures.direct(server).token(TOKEN).sleeper(sleeps::add).maxRetries(40).build();

    flickr.test().login().execute();

    List<Long> seconds = sleeps.stream().map(TimeUnit.NANOSECONDS::toSeconds).toList();
    assertThat(seconds).hasSize(40).startsWith(1L, 2L, 4L, 8L, 16L, 30L);
    assertThat(seconds.subList(5, 40)).containsOnly(30L);
    assertThat(server.getRequestCount()).isEqualTo(41);
  }

  @Test
  void tooManyRequestsHonoursRetryAfter() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").build());
    server.enqueue(ok("test.login.json"));

    flickr().test().login().execute();

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sleeps).containsExactly(TimeUnit.SECONDS.toNanos(7));
  }

  @Test
  void tooManyRequestsWithoutRetriesIsAnHttpError() {
    server.enqueue(new MockResponse.Builder().code(429).body("Too Many Requests").build());
    Flickr flickr = Fixtures.direct(server).token(TOKEN).maxRetries(0).build();

    FlickrException e = thrownBy(flickr.test().login());

    assertThat(e.httpStatus()).isEqualTo(429);
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.code()).isEqualTo(FlickrException.NO_CODE);
    assertThat(e).hasMessage("flickr.test.login failed: HTTP 429 Client Error: Too Many Requests");
  }

  @Test
  void htmlOutagePageIsAClearException() {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "text/html; charset=utf-8")
            .body(
                "<!DOCTYPE html>\n"
                    + "<html><head><title>Flickr: Oops</title></head><body>We'll be"
                    + " back.</body></html>")
            .build());

    FlickrException e = thrownBy(flickr().photos().search(SearchQuery.builder().text("x").build()));

    assertThat(e)
        .hasMessage(
            "flickr.photos.search failed: the answer is not JSON but text/html; charset=utf-8:"
                + " <!DOCTYPE html> <html><head><title>Flickr: Oops</title></head><body>We'll be"
                + " back.</body></html>");
    assertThat(e.getCause()).isNull();
    assertThat(e.httpStatus()).isEqualTo(200);
  }

  @Test
  void httpErrorIsAClearException() {
    server.enqueue(new MockResponse.Builder().code(502).body("<html>Bad Gateway</html>").build());

    FlickrException e = thrownBy(flickr().people().getPhotos("me"));

    assertThat(e.httpStatus()).isEqualTo(502);
    assertThat(e)
        .hasMessage(
            "flickr.people.getPhotos failed: HTTP 502 Server Error: <html>Bad Gateway</html>");
  }

  @Test
  void unexpectedShapeNamesTheJsonPath() {
    server.enqueue(
        body("{\"photos\":{\"page\":1,\"pages\":\"many\",\"photo\":[]},\"stat\":\"ok\"}"));

    FlickrException e = thrownBy(flickr().people().getPhotos("me"));

    assertThat(e.getMessage())
        .startsWith("flickr.people.getPhotos failed: unexpected JSON: ")
        .contains("\"many\"", "$.photos.pages");
    assertThat(e.getCause()).isInstanceOf(JsonDataException.class);
  }

  @Test
  void truncatedJsonIsAFlickrException() {
    server.enqueue(body("{\"photos\":{\"page\":1,\"pages\":2,\"photo\":[{\"id\":\"1\""));

    FlickrException e = thrownBy(flickr().people().getPhotos("me"));

    assertThat(e.getMessage()).startsWith("flickr.people.getPhotos failed: unexpected JSON: ");
  }

  @Test
  void enqueueReportsTheFlickrException() throws Exception {
    server.enqueue(fail(98, "Invalid auth token"));
    CompletableFuture<Throwable> failure = new CompletableFuture<>();

    flickr()
        .test()
        .login()
        .enqueue(
            new Callback<User>() {
              @Override
              public void onResponse(Call<User> call, Response<User> response) {
                failure.complete(null);
              }

              @Override
              public void onFailure(Call<User> call, Throwable t) {
                failure.complete(t);
              }
            });

    Throwable t = failure.get(5, TimeUnit.SECONDS);
    assertThat(t).isInstanceOf(FlickrException.class);
    assertThat(((FlickrException) t).error()).isEqualTo(FlickrError.INVALID_TOKEN);
  }

  @Test
  void everyAttemptTakesAPermitOfTheRateLimiter() throws Exception {
    AtomicInteger permits = new AtomicInteger();
    Flickr flickr =
        Fixtures.direct(server)
            .token(TOKEN)
            .sleeper(sleeps::add)
            .rateLimiter(permits::incrementAndGet)
            .build();
    server.enqueue(fail(105, "Service currently unavailable"));
    server.enqueue(ok("test.login.json"));
    server.enqueue(ok("test.login.json"));

    flickr.test().login().execute();
    flickr.withToken(Fixtures.ALICE).test().login().execute();

    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(permits).hasValue(3);
  }

  @Test
  void aFailingRateLimiterStopsTheCallBeforeItIsSent() {
    Flickr flickr =
        Fixtures.direct(server)
            .token(TOKEN)
            .rateLimiter(
                () -> {
                  throw new IOException("budget store unreachable");
                })
            .build();

    IOException e = catchThrowableOfType(IOException.class, () -> flickr.test().login().execute());

    assertThat(e).hasMessage("budget store unreachable");
    assertThat(server.getRequestCount()).isZero();
  }
}
