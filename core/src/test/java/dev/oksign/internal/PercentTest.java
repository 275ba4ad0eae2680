package dev.oksign.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import okhttp3.FormBody;
import org.junit.jupiter.api.Test;

/**
 * The fast paths of {@link Percent} against independent oracles: {@link URLEncoder} for encoding,
 * and OkHttp's own {@code FormBody.value()} decoding for the form transcoder.
 */
class PercentTest {
  private static final String[] TRICKY = {
    "",
    "a",
    "abc-._~",
    " ",
    "+",
    "a+b",
    "a b",
    "*",
    "~",
    "%",
    "100%",
    "%4",
    "%zz",
    "%2b",
    "%2B",
    "%7e",
    "%7E",
    "%41",
    "%20",
    "é",
    "Île de Ré — café crème!",
    "f/8, 1/250 s: waves & gull",
    "😀",
    "\u2603\u20ac",
    "\ud83d",
    "a\ud83db",
    "\u0000\u001f\u007f",
    "\u0080\u00ff",
    "日本語",
    "%C3",
    "%C3%28",
    "%C3%A9",
    "%c3%a9",
    "%E2%82%AC",
    "%ED%A0%80",
    "%ED%9F%BF",
    "%F0%9F%98%80",
    "%F4%8F%BF%BF",
    "%F4%90%80%80",
    "%C0%AF",
    "%E0%80%AF",
    "%E0%A0%80",
    "%F0%80%80%80",
    "%FF",
    "%80",
    "%C3%A9%",
    "x%C3%A9y%2",
    "a=b&c=d",
    "==",
    "&&",
    "%25",
    "%2525",
  };

  @Test
  void encodeAgreesWithUrlEncoderOnAsciiAndUnicode() {
    Random random = new Random(5849);
    for (int n = 0; n < 5000; n++) {
      String s = randomString(random, false);
      assertThat(Percent.encode(s)).as(s).isEqualTo(urlEncoderOracle(s));
    }
    for (String s : TRICKY) {
      if (hasLoneSurrogate(s)) continue;
      assertThat(Percent.encode(s)).as(s).isEqualTo(urlEncoderOracle(s));
    }
  }

  @Test
  void formParsingEqualsFormBodyDecodingThenEncoding() throws Exception {
    FormBody.Builder builder = new FormBody.Builder();
    for (String s : TRICKY) builder.add(s, s);
    Random random = new Random(3986);
    for (int n = 0; n < 3000; n++) {
      builder.add(randomString(random, true), randomString(random, true));
    }
    FormBody body = builder.build();
    okio.Buffer raw = new okio.Buffer();
    body.writeTo(raw);
    ParameterList parsed = new ParameterList(body.size());
    FormBodies.parse(raw.readUtf8(), StandardCharsets.UTF_8, parsed);

    assertThat(parsed.size()).isEqualTo(body.size());
    for (int i = 0; i < body.size(); i++) {
      assertThat(parsed.encodedName(i)).isEqualTo(Percent.encode(body.name(i)));
      assertThat(parsed.encodedValue(i)).isEqualTo(Percent.encode(body.value(i)));
    }
  }

  @Test
  void formParsingReadsPlusAsSpaceAndKeepsALoneEscapeLiteral() {
    ParameterList parsed = new ParameterList(2);
    FormBodies.parse("caf%C3%A9+cr%C3%A8me%21=%7e%2b+&&100%=x", StandardCharsets.UTF_8, parsed);
    assertThat(parsed.normalized()).isEqualTo("caf%C3%A9%20cr%C3%A8me%21=~%2B%20&100%25=x");
  }

  @Test
  void firstInvalidEscape() {
    assertThat(Percent.firstInvalidEscape("a%41%4")).isEqualTo(4);
    assertThat(Percent.firstInvalidEscape("a=%41%zz")).isEqualTo(5);
    assertThat(Percent.firstInvalidEscape("a=%41%7e")).isEqualTo(-1);
  }

  @Test
  void reencodingIsEncodingOnceMore() {
    for (String s : new String[] {"", "%25", "a%20b%2F", "%25%25%25", "abc", "%41x"}) {
      byte[] out = new byte[Percent.reencodedLength(s) + 1];
      int end = Percent.reencode(s, out, 1);
      assertThat(end).isEqualTo(out.length);
      assertThat(new String(out, 1, end - 1, StandardCharsets.US_ASCII))
          .isEqualTo(Percent.encode(s));
    }
  }

  private static String urlEncoderOracle(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("*", "%2A")
        .replace("%7E", "~");
  }

  private static boolean hasLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean pair =
          Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1));
      if (pair) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  private static String randomString(Random random, boolean surrogates) {
    int length = random.nextInt(12);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(6)) {
        case 0, 1 -> s.append((char) (0x20 + random.nextInt(0x5f)));
        case 2 -> s.append((char) random.nextInt(0x80));
        case 3 -> s.append((char) (0xa0 + random.nextInt(0x60)));
        case 4 -> s.appendCodePoint(0x1f600 + random.nextInt(64));
        default -> {
          if (surrogates && random.nextInt(4) == 0) {
            s.append((char) (0xd800 + random.nextInt(0x800)));
          } else {
            s.append((char) (0x4e00 + random.nextInt(64)));
          }
        }
      }
    }
    return s.toString();
  }

  /** Strings with escapes of random bytes (often malformed UTF-8), {@code +} and raw {@code %}. */
  private static String randomEncoded(Random random) {
    int length = random.nextInt(8);
    StringBuilder s = new StringBuilder();
    String hex = "0123456789ABCDEFabcdef";
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(5)) {
        case 0 ->
            s.append('%')
                .append(hex.charAt(random.nextInt(22)))
                .append(hex.charAt(random.nextInt(22)));
        case 1 -> s.append("%C3%A9");
        case 2 -> s.append('+');
        case 3 -> s.append('%');
        default -> s.append((char) (0x21 + random.nextInt(0x5e)));
      }
    }
    return s.toString();
  }
}
