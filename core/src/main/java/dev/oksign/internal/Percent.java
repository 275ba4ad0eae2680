package dev.oksign.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding as RFC 5849 §3.6 defines it: UTF-8, only {@code A-Z a-z 0-9 - . _ ~} left as is,
 * upper-case hex, never {@code +} for a space. And the matching decoder for what arrives from the
 * network.
 */
public final class Percent {
  private Percent() {}

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  private static final boolean[] UNRESERVED = new boolean[128];

  static {
    for (char c = 'A'; c <= 'Z'; c++) UNRESERVED[c] = true;
    for (char c = 'a'; c <= 'z'; c++) UNRESERVED[c] = true;
    for (char c = '0'; c <= '9'; c++) UNRESERVED[c] = true;
    UNRESERVED['-'] = true;
    UNRESERVED['.'] = true;
    UNRESERVED['_'] = true;
    UNRESERVED['~'] = true;
  }

  /** True if {@code c} is one of RFC 3986's unreserved characters. */
  public static boolean isUnreserved(int c) {
    return c >= 0 && c < 128 && UNRESERVED[c];
  }

  /**
   * Returns {@code s} percent-encoded per RFC 5849 §3.6. A lone surrogate, which has no UTF-8 form,
   * is encoded as {@code ?}, as {@code String.getBytes(UTF_8)} and OkHttp's own URL and form
   * encoders send it, so that what is signed is what is sent.
   */
  public static String encode(String s) {
    int n = s.length();
    int i = 0;
    while (i < n && isUnreserved(s.charAt(i))) i++;
    if (i == n) return s; // the usual name, and many values
    int length = i;
    for (int k = i; k < n; k++) {
      char c = s.charAt(k);
      length += isUnreserved(c) ? 1 : c < 0x80 ? 3 : c < 0x800 || Character.isSurrogate(c) ? 6 : 9;
    }
    byte[] out = new byte[length]; // exactly: a huge value is never copied to grow
    int pos = 0;
    for (int k = 0; k < i; k++) out[pos++] = (byte) s.charAt(k);
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (isUnreserved(c)) {
        out[pos++] = (byte) c;
      } else if (c < 0x80) {
        pos = escape(out, pos, c);
      } else if (c < 0x800) {
        pos = escape(out, pos, 0xC0 | (c >> 6));
        pos = escape(out, pos, 0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        pos = escape(out, pos, 0xF0 | (cp >> 18));
        pos = escape(out, pos, 0x80 | ((cp >> 12) & 0x3F));
        pos = escape(out, pos, 0x80 | ((cp >> 6) & 0x3F));
        pos = escape(out, pos, 0x80 | (cp & 0x3F));
      } else if (Character.isSurrogate(c)) {
        pos = escape(out, pos, '?');
      } else {
        pos = escape(out, pos, 0xE0 | (c >> 12));
        pos = escape(out, pos, 0x80 | ((c >> 6) & 0x3F));
        pos = escape(out, pos, 0x80 | (c & 0x3F));
      }
    }
    return new String(out, 0, pos, StandardCharsets.ISO_8859_1);
  }

  private static int escape(byte[] out, int pos, int b) {
    out[pos] = '%';
    out[pos + 1] = (byte) HEX[(b >> 4) & 0xF];
    out[pos + 2] = (byte) HEX[b & 0xF];
    return pos + 3;
  }

  /**
   * The length of {@code encoded}, which {@link #encode} wrote (so made only of unreserved
   * characters and {@code %XX}), once {@link #reencode reencoded}.
   */
  public static int reencodedLength(String encoded) {
    int length = encoded.length();
    for (int i = encoded.indexOf('%'); i >= 0; i = encoded.indexOf('%', i + 3)) length += 2;
    return length;
  }

  /**
   * Writes {@code encoded}, which {@link #encode} wrote, encoded a second time as the base string
   * needs it (§3.4.1.1), into {@code out} at {@code pos}; returns the position after. That is
   * {@link #encode} again, in which only {@code %} changes, to {@code %25}.
   */
  @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): a bulk ASCII copy
  public static int reencode(String encoded, byte[] out, int pos) {
    int from = 0;
    for (int i = encoded.indexOf('%'); i >= 0; i = encoded.indexOf('%', i + 1)) {
      encoded.getBytes(from, i, out, pos);
      pos += i - from;
      out[pos++] = '%';
      out[pos++] = '2';
      out[pos++] = '5';
      from = i + 1;
    }
    encoded.getBytes(from, encoded.length(), out, pos);
    return pos + encoded.length() - from;
  }

  /**
   * Decodes {@code s} as {@code application/x-www-form-urlencoded} does when {@code plusIsSpace},
   * else as RFC 3986 does. A {@code %} that is not followed by two hex digits is kept literally, as
   * browsers and OkHttp keep it. Bytes are read as {@code charset}.
   */
  public static String decode(String s, boolean plusIsSpace, Charset charset) {
    return decode(s, 0, s.length(), plusIsSpace, charset);
  }

  /** As {@link #decode(String, boolean, Charset)}, {@code s[from, to)}. */
  public static String decode(String s, int from, int n, boolean plusIsSpace, Charset charset) {
    int i = from;
    while (i < n) {
      char c = s.charAt(i);
      if (c == '%' || (plusIsSpace && c == '+')) break;
      i++;
    }
    if (i == n) return from == 0 && n == s.length() ? s : s.substring(from, n);
    StringBuilder out = new StringBuilder(n - from);
    out.append(s, from, i);
    byte[] bytes = null;
    while (i < n) {
      char c = s.charAt(i);
      if (c == '%' && isEscape(s, i)) {
        if (bytes == null) bytes = new byte[n / 3 + 1];
        int len = 0;
        while (i < n && s.charAt(i) == '%' && isEscape(s, i)) {
          bytes[len++] = (byte) ((hex(s.charAt(i + 1)) << 4) | hex(s.charAt(i + 2)));
          i += 3;
        }
        out.append(new String(bytes, 0, len, charset));
      } else {
        out.append(plusIsSpace && c == '+' ? ' ' : c);
        i++;
      }
    }
    return out.toString();
  }

  /** Decodes with UTF-8. */
  public static String decode(String s, boolean plusIsSpace) {
    return decode(s, plusIsSpace, StandardCharsets.UTF_8);
  }

  /**
   * Returns the index of the first {@code %} in {@code s} that is not followed by two hex digits,
   * or -1 if every escape is well formed.
   */
  public static int firstInvalidEscape(String s) {
    for (int i = s.indexOf('%'); i >= 0; i = s.indexOf('%', i + 1)) {
      if (!isEscape(s, i)) return i;
    }
    return -1;
  }

  private static boolean isEscape(String s, int i) {
    return i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0;
  }

  /** The value of hex digit {@code c}, or -1. */
  private static int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  }
}
