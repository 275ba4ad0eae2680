package dev.oksign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oksign.internal.AuthorizationHeader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthorizationHeaderTest {
  @Test
  void parsesQuotedValuesWithRealm() {
    assertThat(
            AuthorizationHeader.parse(
                "OAuth realm=\"Photos\", oauth_token=\"a%2Cb\", oauth_nonce=\"n\""))
        .containsExactly(
            Map.entry("realm", "Photos"),
            Map.entry("oauth_token", "a%2Cb"),
            Map.entry("oauth_nonce", "n"));
  }

  @Test
  void toleratesCaseSpacingMissingQuotesAndEmptyElements() {
    assertThat(
            AuthorizationHeader.parse(
                "oauth   oauth_a = \"1\" ,oauth_b=2,, oauth_c=\"x, y\"\t,oauth_d=\"\""))
        .containsExactly(
            Map.entry("oauth_a", "1"),
            Map.entry("oauth_b", "2"),
            Map.entry("oauth_c", "x, y"),
            Map.entry("oauth_d", ""));
  }

  @Test
  void unescapesQuotedPairs() {
    assertThat(AuthorizationHeader.parse("OAuth realm=\"a \\\"b\\\" c\""))
        .containsExactly(Map.entry("realm", "a \"b\" c"));
  }

  @Test
  void keepsDuplicatesForTheCallerToRefuse() {
    assertThat(AuthorizationHeader.parse("OAuth oauth_a=\"1\", oauth_a=\"2\"")).hasSize(2);
  }

  @Test
  void refusesMalformedHeaders() {
    assertThatThrownBy(() -> AuthorizationHeader.parse("OAuth oauth_a=\"1"))
        .hasMessage("the quoted value of oauth_a has no closing quote in the Authorization header");
    assertThatThrownBy(() -> AuthorizationHeader.parse("OAuth oauth_a"))
        .hasMessage("parameter oauth_a has no '=' at index 13 of the Authorization header");
    assertThatThrownBy(() -> AuthorizationHeader.parse("OAuth oauth_a=\"1\" oauth_b=\"2\""))
        .hasMessage(
            "expected a comma after the value of oauth_a at index 18 of the Authorization header");
    assertThatThrownBy(() -> AuthorizationHeader.parse("OAuth oauth_a=1 2"))
        .hasMessage("the unquoted value of oauth_a is malformed in the Authorization header");
    assertThatThrownBy(() -> AuthorizationHeader.parse("Bearer abc"))
        .hasMessage("the Authorization header is not of the OAuth scheme");
    assertThat(AuthorizationHeader.isOAuth("OAuthx a=b")).isFalse();
  }
}
