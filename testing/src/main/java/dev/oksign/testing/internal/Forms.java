package dev.oksign.testing.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Form encoding as OAuth 1.0a providers write their token responses (RFC 5849 §3.6 encoding). */
public final class Forms {
  private Forms() {}

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** Percent-encodes {@code s} per RFC 5849 §3.6. */
  public static String encode(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }

  /** Returns {@code name=value&...} in the given order. */
  public static String write(List<Map.Entry<String, String>> fields) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> e : fields) {
      if (out.length() > 0) out.append('&');
      out.append(encode(e.getKey())).append('=').append(encode(e.getValue()));
    }
    return out.toString();
  }

  /** Parses an {@code application/x-www-form-urlencoded} body ({@code +} is a space). */
  public static List<Map.Entry<String, String>> parse(String body) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    if (body == null || body.isEmpty()) return out;
    for (String pair : body.split("&", -1)) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      out.add(Map.entry(decode(name), decode(value)));
    }
    return out;
  }

  /** Decodes a form value: {@code +} is a space, {@code %XX} a byte of UTF-8. */
  public static String decode(String s) {
    byte[] bytes = new byte[s.length()];
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '+') {
        bytes[n++] = ' ';
      } else if (c == '%'
          && i + 2 < s.length()
          && hex(s.charAt(i + 1)) >= 0
          && hex(s.charAt(i + 2)) >= 0) {
        bytes[n++] = (byte) ((hex(s.charAt(i + 1)) << 4) | hex(s.charAt(i + 2)));
        i += 2;
      } else if (c < 0x80) {
        bytes[n++] = (byte) c;
      } else {
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (n + utf8.length > bytes.length)
          bytes = java.util.Arrays.copyOf(bytes, n + utf8.length + s.length());
        System.arraycopy(utf8, 0, bytes, n, utf8.length);
        n += utf8.length;
      }
    }
    return new String(bytes, 0, n, StandardCharsets.UTF_8);
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }
}
