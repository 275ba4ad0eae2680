package dev.oksign.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WireLogTest {
  @Test
  void hmacHeaderIsShownWhole() {
    String header =
        "OAuth oauth_consumer_key=\"k\", oauth_signature=\"abc%3D\","
            + " oauth_signature_method=\"HMAC-SHA1\"";
    assertThat(WireLog.shown(header)).isEqualTo(header);
  }

  @Test
  void plaintextSignatureIsHidden() {
    String header =
        "OAuth oauth_consumer_key=\"k\", oauth_signature=\"consumer%2520secret%26token%2520secret\","
            + " oauth_signature_method=\"PLAINTEXT\"";
    assertThat(WireLog.shown(header))
        .isEqualTo(
            "OAuth oauth_consumer_key=\"k\", oauth_signature=\"(hidden)\","
                + " oauth_signature_method=\"PLAINTEXT\"");
  }

  @Test
  void plaintextSignatureInTheQueryIsHidden() {
    assertThat(
            WireLog.shown(
                "https://example.com/a?x=1&oauth_signature=cs%26ts&oauth_signature_method=PLAINTEXT"))
        .isEqualTo(
            "https://example.com/a?x=1&oauth_signature=(hidden)&oauth_signature_method=PLAINTEXT");
  }

  @Test
  void hmacQueryIsShownWhole() {
    String url = "https://example.com/a?oauth_signature=abc%3D&oauth_signature_method=HMAC-SHA1";
    assertThat(WireLog.shown(url)).isEqualTo(url);
  }
}
