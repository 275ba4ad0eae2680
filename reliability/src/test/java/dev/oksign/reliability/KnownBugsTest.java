package dev.oksign.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oksign.NonceStore;
import dev.oksign.OAuth1Signer;
import dev.oksign.OAuth1Verifier;
import dev.oksign.Placement;
import dev.oksign.SigningOptions;
import dev.oksign.Verification;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
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

  /** Found by OAuth1VerifierFuzzTest#signedRequestAlwaysVerifies. */
  @Test
  void verifierSkipsEmptyQueryPairsAsTheSignerDoes() throws Exception {
    Request signed =
        signer.sign(new Request.Builder().url("https://api.flickr.com/services/rest/?a=1&&b=2").build());

    Verification v = verifier.verify(signed);

    assertThat(v.problem()).isNull();
    assertThat(v.baseString())
        .isEqualTo(
            "GET&https%3A%2F%2Fapi.flickr.com%2Fservices%2Frest%2F&a%3D1%26b%3D2"
                + "%26oauth_consumer_key%3Dreliability-consumer-key-0001%26oauth_nonce%3Dn1"
                + "%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1700000000"
                + "%26oauth_version%3D1.0");
  }

  /** Found by OAuth1VerifierFuzzTest#signedRequestAlwaysVerifies. */
  @Test
  void formBodyPlacementInALatin1FormEncodesProtocolParametersAsTheServerDecodesThem()
      throws Exception {
    Request request =
        new Request.Builder()
            .url("https://api.flickr.com/services/rest/")
            .post(
                RequestBody.create(
                    "a=1", MediaType.get("application/x-www-form-urlencoded; charset=ISO-8859-1")))
            .tag(SigningOptions.class, SigningOptions.builder().callback("https://e.com/é").build())
            .build();
    Request signed = signer.newBuilder().placement(Placement.FORM_BODY).build().sign(request);

    Verification v = verifier.verify(signed);

    assertThat(v.problem()).isNull();
    assertThat(v.protocolParameters()).containsEntry("oauth_callback", "https://e.com/é");
  }

  /** Found by OAuth1VerifierFuzzTest#signedRequestAlwaysVerifies. */
  @Test
  void formBodyPlacementInAUtf16FormEncodesTheSignatureAsTheServerDecodesIt() throws Exception {
    Request request =
        new Request.Builder()
            .url("https://api.flickr.com/services/rest/")
            .post(
                RequestBody.create(
                    "a=1", MediaType.get("application/x-www-form-urlencoded; charset=UTF-16")))
            .build();
    Request signed = signer.newBuilder().placement(Placement.FORM_BODY).build().sign(request);

    Verification v = verifier.verify(signed);

    assertThat(v.problem()).isNull();
  }
}
