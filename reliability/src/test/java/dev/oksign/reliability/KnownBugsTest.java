package dev.oksign.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Reproductions of open bugs in other modules, found by the reliability tests. Each test asserts the
 * correct behaviour and fails until the bug is fixed; the tag keeps them out of the default run
 * ({@code -Dreliability.excludedGroups=none} runs them). See {@link KnownBugs}.
 */
@Tag("known-bug")
class KnownBugsTest {
  /**
   * examples, {@code sign}: with PLAINTEXT the signature is the signing key, so its {@code
   * signature:}, {@code authorization:} (or {@code url:}/{@code body:}) lines print both secrets
   * although {@code --show-key} was not given.
   */
  @Test
  void signWithPlaintextPrintsNoSecretWithoutShowKey() {
    CliOutputTest.Run r =
        CliOutputTest.run(
            CliOutputTest.ENV,
            "sign",
            "--method",
            "GET",
            "--url",
            "https://api.flickr.com/services/rest/",
            "--signature-method",
            "PLAINTEXT");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).doesNotContain(Secrets.CONSUMER_SECRET);
  }
}
