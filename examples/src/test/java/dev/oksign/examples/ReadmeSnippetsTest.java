package dev.oksign.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.oksign.AccessToken;
import dev.oksign.OAuth1Interceptor;
import dev.oksign.OAuth1Signer;
import dev.oksign.OAuthProblem;
import dev.oksign.OAuthProblemException;
import dev.oksign.Token;
import dev.oksign.TokenFlow;
import dev.oksign.flickr.Extra;
import dev.oksign.flickr.Extras;
import dev.oksign.flickr.Flickr;
import dev.oksign.flickr.Paging;
import dev.oksign.flickr.Perms;
import dev.oksign.flickr.Photo;
import dev.oksign.flickr.PhotoPage;
import dev.oksign.flickr.PhotoSize;
import dev.oksign.flickr.PhotoUpload;
import dev.oksign.flickr.SearchQuery;
import dev.oksign.flickr.UploadResult;
import dev.oksign.flickr.User;
import dev.oksign.testing.FakeFlickr;
import dev.oksign.testing.FakeFlickrData;
import dev.oksign.testing.FakeFlickrExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.ResponseBody;
import okhttp3.logging.HttpLoggingInterceptor;
import okhttp3.logging.HttpLoggingInterceptor.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.http.GET;

/**
 * Every Java block of the root README, compiled and run here against FakeFlickr, word for word: the
 * first test checks that each block appears in this file or an example, ignoring whitespace and
 * comments. A line here marked {@code // not in README} is left out of that comparison: it points a
 * snippet at the fake (base URLs, a browser), which a reader's code does not need.
 */
class ReadmeSnippetsTest {
  @RegisterExtension final FakeFlickrExtension fakeFlickr = new FakeFlickrExtension();

  @Test
  void readsAPhotoset(FakeFlickr fake) throws Exception {
    Flickr flickr =
        Flickr.builder()
            .clientCredentials(fake.clientCredentials())
            .token(fake.issueAccessToken())
            .restBaseUrl(fake.restBaseUrl())
            .oauthBaseUrl(fake.oauthBaseUrl())
            .build();
    assertThat(
            flickr.photosets().getPhotos(FakeFlickrData.PHOTOSET_1234_ID).execute().body().total())
        .isEqualTo(1234);
  }

  @Test
  void everyJavaBlockOfTheReadmeIsHereWordForWord() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    String sources;
    try (Stream<Path> files = Files.walk(Path.of("src"))) {
      sources =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .map(ReadmeSnippetsTest::read)
              .collect(Collectors.joining("\n"));
    }
    String here = normalize(sources.replaceAll("(?m)^.*// not in README.*$", ""));
    Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
    List<String> missing = new ArrayList<>();
    int blocks = 0;
    while (block.find()) {
      blocks++;
      StringBuilder code = new StringBuilder();
      for (String line : block.group(1).split("\n")) {
        if (line.startsWith("import ")) {
          String type = line.substring("import ".length(), line.length() - 1);
          assertThatCode(() -> Class.forName(type)).as(line).doesNotThrowAnyException();
        } else {
          code.append(line).append('\n');
        }
      }
      if (!here.contains(normalize(code.toString()))) missing.add(block.group(1));
    }
    assertThat(blocks).isGreaterThanOrEqualTo(9);
    assertThat(missing).as("README blocks with no twin in examples/src").isEmpty();
  }

  /**
   * Without line comments and whitespace: a comparison of tokens, as google-java-format leaves
   * them.
   */
  private static String normalize(String code) {
    return code.replaceAll("(?m)(^|\\s)//.*$", "").replaceAll("\\s+", "");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aFirstSignedCall() {
    String apiKey = "key";
    String apiSecret = "secret";
    String token = "token";
    String tokenSecret = "token-secret";

    OAuth1Signer signer =
        OAuth1Signer.builder()
            .clientCredentials(apiKey, apiSecret)
            .token(token, tokenSecret)
            .build();
    OkHttpClient client =
        new OkHttpClient.Builder()
            .addNetworkInterceptor(OAuth1Interceptor.create(signer, "api.flickr.com"))
            .build();

    OAuth1Interceptor oauth = (OAuth1Interceptor) client.networkInterceptors().get(0);
    assertThat(oauth.inScope(HttpUrl.get("https://api.flickr.com/services/rest/"))).isTrue();
    assertThat(oauth.inScope(HttpUrl.get("http://api.flickr.com/services/rest/"))).isFalse();
    assertThat(oauth.inScope(HttpUrl.get("https://www.flickr.com/"))).isFalse();
  }

  @Test
  void signAnExistingClientWithALoggerAfterOksign() throws Exception {
    FakeFlickr fake = fakeFlickr.fake();
    OAuth1Signer signer =
        OAuth1Signer.builder()
            .clientCredentials(fake.clientCredentials())
            .token(fake.issueAccessToken())
            .build();
    OkHttpClient existingClient = new OkHttpClient();
    PrintStream err = System.err;
    ByteArrayOutputStream logged = new ByteArrayOutputStream();
    System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
    try {
      OkHttpClient client =
          existingClient
              .newBuilder()
              .addNetworkInterceptor(
                  OAuth1Interceptor.builder(signer)
                      .host("127.0.0.1") // the hosts to sign for, no others
                      .allowHttp(true) // plain http: a local or test server only
                      .build())
              .addNetworkInterceptor(
                  new HttpLoggingInterceptor(System.err::println).setLevel(Level.HEADERS))
              .build();

      HttpUrl login =
          fake.restBaseUrl().newBuilder().addQueryParameter("method", "flickr.test.login").build();
      try (okhttp3.Response response =
          client.newCall(new Request.Builder().url(login).build()).execute()) {
        assertThat(response.code()).isEqualTo(200);
      }
    } finally {
      System.setErr(err);
    }
    // The logger sits after oksign: it saw the signed request.
    assertThat(logged.toString(StandardCharsets.UTF_8))
        .contains("Authorization: OAuth oauth_consumer_key=");
  }

  @Test
  void flickrPagingUploadAndTokenFlow(@TempDir Path dir) throws Exception {
    FakeFlickr fake = fakeFlickr.fake();
    String apiKey = fake.clientCredentials().key();
    String apiSecret = fake.clientCredentials().secret();
    Token accessToken = fake.issueAccessToken(apiKey, FakeFlickrData.DEMO_USER_NSID, "write");
    OkHttpClient existingClient = new OkHttpClient();

    // README, "Flickr".
    Flickr flickr =
        Flickr.builder()
            .clientCredentials(apiKey, apiSecret)
            .token(accessToken) // optional; or per call: withToken(token)
            .client(existingClient) // extended, never replaced
            .restBaseUrl(fake.restBaseUrl()) // not in README
            .oauthBaseUrl(fake.oauthBaseUrl()) // not in README
            .uploadBaseUrl(fake.uploadBaseUrl()) // not in README
            .build();
    User me = flickr.test().login().execute().body();
    PhotoPage harbour =
        flickr
            .photos()
            .search(SearchQuery.builder().text("harbour").extras(Extras.of(Extra.URL_M)).build())
            .execute()
            .body();
    assertThat(me.id()).isEqualTo(FakeFlickrData.DEMO_USER_NSID);
    assertThat(harbour.total()).isPositive();

    // README, "Paging".
    String photosetId = FakeFlickrData.PHOTOSET_1234_ID;
    PrintStream out = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      Paging<Photo> set =
          Paging.builder(
                  (page, perPage) ->
                      flickr
                          .photosets()
                          .getPhotos(photosetId, Extras.of(Extra.URL_M), page, perPage))
              .limit(100)
              .build();
      try (Stream<Photo> photos = set.stream()) {
        photos.forEach(p -> System.out.println(p.url(PhotoSize.LARGE_1024)));
      }
    } finally {
      System.setOut(out);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8).lines()).hasSize(100);

    // README, "Paging": past the cap, FakeFlickr's 25,000 seal photos.
    PrintStream err = System.err;
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    System.setErr(new PrintStream(progress, true, StandardCharsets.UTF_8));
    try {
      SearchQuery seals = SearchQuery.builder().text("seal").build();
      try (Stream<Photo> photos =
          Paging.searchAll(flickr.photos(), seals)
              .listener(p -> System.err.printf("%d of ~%d%n", p.delivered(), p.estimatedTotal()))
              .build()
              .stream()) {
        photos.forEach(photo -> save(photo)); // every result once, past the 4,000 cap
      }
    } finally {
      System.setErr(err);
    }
    List<String> sealIds =
        fake.data().search(FakeFlickrData.SEAL_TEXT, null, null, null).stream()
            .map(FakeFlickrData.Photo::id)
            .toList();
    assertThat(sealIds).hasSize(25_000);
    assertThat(saved).hasSize(sealIds.size()).containsExactlyInAnyOrderElementsOf(sealIds);
    assertThat(progress.toString(StandardCharsets.UTF_8).lines().reduce((a, b) -> b))
        .contains("25000 of ~25000");

    // README, "Upload".
    Path photoFile =
        Files.write(
            dir.resolve("harbour.jpg"),
            new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F'});
    PhotoUpload upload =
        PhotoUpload.builder(photoFile) // a Path or File, a byte[] or an InputStream
            .title("Harbour at dawn")
            .tags("harbour", "north sea")
            .progressListener((sent, total) -> System.err.printf("%d of %d bytes%n", sent, total))
            .build();
    UploadResult result = flickr.uploads().upload(upload).execute().body();
    assertThat(result.photoId()).isNotEmpty();
    assertThat(fake.uploads().received().get(0).fields())
        .contains(Map.entry("title", "Harbour at dawn"));

    // README, "Token flow", on Android's shape.
    String callback = "x-oauthflow-flickr://callback";
    TokenFlow flow = flickr.tokenFlow(); // or TokenFlow.builder() with any provider's URLs
    Token requestToken = flow.requestToken(callback);
    HttpUrl authorize = flickr.authorizationUrl(requestToken, Perms.READ);
    String landedOn = browserLandsOn(authorize); // not in README
    TokenFlow.Callback answer = flow.parseCallback(landedOn, requestToken);
    AccessToken access = flow.accessToken(requestToken, answer.verifier());
    assertThat(landedOn).startsWith(callback + "?oauth_token=");
    assertThat(access.token().value()).isNotEmpty();
  }

  private final List<String> saved = new ArrayList<>();

  /** What a reader's code does with each photo of the search: here, keep its id. */
  private void save(Photo photo) {
    saved.add(photo.id());
  }

  /** The browser: follows the authorization page to the app's callback, which it cannot open. */
  static String browserLandsOn(HttpUrl authorize) throws IOException {
    OkHttpClient browser = new OkHttpClient.Builder().followRedirects(false).build();
    try (okhttp3.Response response =
        browser.newCall(new Request.Builder().url(authorize).build()).execute()) {
      assertThat(response.code()).isEqualTo(302);
      return response.header("Location");
    }
  }

  @Test
  void fakeFlickrOutsideJUnit() throws Exception {
    PrintStream out = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      try (FakeFlickr fake = FakeFlickr.builder().build()) {
        fake.start();
        System.out.println(fake.restBaseUrl() + " " + fake.clientCredentials().key());
      }
    } finally {
      System.setOut(out);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .matches("http://127\\.0\\.0\\.1:\\d+/services/rest/ \\S+\\R");
  }

  /** A user's own Retrofit service, README "Errors". */
  interface OAuthService {
    @GET("services/oauth/request_token")
    Call<ResponseBody> requestToken();
  }

  @Test
  void refusalsAsResponses() throws Exception {
    FakeFlickr fake = fakeFlickr.fake();
    OAuth1Signer signer =
        OAuth1Signer.builder().clientCredentials(fake.clientCredentials().key(), "wrong").build();
    OkHttpClient client =
        new OkHttpClient.Builder()
            .addNetworkInterceptor(
                OAuth1Interceptor.builder(signer)
                    .host("127.0.0.1")
                    .allowHttp(true)
                    .throwOnRefusal(false)
                    .build())
            .build();
    OAuthService service =
        new Retrofit.Builder()
            .baseUrl(fake.url("/"))
            .client(client)
            .build()
            .create(OAuthService.class);
    PrintStream err = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      Response<ResponseBody> response = service.requestToken().execute();
      if (!response.isSuccessful()) {
        OAuthProblemException refusal =
            OAuthProblemException.from(response.raw()); // null if not OAuth's
        System.err.println(refusal.problem() + "\n" + refusal.diagnosis());
      }
      assertThat(response.code()).isEqualTo(401);
      assertThat(OAuthProblemException.from(response.raw()).knownProblem())
          .isEqualTo(OAuthProblem.SIGNATURE_INVALID);
    } finally {
      System.setErr(err);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("signature_invalid\n");
  }
}
