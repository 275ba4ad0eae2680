package dev.oksign.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oksign.NonceStore;
import dev.oksign.OAuth1Signer;
import dev.oksign.OAuth1Verifier;
import dev.oksign.Verification;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

/** Bugs the reliability tests found in other modules and that are fixed: kept from coming back. */
class FixedBugsTest {
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

  /** Found by OAuth1VerifierFuzzTest#signedRequestAlwaysVerifies; fixed in core f6b136c. */
  @Test
  void verifierSkipsEmptyQueryPairsAsTheSignerDoes() throws Exception {
    Request signed =
        signer.sign(
            new Request.Builder().url("https://api.flickr.com/services/rest/?a=1&&b=2").build());

    Verification v = verifier.verify(signed);

    assertThat(v.problem()).isNull();
    assertThat(v.baseString())
        .isEqualTo(
            "GET&https%3A%2F%2Fapi.flickr.com%2Fservices%2Frest%2F&a%3D1%26b%3D2"
                + "%26oauth_consumer_key%3Dreliability-consumer-key-0001%26oauth_nonce%3Dn1"
                + "%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1700000000"
                + "%26oauth_version%3D1.0");
  }
}
