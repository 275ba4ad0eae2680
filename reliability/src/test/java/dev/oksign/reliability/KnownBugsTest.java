package dev.oksign.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oksign.NonceStore;
import dev.oksign.OAuth1Signer;
import dev.oksign.OAuth1Verifier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Reproductions of open bugs in other modules, found by the fuzz targets. Each test asserts the
 * correct behaviour and fails until the bug is fixed; the tag keeps them out of the default run
 * ({@code -Dreliability.excludedGroups=none} runs them). See {@link KnownBugs}.
 */
@Tag("known-bug")
class KnownBugsTest {
  final OAuth1Signer signer =
      OAuth1Signer.builder()
          .clientCredentials(Secrets.CLIENT)
          .clock(Fuzzed.CLOCK)
          .nonces(() -> "n1")
          .build();
  final OAuth1Verifier verifier =
      OAuth1Verifier.builder()
          .clientSecrets(key -> key.equals(Secrets.CONSUMER_KEY) ? Secrets.CONSUMER_SECRET : null)
          .clock(Fuzzed.CLOCK)
          .nonceStore(NonceStore.inMemory())
          .build();

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
