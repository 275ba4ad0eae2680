package dev.oksign.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oksign.testing.FakeFlickr;
import dev.oksign.testing.FakeFlickrData;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code search --all} against the fake, in-process. */
class SearchAllCommandTest {
  FakeFlickr fake;

  @BeforeEach
  void start() throws Exception {
    fake = FakeFlickr.builder().build();
    fake.start();
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

  @Test
  void walksEveryResultPastTheCapWithProgressOnStandardError() {
    Cli cli = run("search", "--text", FakeFlickrData.CORPUS_TAG, "--all");

    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(0);
    List<String> lines = cli.out().lines().toList();
    Set<String> expected = new HashSet<>();
    for (FakeFlickrData.Photo p : fake.data().search(FakeFlickrData.CORPUS_TAG, null, null, null)) {
      expected.add(p.id() + "\t" + p.title());
    }
    assertThat(lines).hasSize(6_000).doesNotHaveDuplicates();
    assertThat(new HashSet<>(lines)).isEqualTo(expected);
    List<String> progress = cli.err().lines().toList();
    assertThat(progress.get(progress.size() - 1))
        .matches(
            "search \"oksign\": 6000 of ~6000 photos, \\d+ slices walked, \\d+ calls"
                + " \\(\\d+ to measure\\), done");
    assertThat(progress).allMatch(line -> line.startsWith("search \"oksign\": "));
  }

  @Test
  void underTheCapPrintsWhatSearchPrints() {
    Cli all = run("search", "--text", "harbour", "--all");
    Cli plain = run("search", "--text", "harbour");

    assertThat(all.exitCode()).as(all.err()).isEqualTo(0);
    assertThat(all.out()).isEqualTo(plain.out()).isNotEmpty();
    assertThat(all.err())
        .isEqualTo(
            "search \"harbour\": 0 of ~501 photos, 0 slices walked, 1 calls (0 to measure)\n"
                + "search \"harbour\": 500 of ~501 photos, 0 slices walked, 2 calls (0 to"
                + " measure)\n"
                + "search \"harbour\": 501 of ~501 photos, 1 slice walked, 2 calls (0 to measure),"
                + " done\n");
  }

  @Test
  void stopsAtTheLimit() {
    Cli cli = run("search", "--text", FakeFlickrData.SEAL_TEXT, "--all", "--limit", "4500");
    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(0);
    assertThat(cli.out().lines().toList()).hasSize(4_500).doesNotHaveDuplicates();
  }
}
