package dev.oksign.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.oksign.flickr.Flickr;
import dev.oksign.flickr.FlickrException;
import dev.oksign.flickr.PhotoPage;
import dev.oksign.flickr.SearchQuery;
import java.io.IOException;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import retrofit2.Response;

/**
 * Flickr's answers, as the Flickr client reads them: the JSON models with Flickr's mixed types
 * ({@code "total":"1234"} next to {@code "pages":3}, {@code perpage} or {@code per_page}, 0/1
 * booleans) and the mapping of {@code stat=fail} and HTTP errors to {@link FlickrException}.
 * Whatever the answer, {@code execute()} gives a page or throws an {@link IOException}: a {@link
 * FlickrException} for {@code stat=fail}, HTTP errors and bodies that are not Flickr's JSON.
 * Answers come from a MockWebServer on loopback, so the whole client path runs.
 */
class FlickrAnswersFuzzTest {
  static MockWebServer server;
  static Flickr flickr;
  static volatile MockResponse next;

  @BeforeAll
  static void start() throws IOException {
    server = new MockWebServer();
    server.setServerSocketFactory(dev.oksign.testing.internal.NoDelayServerSockets.INSTANCE);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return next;
          }
        });
    server.start();
    flickr =
        Flickr.builder()
            .clientCredentials(Secrets.CLIENT)
            .token(Secrets.TOKEN)
            .restBaseUrl(server.url("/services/rest/"))
            .oauthBaseUrl(server.url("/services/oauth/"))
            .uploadBaseUrl(server.url("/services/"))
            .client(Clients.BASE)
            .maxRetries(0)
            .build();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A JSON value of a mixed type, as Flickr sends them, or something worse. */
  static String number(FuzzedDataProvider data, long value) {
    return switch (data.consumeInt(0, 7)) {
      case 0 -> Long.toString(value);
      case 1 -> "\"" + value + "\"";
      case 2 -> "null";
      case 3 -> "\"" + Fuzzed.text(data, 8).replace("\\", "").replace("\"", "") + "\"";
      case 4 -> "99999999999999999999";
      case 5 -> "-1";
      case 6 -> "1.5";
      default -> "{}";
    };
  }

  static String photo(FuzzedDataProvider data) {
    return "{\"id\":"
        + number(data, 52_000_000_001L)
        + ",\"owner\":\"71234567@N00\",\"secret\":\"a1b2c3\",\"server\":"
        + number(data, 65535)
        + ",\"farm\":"
        + number(data, 66)
        + ",\"title\":"
        + (data.consumeBoolean() ? "\"t\"" : number(data, 1))
        + ",\"ispublic\":"
        + number(data, 1)
        + "}";
  }

  static String answer(FuzzedDataProvider data) {
    if (data.consumeBoolean()) {
      return "{\"stat\":\"fail\",\"code\":"
          + number(data, data.consumeInt(0, 120))
          + ",\"message\":\""
          + Fuzzed.text(data, 20).replace("\\", "\\\\").replace("\"", "\\\"")
          + "\"}";
    }
    if (data.consumeBoolean()) return Fuzzed.text(data, 20) + data.consumeString(200);
    StringBuilder photos = new StringBuilder("[");
    for (int i = data.consumeInt(0, 3); i > 0; i--) {
      if (photos.length() > 1) photos.append(',');
      photos.append(photo(data));
    }
    photos.append(']');
    String per = data.consumeBoolean() ? "perpage" : "per_page";
    return "{\"photos\":{\"page\":"
        + number(data, 1)
        + ",\"pages\":"
        + number(data, 3)
        + ",\""
        + per
        + "\":"
        + number(data, 100)
        + ",\"total\":"
        + number(data, 250)
        + ",\"photo\":"
        + (data.consumeBoolean() ? photos : number(data, 0))
        + "},\"stat\":"
        + (data.consumeBoolean() ? "\"ok\"" : number(data, 0))
        + "}";
  }

  @FuzzTest(maxDuration = "60s")
  void searchAnswers(FuzzedDataProvider data) throws Exception {
    int code = data.pickValue(new int[] {200, 200, 200, 401, 429, 500, 503});
    String type = data.pickValue(new String[] {"application/json", "text/javascript", "text/html"});
    String body = answer(data);
    next = new MockResponse.Builder().code(code).setHeader("Content-Type", type).body(body).build();

    Response<PhotoPage> response;
    try {
      response = flickr.photos().search(SearchQuery.builder().text("seal").build()).execute();
    } catch (FlickrException e) {
      assertThat(e.getMessage()).startsWith("flickr.photos.search failed: ");
      Secrets.assertAbsentUnlessGiven("FlickrException", e.getMessage(), body);
      if (code != 200) assertThat(e.httpStatus()).isEqualTo(code);
      Map<String, Object> fail = failOf(Fuzzed.sent(body)); // as UTF-8 carried it
      if (code == 200 && fail != null) {
        assertThat(e.code()).isEqualTo(((Number) fail.get("code")).intValue());
        assertThat(e.flickrMessage()).as("body %s", escape(body)).isEqualTo(fail.get("message"));
      }
      return;
    } catch (IOException e) {
      // Other IOExceptions (a JSON encoding error, say) are allowed by the contract.
      Secrets.assertAbsentUnlessGiven("IOException", String.valueOf(e.getMessage()), body);
      return;
    }
    assertThat(code).isEqualTo(200);
    PhotoPage page = response.body();
    assertThat(page).isNotNull();
    assertThat(page.items()).doesNotContainNull();
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c < 0x20 || c > 0x7e) out.append(String.format("\\u%04x", (int) c));
      else out.append(c);
    }
    return out.toString();
  }

  /** {"stat":"fail","code":N,"message":"..."} with N a plain or quoted integer, else null. */
  static Map<String, Object> failOf(String body) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "\\{\"stat\":\"fail\",\"code\":\"?(-?\\d{1,9})\"?,\"message\":\"((?:[^\"\\\\]|\\\\.)*)\"\\}")
            .matcher(body);
    if (!m.matches()) return null;
    String message = m.group(2).replace("\\\"", "\"").replace("\\\\", "\\");
    if (message.contains("\\")) return null;
    return Map.of("code", Integer.parseInt(m.group(1)), "message", message);
  }
}
