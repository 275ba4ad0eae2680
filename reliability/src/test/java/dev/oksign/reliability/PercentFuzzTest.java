package dev.oksign.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.oksign.internal.Percent;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding (RFC 5849 §3.6) and decoding, against the JDK's {@link URLEncoder} and {@link
 * URLDecoder} as independent oracles.
 */
class PercentFuzzTest {

  /**
   * encode gives only unreserved characters and upper-case escapes, agrees with the JDK, and
   * decodes back to the input (a lone surrogate, which has no UTF-8 form, to the '?' the JDK and
   * OkHttp send in its place).
   */
  @FuzzTest(maxDuration = "60s")
  void encodeDecodeRoundTrip(FuzzedDataProvider data) {
    String s = Fuzzed.text(data, 64) + data.consumeRemainingAsString();

    String encoded = Percent.encode(s);

    assertThat(Fuzzed.isEncoded(encoded)).as(encoded).isTrue();
    String jdk =
        URLEncoder.encode(s, StandardCharsets.UTF_8)
            .replace("+", "%20")
            .replace("*", "%2A")
            .replace("%7E", "~");
    assertThat(encoded).isEqualTo(jdk);
    String sent = new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    assertThat(Percent.decode(encoded, false)).isEqualTo(sent);
    assertThat(Percent.decode(encoded, true)).isEqualTo(sent);
    assertThat(Percent.firstInvalidEscape(encoded)).isEqualTo(-1);
    // The base string encodes the normalized parameters a second time: only '%' changes.
    byte[] twice = new byte[Percent.reencodedLength(encoded)];
    assertThat(Percent.reencode(encoded, twice, 0)).isEqualTo(twice.length);
    assertThat(new String(twice, StandardCharsets.US_ASCII)).isEqualTo(Percent.encode(encoded));
  }

  /**
   * decode never throws; where every escape is valid it agrees with the JDK's form decoder, and
   * firstInvalidEscape points at a '%' that starts no escape.
   */
  @FuzzTest(maxDuration = "60s")
  void decodeAgreesWithTheJdk(FuzzedDataProvider data) {
    String s = Fuzzed.text(data, 32) + data.consumeRemainingAsString();

    String form = Percent.decode(s, true);
    String uri = Percent.decode(s, false);

    int invalid = Percent.firstInvalidEscape(s);
    if (invalid < 0) {
      assertThat(form).isEqualTo(URLDecoder.decode(s, StandardCharsets.UTF_8));
      assertThat(uri).isEqualTo(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
    } else {
      assertThat(s.charAt(invalid)).isEqualTo('%');
      assertThat(s.substring(invalid)).doesNotMatch("(?s)%[0-9A-Fa-f]{2}.*");
      assertThat(s.substring(0, invalid).replaceAll("%[0-9A-Fa-f]{2}", "")).doesNotContain("%");
    }
    if (s.indexOf('%') < 0 && s.indexOf('+') < 0) assertThat(form).isSameAs(s);
  }
}
