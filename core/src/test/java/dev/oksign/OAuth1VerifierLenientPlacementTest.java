package dev.oksign;

import static dev.oksign.OAuth1VerifierTest.PHOTOS;
import static dev.oksign.OAuth1VerifierTest.PHOTOS_BASE_STRING;
import static dev.oksign.OAuth1VerifierTest.PHOTOS_SIGNATURE;
import static dev.oksign.OAuth1VerifierTest.TIMESTAMP;
import static dev.oksign.OAuth1VerifierTest.authorization;
import static dev.oksign.OAuth1VerifierTest.photosHeader;
import static dev.oksign.OAuth1VerifierTest.verifier;
import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/**
 * {@link OAuth1Verifier.Builder#lenientPlacement}: protocol parameters split between the header,
 * the query and the body, as Flickr takes them, over OAuth Core 1.0 Appendix A.5's published
 * signature.
 */
class OAuth1VerifierLenientPlacementTest {
  /** The A.5 request with {@code oauth_nonce} moved from the header to the query. */
  static final HttpUrl NONCE_IN_QUERY =
      PHOTOS.newBuilder().addQueryParameter("oauth_nonce", "kllo9940pd9333jh").build();

  static final String HEADER_WITHOUT_NONCE =
      photosHeader(PHOTOS_SIGNATURE).replace(" oauth_nonce=\"kllo9940pd9333jh\",", "");

  @Test
  void mergesParametersSplitBetweenHeaderAndQuery() {
    Verification v =
        verifier(TIMESTAMP)
            .lenientPlacement(true)
            .build()
            .verify("GET", NONCE_IN_QUERY, authorization(HEADER_WITHOUT_NONCE), null);
    assertThat(v.message()).isEqualTo("valid");
    assertThat(v.baseString()).isEqualTo(PHOTOS_BASE_STRING);
  }

  @Test
  void refusesTheSplitByDefault() {
    Verification v =
        verifier(TIMESTAMP)
            .build()
            .verify("GET", NONCE_IN_QUERY, authorization(HEADER_WITHOUT_NONCE), null);
    assertThat(v.problem()).isEqualTo("parameter_rejected");
  }

  @Test
  void countsAParameterSentInTwoPlacesWithOneValueOnce() {
    OAuth1Verifier verifier = verifier(TIMESTAMP).lenientPlacement(true).build();
    Verification same =
        verifier.verify("GET", NONCE_IN_QUERY, authorization(photosHeader(PHOTOS_SIGNATURE)), null);
    assertThat(same.message()).isEqualTo("valid");
    assertThat(same.baseString()).isEqualTo(PHOTOS_BASE_STRING);

    Verification other =
        verifier.verify(
            "GET",
            PHOTOS.newBuilder().addQueryParameter("oauth_nonce", "other").build(),
            authorization(photosHeader(PHOTOS_SIGNATURE)),
            null);
    assertThat(other.problem()).isEqualTo("parameter_rejected");

    Verification twiceInQuery =
        verifier.verify(
            "GET",
            NONCE_IN_QUERY
                .newBuilder()
                .addQueryParameter("oauth_nonce", "kllo9940pd9333jh")
                .build(),
            authorization(photosHeader(PHOTOS_SIGNATURE)),
            null);
    assertThat(twiceInQuery.problem()).isEqualTo("parameter_rejected");
  }
}
