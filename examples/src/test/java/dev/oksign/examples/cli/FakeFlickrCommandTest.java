package dev.oksign.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class FakeFlickrCommandTest {
  @Test
  void servesUntilInterruptedAndPrintsItsUrlsAndKeys() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Io io =
        new Io(
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            Map.of());
    CommandLine cmd = Main.commandLine(io);
    FakeFlickrCommand command =
        (FakeFlickrCommand) cmd.getSubcommands().get("fake-flickr").getCommand();
    int[] exit = {-1};
    Thread thread = new Thread(() -> exit[0] = cmd.execute("fake-flickr"));
    thread.start();
    assertThat(command.started.await(10, TimeUnit.SECONDS)).isTrue();

    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    int port = command.fake.port();
    assertThat(java.util.Arrays.copyOfRange(lines, 0, 5))
        .containsExactly(
            "rest_url: http://127.0.0.1:" + port + "/services/rest/",
            "oauth_url: http://127.0.0.1:" + port + "/services/oauth/",
            "upload_url: http://127.0.0.1:" + port + "/services/",
            "consumer_key: 0ae8ff1e6f0a4e6d8c7b5a4f3e2d1c0b",
            "consumer_secret: 5a1c3e7f9b2d4f60");
    assertThat(lines).hasSize(10);
    assertThat(lines[5]).matches("access_token: \\d{17}-[0-9a-f]{16}");
    assertThat(lines[6]).matches("access_token_secret: [0-9a-f]{16}");
    assertThat(java.util.Arrays.copyOfRange(lines, 7, 10))
        .containsExactly(
            "access_token_perms: write",
            "user: 71234567@N00 oksign-demo",
            "photosets: 72157600000000000 (0 photos), 72157600000000500 (500),"
                + " 72157600000001234 (1234)");
    String login =
        "http://127.0.0.1:"
            + port
            + "/services/rest/?method=flickr.test.login&format=json&nojsoncallback=1"
            + "&api_key=0ae8ff1e6f0a4e6d8c7b5a4f3e2d1c0b";
    try (Response response =
        new OkHttpClient().newCall(new Request.Builder().url(login).build()).execute()) {
      assertThat(response.body().string()).startsWith("{\"stat\":\"fail\",\"code\":99,");
    }
    // The printed token works as printed.
    dev.oksign.OAuth1Signer signer =
        dev.oksign.OAuth1Signer.builder()
            .clientCredentials("0ae8ff1e6f0a4e6d8c7b5a4f3e2d1c0b", "5a1c3e7f9b2d4f60")
            .token(lines[5].substring(14), lines[6].substring(21))
            .build();
    Request signed =
        signer.sign(
            new Request.Builder()
                .url("http://127.0.0.1:" + port + "/services/rest/?method=flickr.test.login")
                .build());
    try (Response response = new OkHttpClient().newCall(signed).execute()) {
      assertThat(response.body().string()).contains("<user id=\"71234567@N00\">");
    }

    thread.interrupt();
    thread.join(10_000);
    assertThat(thread.isAlive()).isFalse();
    assertThat(exit[0]).isEqualTo(0);
  }

  @Test
  void servesTheCannedAnswersOfAStubsDirectory(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Files.writeString(
        dir.resolve("flickr.galleries.getList.json"),
        "{\"galleries\":{\"total\":0,\"gallery\":[]},\"stat\":\"ok\"}");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Io io =
        new Io(
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            Map.of());
    CommandLine cmd = Main.commandLine(io);
    FakeFlickrCommand command =
        (FakeFlickrCommand) cmd.getSubcommands().get("fake-flickr").getCommand();
    Thread thread = new Thread(() -> cmd.execute("fake-flickr", "--stubs", dir.toString()));
    thread.start();
    try {
      assertThat(command.started.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(out.toString(StandardCharsets.UTF_8))
          .endsWith("\nstubs: flickr.galleries.getList\n");
      String url =
          "http://127.0.0.1:"
              + command.fake.port()
              + "/services/rest/?method=flickr.galleries.getList"
              + "&api_key=0ae8ff1e6f0a4e6d8c7b5a4f3e2d1c0b";
      try (Response response =
          new OkHttpClient().newCall(new Request.Builder().url(url).build()).execute()) {
        assertThat(response.body().string()).contains("<galleries total=\"0\">");
      }
    } finally {
      thread.interrupt();
      thread.join(10_000);
    }
  }

  @Test
  void refusesAStubsDirectoryThatCannotBeRead() {
    Cli cli = Cli.run("fake-flickr", "--stubs", "/nonexistent/stubs");
    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(cli.err()).startsWith("error: cannot read the stubs in /nonexistent/stubs: ");
    assertThat(cli.out()).isEmpty();
  }

  @Test
  void refusesABadPort() {
    Cli cli = Cli.run("fake-flickr", "--port", "70000");
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).isEqualTo("error: --port must be 0 to 65535, not 70000\n");
  }
}
