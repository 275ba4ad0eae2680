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
  void formTranscodingEqualsDecodingThenEncoding() {
    FormBody.Builder builder = new FormBody.Builder();
    for (String s : TRICKY) {
      builder.add(s, s);
      builder.addEncoded(s, s);
    }
    Random random = new Random(3986);
    for (int n = 0; n < 3000; n++) {
      builder.add(randomString(random, true), randomString(random, true));
      builder.addEncoded(randomString(random, true), randomEncoded(random));
    }
    FormBody body = builder.build();
    int shortWays = 0;
    for (int i = 0; i < body.size(); i++) {
      String name = Percent.fromFormEncoded(body.encodedName(i));
      if (name != null) {
        assertThat(name).as(body.encodedName(i)).isEqualTo(Percent.encode(body.name(i)));
        shortWays++;
      } else {
        // Null (the long way) is for malformed UTF-8 only, which OkHttp decodes to U+FFFD.
        assertThat(body.name(i)).as(body.encodedName(i)).contains("\uFFFD");
      }
      String value = Percent.fromFormEncoded(body.encodedValue(i));
      if (value != null) {
        assertThat(value).as(body.encodedValue(i)).isEqualTo(Percent.encode(body.value(i)));
        shortWays++;
      } else {
        assertThat(body.value(i)).as(body.encodedValue(i)).contains("\uFFFD");
      }
    }
    // Most fields take the short way.
    assertThat(shortWays).isGreaterThan(body.size());
  }

  @Test
  void formTranscodingTakesTheShortWayForValidUtf8() {
    assertThat(Percent.fromFormEncoded("caf%C3%A9+cr%C3%A8me%21"))
        .isEqualTo("caf%C3%A9%20cr%C3%A8me%21");
    assertThat(Percent.fromFormEncoded("%7e%2b+")).isEqualTo("~%2B%20");
    assertThat(Percent.fromFormEncoded("100%")).isEqualTo("100%25");
    assertThat(Percent.fromFormEncoded("plain")).isEqualTo("plain");
    // Malformed UTF-8 is left to the long way, which decodes as OkHttp does.
    assertThat(Percent.fromFormEncoded("%C3%28")).isNull();
    assertThat(Percent.fromFormEncoded("%ED%A0%80")).isNull();
    assertThat(Percent.fromFormEncoded("%C0%AF")).isNull();
  }

  @Test
  void transcodingStopsWhereItsFlagsSay() {
    String query = "a%41+b=c=d&e%zz";
    char[] chars = query.toCharArray();
    byte[] out = new byte[5 * chars.length];
    int names = Percent.STOP_AT_AMPERSAND | Percent.STOP_AT_EQUALS | Percent.STRICT_ESCAPES;
    int values = Percent.STOP_AT_AMPERSAND | Percent.STRICT_ESCAPES;

    long name = Percent.transcode(chars, 0, chars.length, out, 0, true, names);
    assertThat(name >>> 32).isEqualTo(query.indexOf('='));
    assertThat(new String(out, 0, (int) name, StandardCharsets.US_ASCII)).isEqualTo("aA%2520b");

    long value = Percent.transcode(chars, 7, chars.length, out, 0, true, values);
    assertThat(value >>> 32).isEqualTo(query.indexOf('&'));
    assertThat(new String(out, 0, (int) value, StandardCharsets.US_ASCII)).isEqualTo("c%253Dd");

    // "%zz" starts no escape: refused where escapes are strict, else written as a literal '%'.
    assertThat(Percent.transcode(chars, 11, chars.length, out, 0, true, values)).isEqualTo(-1);
    long lenient = Percent.transcode(chars, 11, chars.length, out, 0, false, 0);
    assertThat(lenient >>> 32).isEqualTo(chars.length);
    assertThat(new String(out, 0, (int) lenient, StandardCharsets.US_ASCII)).isEqualTo("e%25zz");
  }

  @Test
  void firstInvalidEscapeInARegion() {
    assertThat(Percent.firstInvalidEscape("a%41%4")).isEqualTo(4);
    assertThat(Percent.firstInvalidEscape("http://h/?a=%41%4#%zz", 10, 17)).isEqualTo(5);
    assertThat(Percent.firstInvalidEscape("http://h/?a=%41#%zz", 10, 15)).isEqualTo(-1);
  }

  @Test
  void reencodeAsciiMatchesReencode() {
    for (String s : new String[] {"", "%", "a%20b%2F", "%%%", "abc", "%41x"}) {
      StringBuilder expected = new StringBuilder();
      Percent.reencode(s, expected);
      byte[] out = new byte[3 * s.length() + 2];
      int end = Percent.reencodeAscii(s, out, 1);
      assertThat(end).isEqualTo(1 + expected.length());
      assertThat(new String(out, 1, end - 1, StandardCharsets.US_ASCII))
          .isEqualTo(expected.toString());
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
