package dev.oksign.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oksign.redis.RedisServer;
import dev.oksign.testing.FakeFlickr;
import dev.oksign.testing.FakeFlickrData;
import dev.oksign.testing.FakeFlickrExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@link ExportWithASharedBudget} as it is meant to run: two JVMs, one Redis (a real {@code
 * redis-server} on loopback), the fake Flickr. Together they export the whole photoset, each page
 * once, and every call of both took its permit from the one budget in Redis.
 */
class ExportWithASharedBudgetTest {
  @RegisterExtension static final RedisServer redis = new RedisServer();
  @RegisterExtension final FakeFlickrExtension flickr = new FakeFlickrExtension();

  @Test
  void twoProcessesExportOnePhotosetFromOneBudget(@TempDir Path dir) throws Exception {
    FakeFlickr fake = flickr.fake();
    String set = FakeFlickrData.PHOTOSET_500_ID;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> workers = new ArrayList<>();
    for (int worker = 0; worker < 2; worker++) {
      ProcessBuilder process =
          new ProcessBuilder(
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  ExportWithASharedBudget.class.getName(),
                  redis.uri(),
                  set,
                  Integer.toString(worker),
                  "2",
                  fake.restBaseUrl().toString())
              .redirectOutput(dir.resolve("out-" + worker).toFile())
              .redirectError(dir.resolve("err-" + worker).toFile());
      Map<String, String> env = process.environment();
      env.put("FLICKR_API_KEY", fake.clientCredentials().key());
      env.put("FLICKR_API_SECRET", fake.clientCredentials().secret());
      workers.add(process.start());
    }
    List<String> lines = new ArrayList<>();
    for (int worker = 0; worker < 2; worker++) {
      Process process = workers.get(worker);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as(Files.readString(dir.resolve("err-" + worker))).isZero();
      assertThat(dir.resolve("err-" + worker)).as("stderr of worker %s", worker).isEmptyFile();
      List<String> out = Files.readAllLines(dir.resolve("out-" + worker), StandardCharsets.UTF_8);
      assertThat(out).as("worker %s exported something", worker).isNotEmpty();
      lines.addAll(out);
    }

    List<String> expected =
        fake.data().photoset(set).photos().stream()
            .map(photo -> photo.id() + " " + photo.title())
            .collect(Collectors.toList());
    assertThat(lines).hasSize(500).containsExactlyInAnyOrderElementsOf(expected);
    // Five pages of 100: five calls, each one permit of the one budget of the key.
    assertThat(fake.requestCount()).isEqualTo(5);
    assertThat(redis.integer("ZCARD oksign:budget:flickr:" + fake.clientCredentials().key()))
        .isEqualTo(5);
  }
}
