package dev.oksign.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oksign.Token;
import dev.oksign.testing.FakeFlickr;
import dev.oksign.testing.FakeFlickrData;
import dev.oksign.testing.FakeFlickrUploads;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code upload} against the fake, in-process. */
class UploadCommandTest {
  static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F'};

  FakeFlickr fake;
  @TempDir Path dir;
  Path tokens;
  Path photo;

  @BeforeEach
  void start() throws Exception {
    fake = FakeFlickr.builder().build();
    fake.start();
    tokens = tokens("write");
    photo = Files.write(dir.resolve("harbour.jpg"), JPEG);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  Path tokens(String perms) throws Exception {
    Path file = dir.resolve("tokens-" + perms + ".properties");
    Token token =
        fake.issueAccessToken(fake.clientCredentials().key(), FakeFlickrData.DEMO_USER_NSID, perms);
    TokenFile.write(file, token, Map.of("user_nsid", FakeFlickrData.DEMO_USER_NSID));
    return file;
  }

  Cli run(String... args) {
    String[] all = new String[args.length + 6];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--upload-base";
    all[args.length + 1] = fake.uploadBaseUrl().toString();
    all[args.length + 2] = "--consumer-key";
    all[args.length + 3] = fake.clientCredentials().key();
    all[args.length + 4] = "--consumer-secret";
    all[args.length + 5] = fake.clientCredentials().secret();
    return Cli.run(all);
  }

  @Test
  void uploadsAndPrintsThePhotoId() {
    Cli cli =
        run(
            "upload",
            photo.toString(),
            "--title",
            "Harbour at dawn",
            "--description",
            "Boats",
            "--tags",
            "harbour \"north sea\"",
            "--private",
            "--tokens",
            tokens.toString());

    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(0);
    assertThat(cli.out()).isEqualTo("photoid: 53000000001\n");
    assertThat(cli.err()).isEqualTo("upload harbour.jpg: 100% (8 of 8 bytes)\n");
    FakeFlickrUploads.Upload received = fake.uploads().received().get(0);
    assertThat(received.fields())
        .containsExactly(
            Map.entry("title", "Harbour at dawn"),
            Map.entry("description", "Boats"),
            Map.entry("tags", "harbour \"north sea\""),
            Map.entry("is_public", "0"));
    assertThat(received.photo()).isEqualTo(JPEG);
    assertThat(received.fileName()).isEqualTo("harbour.jpg");
  }

  @Test
  void asyncPrintsTheTicketId() {
    Cli cli = run("upload", photo.toString(), "--async", "--public", "--tokens", tokens.toString());
    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(0);
    assertThat(cli.out()).isEqualTo("ticketid: 263000001\n");
    assertThat(fake.uploads().received().get(0).fields())
        .containsExactly(Map.entry("is_public", "1"), Map.entry("async", "1"));
  }

  @Test
  void replacesAPhoto() {
    assertThat(run("upload", photo.toString(), "--tokens", tokens.toString()).exitCode()).isZero();
    Cli cli =
        run("upload", photo.toString(), "--replace", "53000000001", "--tokens", tokens.toString());
    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(0);
    assertThat(cli.out()).isEqualTo("photoid: 53000000001\n");
    assertThat(fake.uploads().received().get(1).isReplace()).isTrue();
  }

  @Test
  void flickrsRefusalIsOneLineWithItsCodeAndExit1() throws Exception {
    Path text = Files.writeString(dir.resolve("notes.txt"), "not a photo", StandardCharsets.UTF_8);
    Cli cli = run("upload", text.toString(), "--tokens", tokens.toString());
    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.err())
        .endsWith("error: Flickr error 5 from upload: Filetype was not recognised\n");

    Cli read = run("upload", photo.toString(), "--tokens", tokens("read").toString());
    assertThat(read.exitCode()).isEqualTo(1);
    assertThat(read.err())
        .endsWith(
            "error: Flickr error 99 from upload: Insufficient permissions. Method requires write"
                + " privileges; read granted. (check the keys and the tokens file)\n");
  }

  @Test
  void usageErrorsExit2() {
    Cli replaceWithTitle =
        run(
            "upload",
            photo.toString(),
            "--replace",
            "1",
            "--title",
            "T",
            "--tokens",
            tokens.toString());
    assertThat(replaceWithTitle.exitCode()).isEqualTo(2);
    assertThat(replaceWithTitle.err())
        .startsWith("error: --replace takes the photo and --async only");

    Cli both =
        run("upload", photo.toString(), "--public", "--private", "--tokens", tokens.toString());
    assertThat(both.exitCode()).isEqualTo(2);

    Cli noTokens = run("upload", photo.toString());
    assertThat(noTokens.exitCode()).isEqualTo(2);
    assertThat(noTokens.err()).contains("--tokens");
    assertThat(fake.requestCount()).isZero();
  }

  @Test
  void missingPhotoFileFailsBeforeSending() {
    Cli cli = run("upload", dir.resolve("nope.jpg").toString(), "--tokens", tokens.toString());
    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(cli.err())
        .isEqualTo("error: cannot read " + dir.resolve("nope.jpg") + ": it is not a file\n");
    assertThat(fake.requestCount()).isZero();
  }

  @Test
  void splitsFlickrTagSyntax() {
    assertThat(UploadCommand.splitTags(" a  \"north sea\" b "))
        .isEqualTo(List.of("a", "north sea", "b"));
  }
}
