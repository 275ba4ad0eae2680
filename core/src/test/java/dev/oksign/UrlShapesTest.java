package dev.oksign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

/**
 * The query signed is the one {@link HttpUrl} parses ({@code encodedQuery()}), whatever {@code ?}
 * and {@code #} the fragment or the path hold (issue #17, item 1).
 */
class UrlShapesTest {
  private static final OAuth1Signer SIGNER =
      OAuth1Signer.builder()
          .clientCredentials("ck", "cs")
          .clock(Clock.fixed(Instant.ofEpochSecond(1316657628), ZoneOffset.UTC))
          .nonces(() -> "n")
          .includeVersion(false)
          .build();

  private static final String PROTOCOL =
      "oauth_consumer_key=ck&oauth_nonce=n&oauth_signature_method=HMAC-SHA1"
          + "&oauth_timestamp=1316657628";

  @Test
  void aQuestionMarkInTheFragmentOfAUrlWithoutAQueryIsNoQuery() throws Exception {
    for (String url :
        new String[] {
          "https://api.example.com/photos#top?x", "https://api.example.com/photos#a?%zz"
        }) {
      Request signed = SIGNER.sign(new Request.Builder().url(url).build());
      assertThat(signed.header("Authorization")).startsWith("OAuth oauth_consumer_key=\"ck\"");
      assertThat(
              SIGNER
                  .report(signed.newBuilder().removeHeader("Authorization").build())
                  .normalizedParameters())
          .isEqualTo(PROTOCOL);
    }
  }

  @Test
  void anEmptyQueryHasNoParameters() throws Exception {
    assertThat(report("https://api.example.com/photos?").normalizedParameters())
        .isEqualTo(PROTOCOL);
    assertThat(report("https://api.example.com/photos?#?a=b").normalizedParameters())
        .isEqualTo(PROTOCOL);
  }

  @Test
  void anInvalidEscapeInTheQueryIsRefusedButNotInTheFragment() throws Exception {
    assertThatThrownBy(() -> report("https://api.example.com/p?a=%zz#x"))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("query")
        .hasMessageContaining("'%zz'");
    assertThat(report("https://api.example.com/p?a=b#%zz?c=%").normalizedParameters())
        .isEqualTo("a=b&" + PROTOCOL);
  }

  /**
   * Any arrangement of {@code ?}, {@code #}, {@code &}, {@code =} and escapes after the path: the
   * signer either signs exactly the query parameters HttpUrl parsed, encoded by the JDK's encoder,
   * or refuses with a {@link SigningException} (an invalid escape in the query); nothing else.
   */
  @Property(tries = 2000)
  void signsTheQueryHttpUrlParsesAndNothingElse(@ForAll("tails") String tail) throws Exception {
    HttpUrl url = HttpUrl.parse("https://api.example.com/photos" + tail);
    if (url == null) return;
    SigningReport report;
    try {
      report = SIGNER.report(new Request.Builder().url(url).build());
    } catch (SigningException refused) {
      assertThat(url.encodedQuery()).contains("%");
      return;
    }
    List<String[]> pairs = new ArrayList<>();
    for (int i = 0; i < url.querySize(); i++) {
      String name = url.queryParameterName(i);
      String value = url.queryParameterValue(i);
      if (name.isEmpty() && value == null) continue;
      pairs.add(new String[] {jdkEncode(name), jdkEncode(value == null ? "" : value)});
    }
    for (String p : PROTOCOL.split("&")) pairs.add(p.split("="));
    // §3.4.1.3.2: by name, then by value.
    pairs.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
    List<String> joined = new ArrayList<>();
    for (String[] p : pairs) joined.add(p[0] + "=" + p[1]);
    assertThat(report.normalizedParameters()).isEqualTo(String.join("&", joined));
    assertThat(report.baseString())
        .startsWith("GET&" + jdkEncode("https://api.example.com" + url.encodedPath()) + "&");
  }

  @Provide
  Arbitrary<String> tails() {
    return Arbitraries.of("?", "#", "&", "=", "a", "b=", "%zz", "%41", "%", "+", "/", "é", " ")
        .list()
        .ofMaxSize(10)
        .map(pieces -> String.join("", pieces));
  }

  private static SigningReport report(String url) throws Exception {
    return SIGNER.report(new Request.Builder().url(url).build());
  }

  private static String jdkEncode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("*", "%2A")
        .replace("%7E", "~");
  }
}
