package dev.oksign.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oksign.testing.FakeFlickr;
import dev.oksign.testing.FakeFlickrData;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flow} against the fake, the verifier typed on standard input after reading the URL. */
class FlowCommandTest {
  FakeFlickr fake;
  @TempDir Path dir;

  @BeforeEach
  void start() throws Exception {
    fake = FakeFlickr.builder().build();
    fake.start();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  /** Reads the code the authorize page shows, as the user would. */
  static String verifierShownAt(String url) throws Exception {
    try (Response response =
        new OkHttpClient().newCall(new Request.Builder().url(url).build()).execute()) {
      Matcher code = Pattern.compile("\\d{3}-\\d{3}-\\d{3}").matcher(response.body().string());
      assertThat(code.find()).isTrue();
      return code.group();
    }
  }

  @Test
  void savesTheTokensThenPhotosetReadsWithThem() throws Exception {
    Path tokens = dir.resolve("flickr-tokens.properties");
    PipedOutputStream typing = new PipedOutputStream();
    PipedInputStream stdin = new PipedInputStream(typing);
    PipedInputStream stdoutReader = new PipedInputStream(1 << 16);
    PrintStream stdout =
        new PrintStream(new PipedOutputStream(stdoutReader), true, StandardCharsets.UTF_8);
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    Io io = new Io(stdin, stdout, new PrintStream(stderr, true, StandardCharsets.UTF_8), Map.of());

    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return Main.run(
                    io,
                    "flow",
                    "--oauth-base",
                    fake.oauthBaseUrl().toString(),
                    "--tokens",
                    tokens.toString(),
                    "--perms",
                    "write",
                    "--consumer-key",
                    fake.clientCredentials().key(),
                    "--consumer-secret",
                    fake.clientCredentials().secret());
              } finally {
                stdout.close();
              }
            });
    BufferedReader out =
        new BufferedReader(new InputStreamReader(stdoutReader, StandardCharsets.UTF_8));
    String authorizeUrl = out.readLine();
    assertThat(authorizeUrl)
        .startsWith(fake.authorizationUrl() + "?oauth_token=")
        .endsWith("&perms=write");
    typing.write((verifierShownAt(authorizeUrl) + "\n").getBytes(StandardCharsets.UTF_8));
    typing.flush();
    assertThat(exit.get(20, TimeUnit.SECONDS)).as(stderr.toString()).isEqualTo(0);
    assertThat(out.readLine()).isEqualTo("71234567@N00\toksign-demo\tAda Demo");
    assertThat(out.readLine()).isNull();
    assertThat(stderr.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "Open this URL in a browser and authorize the application:\n"
                + "Then type the code it shows: \n"
                + "Saved the access token to "
                + tokens
                + "\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(tokens)).doesNotContain(fake.clientCredentials().secret());

    Cli photoset =
        Cli.run(
            "photoset",
            "--photoset-id",
            FakeFlickrData.PHOTOSET_500_ID,
            "--tokens",
            tokens.toString(),
            "--api-base",
            fake.restBaseUrl().toString(),
            "--consumer-key",
            fake.clientCredentials().key(),
            "--consumer-secret",
            fake.clientCredentials().secret());
    assertThat(photoset.exitCode()).as(photoset.err()).isEqualTo(0);
    assertThat(photoset.out())
        .isEqualTo(
            fake.data().photoset(FakeFlickrData.PHOTOSET_500_ID).photos().stream()
                .map(p -> p.id() + "\t" + p.title() + "\n")
                .collect(Collectors.joining()));
  }

  Cli flow(String stdin, String... more) {
    String[] base = {
      "flow",
      "--oauth-base",
      fake.oauthBaseUrl().toString(),
      "--tokens",
      dir.resolve("t.properties").toString(),
    };
    String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return Cli.run(stdin, Map.of(), all);
  }

  @Test
  void namesTheProvidersProblemWhenTheUserDidNotAuthorize() {
    Cli cli =
        flow(
            "000-000-000\n",
            "--consumer-key",
            fake.clientCredentials().key(),
            "--consumer-secret",
            fake.clientCredentials().secret());
    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(cli.err())
        .endsWith(
            "\nerror: POST "
                + fake.accessTokenUrl()
                + ": HTTP 401, oauth_problem=permission_unknown\n");
    assertThat(Files.exists(dir.resolve("t.properties"))).isFalse();
  }

  @Test
  void namesSignatureInvalidWithTheDiagnosisForAWrongSecret() {
    Cli cli =
        flow("", "--consumer-key", fake.clientCredentials().key(), "--consumer-secret", "nope");
    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(cli.err())
        .startsWith(
            "error: POST "
                + fake.requestTokenUrl()
                + ": HTTP 401, oauth_problem=signature_invalid\n"
                + "The server computed the same base string as we signed, so the signing key"
                + " differs")
        .doesNotContain("\tat ")
        .doesNotContain("nope");
  }

  @Test
  void refusesAMissingKeyAndBadPermsWithExitCode2() {
    Cli noKey = flow("");
    assertThat(noKey.exitCode()).isEqualTo(2);
    assertThat(noKey.err())
        .isEqualTo("error: no consumer key: pass --consumer-key or set FLICKR_API_KEY\n");

    Cli perms = flow("", "--perms", "admin", "--consumer-key", "k", "--consumer-secret", "s");
    assertThat(perms.exitCode()).isEqualTo(2);
    assertThat(perms.err()).isEqualTo("error: --perms must be read, write or delete, not admin\n");
    assertThat(fake.requestCount()).isEqualTo(0);
  }

  @Test
  void failsWhenStandardInputEndsBeforeAVerifier() {
    Cli cli =
        flow(
            "",
            "--consumer-key",
            fake.clientCredentials().key(),
            "--consumer-secret",
            fake.clientCredentials().secret());
    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(cli.err())
        .endsWith("Then type the code it shows: \nerror: no verifier on standard input\n");
  }

  @Test
  void reportsAnUnreachableProviderInOneLine() {
    int port = fake.port();
    fake.close();
    Cli cli =
        Cli.run(
            "",
            Map.of("FLICKR_API_KEY", "k", "FLICKR_API_SECRET", "s"),
            "flow",
            "--oauth-base",
            "http://127.0.0.1:" + port + "/services/oauth/",
            "--tokens",
            dir.resolve("t.properties").toString());
    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(cli.err()).startsWith("error: cannot connect: ");
    assertThat(cli.err().split("\n")).hasSize(1);
  }
}
