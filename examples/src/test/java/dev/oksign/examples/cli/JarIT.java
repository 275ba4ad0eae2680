package dev.oksign.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oksign.Token;
import dev.oksign.testing.FakeFlickr;
import dev.oksign.testing.FakeFlickrData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the built {@code oksign-examples.jar} with {@code java -jar} and nothing else on the class
 * path. Runs in the integration-test phase, after {@code package}.
 */
class JarIT {
  static final Path JAR = Path.of(System.getProperty("examples.jar", "target/oksign-examples.jar"));

  FakeFlickr fake;
  @TempDir Path dir;

  @BeforeEach
  void start() throws IOException {
    assertThat(JAR).exists();
    fake = FakeFlickr.builder().build();
    fake.start();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  record Run(int exitCode, String out, String err) {}

  static ProcessBuilder java(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.remove("FLICKR_API_KEY");
    env.remove("FLICKR_API_SECRET");
    env.remove("CLASSPATH");
    env.remove("JAVA_TOOL_OPTIONS");
    return builder;
  }

  static Run run(String stdin, String... args) throws Exception {
    Process process = java(args).start();
    try (OutputStream in = process.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    // Read both streams fully before waiting, so that neither pipe fills up.
    var err = process.getErrorStream();
    byte[][] errBytes = new byte[1][];
    Thread errReader =
        new Thread(
            () -> {
              try {
                errBytes[0] = err.readAllBytes();
              } catch (IOException e) {
                errBytes[0] = new byte[0];
              }
            });
    errReader.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    errReader.join();
    return new Run(process.exitValue(), out, new String(errBytes[0], StandardCharsets.UTF_8));
  }

  String[] keys() {
    return new String[] {
      "--consumer-key", fake.clientCredentials().key(),
      "--consumer-secret", fake.clientCredentials().secret(),
    };
  }

  static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void demoRunsEndToEnd() throws Exception {
    Run run = run("");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
    DemoCommandTest.assertDemoOutput(run.out());
    assertThat(run.err()).contains("search \"harbour\": page 1 of ");
  }

  @Test
  void helpAsTheReadmeSays() throws Exception {
    Run run = run("", "help");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).startsWith("Usage: oksign-examples").contains("Commands:");
    Run sign = run("", "help", "sign");
    assertThat(sign.exitCode()).as(sign.err()).isEqualTo(0);
    assertThat(sign.out()).contains("Usage: oksign-examples sign");
  }

  @Test
  void signReproducesTheFlickrVector() throws Exception {
    Run run = run("", SignCommandTest.VECTOR);
    assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
    assertThat(run.out())
        .isEqualTo(
            "base_string: "
                + SignCommandTest.VECTOR_BASE_STRING
                + "\n"
                + "signature: 0fhNGlzpFNAsTme/hDfUb5HPB5U=\n"
                + "authorization: OAuth"
                + " oauth_callback=\"http%3A%2F%2Fwww.wackylabs.net%2Foauth%2Ftest\","
                + " oauth_consumer_key=\"768fe946d252b119746fda82e1599980\","
                + " oauth_nonce=\"C2F26CD5C075BA9050AD8EE90644CF29\","
                + " oauth_signature=\"0fhNGlzpFNAsTme%2FhDfUb5HPB5U%3D\","
                + " oauth_signature_method=\"HMAC-SHA1\", oauth_timestamp=\"1316657628\","
                + " oauth_version=\"1.0\"\n"
                + "url: http://www.flickr.com/services/oauth/request_token\n");
  }

  @Test
  void flowWithTheVerifierOnStandardInputThenPhotoset() throws Exception {
    Path tokens = dir.resolve("tokens.properties");
    Process flow =
        java(concat(
                new String[] {
                  "flow",
                  "--oauth-base",
                  fake.oauthBaseUrl().toString(),
                  "--tokens",
                  tokens.toString()
                },
                keys()))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(flow.getInputStream(), StandardCharsets.UTF_8));
    String authorizeUrl = out.readLine();
    assertThat(authorizeUrl).startsWith(fake.authorizationUrl() + "?oauth_token=");
    try (OutputStream in = flow.getOutputStream()) {
      in.write(
          (FlowCommandTest.verifierShownAt(authorizeUrl) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    assertThat(out.readLine()).isEqualTo("71234567@N00\toksign-demo\tAda Demo");
    assertThat(flow.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(flow.exitValue()).isEqualTo(0);

    Run photoset =
        run(
            "",
            concat(
                new String[] {
                  "photoset",
                  "--photoset-id",
                  FakeFlickrData.PHOTOSET_1234_ID,
                  "--tokens",
                  tokens.toString(),
                  "--api-base",
                  fake.restBaseUrl().toString()
                },
                keys()));
    assertThat(photoset.exitCode()).as(photoset.err()).isEqualTo(0);
    assertThat(photoset.out())
        .isEqualTo(
            fake.data().photoset(FakeFlickrData.PHOTOSET_1234_ID).photos().stream()
                .map(p -> p.id() + "\t" + p.title() + "\n")
                .collect(Collectors.joining()));

    Run search =
        run(
            "",
            concat(
                new String[] {
                  "search",
                  "--text",
                  "harbour",
                  "--limit",
                  "7",
                  "--tokens",
                  tokens.toString(),
                  "--api-base",
                  fake.restBaseUrl().toString()
                },
                keys()));
    assertThat(search.exitCode()).as(search.err()).isEqualTo(0);
    assertThat(search.out())
        .isEqualTo(
            fake.data().search("harbour", null, null, null).subList(0, 7).stream()
                .map(p -> p.id() + "\t" + p.title() + "\n")
                .collect(Collectors.joining()));
  }

  @Test
  void errorPathsGiveOneLineAndTheirExitCode() throws Exception {
    Run noKey = run("", "photoset", "--photoset-id", "1");
    assertThat(noKey.exitCode()).isEqualTo(2);
    assertThat(noKey.err())
        .isEqualTo("error: no consumer key: pass --consumer-key or set FLICKR_API_KEY\n");

    Run badOption = run("", "search", "--text", "x", "--page-size", "5");
    assertThat(badOption.exitCode()).isEqualTo(2);
    assertThat(badOption.err())
        .isEqualTo(
            "error: Unknown options: '--page-size', '5'\nTry 'oksign-examples search --help'.\n");

    Token token = fake.issueAccessToken();
    Path tokens = dir.resolve("t.properties");
    TokenFile.write(tokens, token, Map.of());
    Run notFound =
        run(
            "",
            concat(
                new String[] {
                  "photoset",
                  "--photoset-id",
                  "42",
                  "--tokens",
                  tokens.toString(),
                  "--api-base",
                  fake.restBaseUrl().toString()
                },
                keys()));
    assertThat(notFound.exitCode()).isEqualTo(1);
    assertThat(notFound.err())
        .isEqualTo("error: Flickr error 1 from flickr.photosets.getPhotos: Photoset not found\n");

    Run unreadable =
        run(
            "",
            concat(
                new String[] {
                  "search",
                  "--text",
                  "x",
                  "--tokens",
                  dir.resolve("none").toString(),
                  "--api-base",
                  fake.restBaseUrl().toString()
                },
                keys()));
    assertThat(unreadable.exitCode()).isEqualTo(1);
    assertThat(unreadable.err())
        .startsWith("error: cannot read tokens file ")
        .doesNotContain("\tat ");
  }

  @Test
  void fakeFlickrServesUntilStopped() throws Exception {
    Process server = java("fake-flickr").redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      String restLine = out.readLine();
      assertThat(restLine).startsWith("rest_url: http://127.0.0.1:").endsWith("/services/rest/");
      String restUrl = restLine.substring("rest_url: ".length());
      String keyLine;
      do {
        keyLine = out.readLine();
      } while (keyLine != null && !keyLine.startsWith("consumer_key: "));
      assertThat(keyLine).isEqualTo("consumer_key: " + FakeFlickr.DEMO_CREDENTIALS.key());
      Request request =
          new Request.Builder()
              .url(
                  restUrl
                      + "?method=flickr.photosets.getPhotos&format=json&nojsoncallback=1"
                      + "&photoset_id="
                      + FakeFlickrData.EMPTY_PHOTOSET_ID
                      + "&api_key="
                      + FakeFlickr.DEMO_CREDENTIALS.key())
              .build();
      try (Response response = new OkHttpClient().newCall(request).execute()) {
        assertThat(response.body().string()).endsWith("\"total\":\"0\"},\"stat\":\"ok\"}");
      }
    } finally {
      server.destroy();
      assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }
}
