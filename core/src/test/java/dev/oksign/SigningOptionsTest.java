package dev.oksign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

class SigningOptionsTest {
  @Test
  void protocolParametersKeepTheOrderTheyWereFirstGivenIn() {
    SigningOptions options =
        SigningOptions.builder()
            .verifier("v1")
            .callback("oob")
            .protocolParameter("oauth_session_handle", "h")
            .verifier("v2") // given again: the new value, in its first place
            .build();

    assertThat(options.protocolParameters())
        .containsExactly(
            Map.entry("oauth_verifier", "v2"),
            Map.entry("oauth_callback", "oob"),
            Map.entry("oauth_session_handle", "h"));
    assertThat(options.protocolPairs())
        .containsExactly(
            "oauth_verifier", "v2", "oauth_callback", "oob", "oauth_session_handle", "h");
  }

  @Test
  void newBuilderCopiesAndLeavesTheOriginalAlone() {
    SigningOptions one = SigningOptions.builder().callback("oob").build();
    SigningOptions replaced = one.newBuilder().callback("https://e.com/cb").build(); // no growth
    SigningOptions two = one.newBuilder().verifier("v").callback("https://e.com/cb").build();

    assertThat(one.protocolParameters()).containsExactly(Map.entry("oauth_callback", "oob"));
    assertThat(one.protocolPairs()).containsExactly("oauth_callback", "oob");
    assertThat(replaced.protocolPairs()).containsExactly("oauth_callback", "https://e.com/cb");
    assertThat(two.protocolParameters())
        .containsExactly(
            Map.entry("oauth_callback", "https://e.com/cb"), Map.entry("oauth_verifier", "v"));
    assertThat(two.protocolPairs())
        .containsExactly("oauth_callback", "https://e.com/cb", "oauth_verifier", "v");
  }

  @Test
  void manyProtocolParametersAreAllKeptInOrder() {
    SigningOptions.Builder builder = SigningOptions.builder();
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i < 9; i++) { // the builder's array grows from 2 to 4, 8 and 16 slots
      builder.protocolParameter("oauth_p" + i, "v" + i);
      pairs.add("oauth_p" + i);
      pairs.add("v" + i);
    }
    SigningOptions options = builder.protocolParameter("oauth_p4", "again").build();
    pairs.set(9, "again");

    assertThat(options.protocolPairs()).containsExactlyElementsOf(pairs);
    assertThat(options.protocolParameters()).hasSize(9).containsEntry("oauth_p4", "again");
    assertThat(options.protocolParameters().keySet())
        .containsExactly(
            "oauth_p0",
            "oauth_p1",
            "oauth_p2",
            "oauth_p3",
            "oauth_p4",
            "oauth_p5",
            "oauth_p6",
            "oauth_p7",
            "oauth_p8");
    assertThat(options.newBuilder().build().protocolPairs()).containsExactlyElementsOf(pairs);
  }

  @Test
  void aBuilderCanGoOnAfterBuilding() {
    SigningOptions.Builder builder = SigningOptions.builder().callback("oob");
    SigningOptions first = builder.build();
    SigningOptions second = builder.callback("https://e.com/cb").verifier("v").build();

    assertThat(first.protocolPairs()).containsExactly("oauth_callback", "oob");
    assertThat(second.protocolPairs())
        .containsExactly("oauth_callback", "https://e.com/cb", "oauth_verifier", "v");
  }

  @Test
  void theMapsCannotBeChanged() {
    for (SigningOptions options :
        List.of(
            SigningOptions.builder().callback("oob").signedParameter("a", "b").build(),
            SigningOptions.builder().callback("oob").verifier("v").build(),
            SigningOptions.builder().build())) {
      assertThatThrownBy(() -> options.protocolParameters().put("oauth_x", "y"))
          .isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> options.signedParameters().add(Map.entry("a", "b")))
          .isInstanceOf(UnsupportedOperationException.class);
    }
  }

  @Test
  void namesThatAreNotProtocolParametersOrAreTheSignersAreRefused() {
    assertThatThrownBy(() -> SigningOptions.builder().protocolParameter("callback", "oob"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "callback is not a protocol parameter: protocol parameter names start with oauth_");
    assertThatThrownBy(() -> SigningOptions.builder().protocolParameter("oauth_token", "t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("oauth_token is set by the signer and cannot be given");
    assertThatThrownBy(() -> SigningOptions.builder().callback(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("oauth_callback value == null");
  }

  @Test
  void theSignerPlacesEveryOptionInNameOrder() throws Exception {
    OAuth1Signer signer =
        OAuth1Signer.builder()
            .clientCredentials("key", "secret")
            .nonces(() -> "n")
            .clock(Clock.fixed(Instant.ofEpochSecond(1), ZoneOffset.UTC))
            .build();
    SigningOptions options =
        SigningOptions.builder()
            .verifier("v")
            .protocolParameter("oauth_a", "1")
            .callback("oob")
            .protocolParameter("oauth_z", "2")
            .build();
    Request request =
        new Request.Builder().url("https://e.com/").tag(SigningOptions.class, options).build();

    String header = signer.sign(request).header("Authorization");

    assertThat(header)
        .startsWith(
            "OAuth oauth_a=\"1\", oauth_callback=\"oob\", oauth_consumer_key=\"key\","
                + " oauth_nonce=\"n\", oauth_signature=\"")
        .endsWith(
            "\", oauth_signature_method=\"HMAC-SHA1\", oauth_timestamp=\"1\","
                + " oauth_verifier=\"v\", oauth_version=\"1.0\", oauth_z=\"2\"");
    assertThat(header).isEqualTo(signer.report(request).authorization()); // the general path's
  }
}
