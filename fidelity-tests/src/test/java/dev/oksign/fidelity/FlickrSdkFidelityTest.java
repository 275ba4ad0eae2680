package dev.oksign.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * flickr-sdk 7.1.0, Flickr's own JavaScript client (JSON REST), run with the machine's node against
 * {@code fake-flickr} in a child JVM: the oob token flow and {@code test.login}, the 1,234-photo
 * photoset, a search to its cap, an unknown photoset (code 1), upload and replace, a wrong secret.
 * flickr-sdk signs Flickr's fixed https URLs, so the fake runs with {@code
 * --signed-for-flickr-urls} and the script's transport swaps scheme and host (see {@code
 * src/test/node/flickr-sdk-fidelity.mjs}). Skipped where node and npm are not installed.
 */
class FlickrSdkFidelityTest {
  static final Path SOURCES = Path.of("src/test/node");
  static final Path WORK = Path.of("target/flickr-sdk");

  static boolean runs(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  static String run(Path dir, int timeoutSeconds, List<String> command) throws Exception {
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(timeoutSeconds, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
    String text = new String(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as("%s exit code; output:%n%s", command, text).isZero();
    return text;
  }

  @Test
  void flickrSdkRunsEveryScenarioAgainstFakeFlickr() throws Exception {
    assumeTrue(runs("node", "--version") && runs("npm", "--version"), "node and npm installed");
    Files.createDirectories(WORK);
    for (String file : List.of("package.json", "package-lock.json", "flickr-sdk-fidelity.mjs")) {
      Files.copy(SOURCES.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    run(WORK, 300, List.of("npm", "ci", "--prefer-offline", "--no-audit", "--no-fund"));

    try (FakeFlickrProcess fake = new FakeFlickrProcess("--signed-for-flickr-urls")) {
      URL rest = new URL(fake.get("rest_url"));
      String out =
          run(
              WORK,
              120,
              List.of(
                  "node",
                  "flickr-sdk-fidelity.mjs",
                  "http://" + rest.getHost() + ":" + rest.getPort(),
                  fake.get("consumer_key"),
                  fake.get("consumer_secret"),
                  fake.get("access_token"),
                  fake.get("access_token_secret")));
      assertThat(out.lines().filter(line -> line.startsWith("ok ")))
          .containsExactly(
              "ok oob token flow, test.login",
              "ok photoset walk: 1234 photos",
              "ok search to the cap: 4000 of 6000",
              "ok unknown photoset: code 1",
              "ok upload and replace: 53000000001",
              "ok wrong secret: 401");
    }
  }
}
