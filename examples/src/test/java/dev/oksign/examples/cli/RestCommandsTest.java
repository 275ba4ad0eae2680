package dev.oksign.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oksign.Token;
import dev.oksign.testing.FakeFlickr;
import dev.oksign.testing.FakeFlickrData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code photoset} and {@code search} against the fake, in-process. */
class RestCommandsTest {
  FakeFlickr fake;
  @TempDir Path dir;
  Path tokens;

  @BeforeEach
  void start() throws Exception {
    fake = FakeFlickr.builder().build();
    fake.start();
    tokens = dir.resolve("tokens.properties");
    Token token = fake.issueAccessToken();
    TokenFile.write(tokens, token, Map.of("user_nsid", FakeFlickrData.DEMO_USER_NSID));
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  Cli run(String... args) {
    String[] all = new String[args.length + 6];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--api-base";
    all[args.length + 1] = fake.restBaseUrl().toString();
    all[args.length + 2] = "--consumer-key";
    all[args.length + 3] = fake.clientCredentials().key();
    all[args.length + 4] = "--consumer-secret";
    all[args.length + 5] = fake.clientCredentials().secret();
    return Cli.run(all);
  }

  static String lines(List<FakeFlickrData.Photo> photos) {
    return photos.stream().map(p -> p.id() + "\t" + p.title() + "\n").collect(Collectors.joining());
  }

  @Test
  void printsEveryPhotoOfAPhotosetWithProgressOnStandardError() {
    Cli cli =
        run(
            "photoset",
            "--photoset-id",
            FakeFlickrData.PHOTOSET_1234_ID,
            "--tokens",
            tokens.toString());
    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(0);
    assertThat(cli.out())
        .isEqualTo(lines(fake.data().photoset(FakeFlickrData.PHOTOSET_1234_ID).photos()));
    assertThat(cli.err())
        .isEqualTo(
            "photoset 72157600000001234: page 1 of 3 (1234 in all)\n"
                + "photoset 72157600000001234: page 2 of 3 (1234 in all)\n"
                + "photoset 72157600000001234: page 3 of 3 (1234 in all)\n");
    assertThat(fake.requestCount()).isEqualTo(3);
  }

  @Test
  void readsPublicPhotosetsWithoutTokens() {
    Cli cli = run("photoset", "--photoset-id", FakeFlickrData.PHOTOSET_500_ID);
    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(0);
    assertThat(cli.out())
        .isEqualTo(lines(fake.data().photoset(FakeFlickrData.PHOTOSET_500_ID).photos()));
  }

  @Test
  void printsNothingForAnEmptyPhotoset() {
    Cli cli = run("photoset", "--photoset-id", FakeFlickrData.EMPTY_PHOTOSET_ID);
    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(0);
    assertThat(cli.out()).isEmpty();
  }

  @Test
  void stopsAtTheLimitWithoutFetchingMore() {
    Cli cli = run("photoset", "--photoset-id", FakeFlickrData.PHOTOSET_1234_ID, "--limit", "10");
    assertThat(cli.out())
        .isEqualTo(
            lines(fake.data().photoset(FakeFlickrData.PHOTOSET_1234_ID).photos().subList(0, 10)));
    assertThat(fake.requestCount()).isEqualTo(1);
  }

  @Test
  void printsASearchInFlickrsOrder() {
    Cli cli = run("search", "--text", "harbour", "--tokens", tokens.toString());
    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(0);
    assertThat(cli.out()).isEqualTo(lines(fake.data().search("harbour", null, null, null)));
  }

  @Test
  void stopsASearchAtFlickrs4000ResultsAndSaysSo() {
    Cli cli = run("search", "--text", FakeFlickrData.CORPUS_TAG);
    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(0);
    assertThat(cli.out())
        .isEqualTo(
            lines(
                fake.data().search(FakeFlickrData.CORPUS_TAG, null, null, null).subList(0, 4000)));
    assertThat(cli.err())
        .endsWith(
            "search \"oksign\": Flickr serves the first 4000 of 6000 results of a search;"
                + " --all walks past the cap to the rest\n");
  }

  @Test
  void namesFlickrsErrorCode() {
    Cli cli = run("photoset", "--photoset-id", "123");
    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(1);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.err())
        .isEqualTo("error: Flickr error 1 from flickr.photosets.getPhotos: Photoset not found\n");
  }

  @Test
  void namesTheProvidersOAuthProblem() {
    Cli cli =
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
            "wrong-secret");
    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(1);
    assertThat(cli.err())
        .startsWith("error: ")
        .contains("signature_invalid")
        .doesNotContain("\tat ");
    assertThat(cli.err()).doesNotContain("wrong-secret");
  }

  @Test
  void refusesAMissingKeyWithExitCode2() {
    Cli cli =
        Cli.run("photoset", "--photoset-id", "1", "--api-base", fake.restBaseUrl().toString());
    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(2);
    assertThat(cli.err())
        .isEqualTo("error: no consumer key: pass --consumer-key or set FLICKR_API_KEY\n");
    assertThat(fake.requestCount()).isEqualTo(0);
  }

  @Test
  void reportsAMissingOrIncompleteTokensFileWithExitCode1() throws Exception {
    Path missing = dir.resolve("none.properties");
    Cli cli = run("photoset", "--photoset-id", "1", "--tokens", missing.toString());
    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(1);
    assertThat(cli.err())
        .isEqualTo(
            "error: cannot read tokens file "
                + missing
                + ": it does not exist (run the flow command first)\n");

    Path incomplete = dir.resolve("incomplete.properties");
    Files.writeString(incomplete, "oauth_token=abc\n");
    Cli half = run("photoset", "--photoset-id", "1", "--tokens", incomplete.toString());
    assertThat(half.exitCode()).isEqualTo(1);
    assertThat(half.err())
        .isEqualTo(
            "error: tokens file "
                + incomplete
                + " has no oauth_token_secret (run the flow command to write it)\n");
    assertThat(fake.requestCount()).isEqualTo(0);
  }

  @Test
  void writesTheTokensFileForItsOwnerOnly() throws Exception {
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens)))
        .isEqualTo("rw-------");
  }

  @Test
  void verboseShowsTheSignatureButNoSecret() {
    Cli cli =
        run(
            "photoset",
            "--photoset-id",
            FakeFlickrData.PHOTOSET_500_ID,
            "--tokens",
            tokens.toString(),
            "--verbose");
    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(0);
    Token token = TokenFile.read(tokens);
    assertThat(cli.err())
        .contains(
            "> GET "
                + fake.restBaseUrl()
                + "?method=flickr.photosets.getPhotos&photoset_id=72157600000000500&page=1"
                + "&per_page=500&format=json&nojsoncallback=1\n")
        .contains(
            ">   Authorization: OAuth oauth_consumer_key=\""
                + fake.clientCredentials().key()
                + "\", ")
        .contains("oauth_signature=\"")
        .contains("oauth_token=\"" + token.value() + "\"")
        .contains("< 200 /services/rest/")
        .doesNotContain(token.secret())
        .doesNotContain(fake.clientCredentials().secret());
  }
}
