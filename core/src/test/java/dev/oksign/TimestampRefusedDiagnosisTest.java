package dev.oksign;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A {@code timestamp_refused} says which timestamp was sent, what the provider accepts, and the
 * skew.
 */
class TimestampRefusedDiagnosisTest {
  /** Our base string for a request signed at {@code timestamp}. */
  private static String ours(long timestamp) {
    return "GET&https%3A%2F%2Fapi.example.com%2F&oauth_consumer_key%3Dk%26oauth_nonce%3Dn"
        + "%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D"
        + timestamp
        + "%26oauth_version%3D1.0";
  }

  private static OAuthProblemException refusal(String body, String ourBaseString) {
    return OAuthProblemException.of("GET https://api.example.com/", 401, body, ourBaseString, null);
  }

  @Test
  void namesTheSkewAheadAndTheRange() {
    OAuthProblemException e =
        refusal(
            "oauth_problem=timestamp_refused&oauth_acceptable_timestamps=1000600-1001200",
            ours(1000000));
    assertThat(e.diagnosis())
        .isEqualTo(
            "The provider refused oauth_timestamp 1000000: it accepts 1000600-1001200, so its"
                + " clock is about 900 s (15 min) ahead of ours.");
    assertThat(e.getMessage())
        .isEqualTo(
            "GET https://api.example.com/: HTTP 401, oauth_problem=timestamp_refused\n"
                + e.diagnosis());
  }

  @Test
  void namesTheSkewBehind() {
    assertThat(
            refusal(
                    "oauth_problem=timestamp_refused&oauth_acceptable_timestamps=996000-996600",
                    ours(1000000))
                .diagnosis())
        .isEqualTo(
            "The provider refused oauth_timestamp 1000000: it accepts 996000-996600, so its clock"
                + " is about 3700 s (1 h 1 min 40 s) behind ours.");
  }

  @Test
  void saysWhatIsMissing() {
    assertThat(refusal("oauth_problem=timestamp_refused", ours(1000000)).diagnosis())
        .isEqualTo(
            "The provider refused oauth_timestamp 1000000 without saying which it accepts (no"
                + " oauth_acceptable_timestamps): check this machine's clock.");
    assertThat(
            refusal("oauth_problem=timestamp_refused&oauth_acceptable_timestamps=soon", null)
                .diagnosis())
        .isEqualTo(
            "The provider refused our oauth_timestamp, and its oauth_acceptable_timestamps is not"
                + " a range: soon: check this machine's clock.");
    assertThat(
            refusal("oauth_problem=timestamp_refused&oauth_acceptable_timestamps=5-65", null)
                .diagnosis())
        .isEqualTo("The provider refused our oauth_timestamp: it accepts 5-65.");
  }
}
