package dev.oksign.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding as RFC 5849 §3.6 defines it: UTF-8, only {@code A-Z a-z 0-9 - . _ ~} left as is,
 * upper-case hex, never {@code +} for a space. And the matching decoders for what arrives from the
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
  public static boolean isUnreserved(char c) {
    return c < 128 && UNRESERVED[c];
  }

  /** Returns {@code s} percent-encoded per RFC 5849 §3.6. */
  @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): a bulk ASCII copy
  public static String encode(String s) {
    int n = s.length();
    int first = 0;
    while (first < n && isUnreserved(s.charAt(first))) first++;
    if (first == n) return s;
    // All ASCII (the usual case): one pass into an array large enough, then cut to size.
    byte[] out = scratch(3 * n);
    s.getBytes(0, first, out, 0);
    int pos = first;
    for (int i = first; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        StringBuilder builder = new StringBuilder(n + 16);
        builder.append(s, 0, first);
        encodeFrom(s, first, builder);
        return builder.toString();
      }
      if (UNRESERVED[c]) {
        out[pos++] = (byte) c;
      } else {
        out[pos++] = '%';
        out[pos++] = (byte) HEX[c >> 4];
        out[pos++] = (byte) HEX[c & 0xF];
      }
    }
    return new String(out, 0, pos, StandardCharsets.ISO_8859_1);
  }

  /**
   * Returns {@code encoded}, a name or value of an {@code application/x-www-form-urlencoded} body
   * as OkHttp's {@code FormBody} holds it, decoded as {@code FormBody.value()} decodes it ({@code
   * +} is a space, escapes are UTF-8) and encoded per RFC 5849 §3.6: the same as {@code
   * encode(formBody.value(i))}, with no decoded string in between. Returns null if {@code encoded}
   * holds anything but ASCII and escapes of well-formed UTF-8; the caller then takes the long way.
   */
  public static String fromFormEncoded(String encoded) {
    int n = encoded.length();
    int first = 0;
    while (first < n) {
      char c = encoded.charAt(first);
      if (c >= 0x80 || !UNRESERVED[c]) break;
      first++;
    }
    if (first == n) return encoded; // the usual name, and many values
    byte[] out = scratch(3 * n);
    int pos = transcodeFormEncoded(encoded.toCharArray(), 0, n, out, 0, false);
    return pos < 0 ? null : new String(out, 0, pos, StandardCharsets.ISO_8859_1);
  }

  /**
   * Writes {@code encoded[from, to)} as {@link #fromFormEncoded(String)} returns it, into {@code
   * out} at {@code pos}; if {@code twice}, encoded once more as the base string needs it (every
   * {@code %} written as {@code %25}). {@code out} must have room for three bytes per character
   * (five if {@code twice}). Returns the position after the last byte written, or -1 if the range
   * holds anything but ASCII and escapes of well-formed UTF-8.
   */
  public static int transcodeFormEncoded(
      char[] encoded, int from, int to, byte[] out, int pos, boolean twice) {
    long result = transcode(encoded, from, to, out, pos, twice, 0);
    return result < 0 ? -1 : (int) result;
  }

  /** For {@link #transcode}: stop before a {@code &}. */
  public static final int STOP_AT_AMPERSAND = 1;

  /** For {@link #transcode}: stop before a {@code =}. */
  public static final int STOP_AT_EQUALS = 2;

  /** For {@link #transcode}: give up on a {@code %} that starts no escape, as a query's must. */
  public static final int STRICT_ESCAPES = 4;

  /**
   * As {@link #transcodeFormEncoded}, up to the first delimiter that {@code flags} names: a query
   * is split and transcoded in one pass. Returns the index it stopped at ({@code to} if at none) in
   * the high 32 bits and the position after the last byte written in the low 32 bits, or -1.
   *
   * <p>It reads a {@code char[]}, not a {@code String}: with {@code String.charAt}, which checks
   * the string's coder and bounds on every call, this loop ran about 1.6 times as long on JDK 17,
   * more than copying the characters out first costs.
   */
  public static long transcode(
      char[] encoded, int from, int to, byte[] out, int pos, boolean twice, int flags) {
    int i = from;
    while (i < to) {
      int run = copyUnreserved(encoded, i, to, out, pos); // most characters
      pos += run - i;
      i = run;
      if (i == to) break;
      char c = encoded[i];
      if (c >= 0x80) return -1;
      if ((c == '&' && (flags & STOP_AT_AMPERSAND) != 0)
          || (c == '=' && (flags & STOP_AT_EQUALS) != 0)) {
        return ((long) i << 32) | pos;
      }
      int b;
      if (c == '%' && i + 2 < to && (b = escaped(encoded, i)) >= 0) {
        if (b >= 0x80) { // a UTF-8 sequence, checked whole, its escapes kept (upper-case)
          int sequence = utf8SequenceLength(encoded, i, to);
          if (sequence < 0) return -1;
          for (int k = 0; k < sequence; k++, i += 3) {
            pos = putEscape(escaped(encoded, i), out, pos, twice);
          }
          continue;
        }
        i += 3;
      } else {
        if (c == '%' && (flags & STRICT_ESCAPES) != 0) return -1;
        b = c == '+' ? ' ' : c; // a lone % too: %25
        i++;
      }
      if (UNRESERVED[b]) {
        out[pos++] = (byte) b;
      } else {
        pos = putEscape(b, out, pos, twice);
      }
    }
    return ((long) i << 32) | pos;
  }

  /**
   * Writes {@code in[from, to)} percent-encoded per §3.6, and a second time if {@code twice} (every
   * {@code %} written as {@code %25}), into {@code out} at {@code pos}, which has room for three
   * bytes per character (five if {@code twice}). Returns the position after the last byte written,
   * or -1 if a character is not ASCII.
   */
  public static int encodeAscii(char[] in, int from, int to, byte[] out, int pos, boolean twice) {
    int i = from;
    while (i < to) {
      int run = copyUnreserved(in, i, to, out, pos);
      pos += run - i;
      i = run;
      if (i == to) break;
      char c = in[i++];
      if (c >= 0x80) return -1;
      pos = putEscape(c, out, pos, twice);
    }
    return pos;
  }

  /**
   * Copies the unreserved characters that start {@code in[from, to)} to {@code out} at {@code pos},
   * as they are; returns the index of the first other character, or {@code to}. A counted loop,
   * which the JIT unrolls.
   */
  private static int copyUnreserved(char[] in, int from, int to, byte[] out, int pos) {
    int i = from;
    for (; i < to; i++) {
      char c = in[i];
      if (c >= 0x80 || !UNRESERVED[c]) break;
      out[pos + i - from] = (byte) c;
    }
    return i;
  }

  /** The values of the hex digits, by character; -1 for any other character below 128. */
  private static final byte[] HEX_VALUE = new byte[128];

  static {
    java.util.Arrays.fill(HEX_VALUE, (byte) -1);
    for (int d = 0; d < 16; d++) {
      HEX_VALUE["0123456789abcdef".charAt(d)] = (byte) d;
      HEX_VALUE["0123456789ABCDEF".charAt(d)] = (byte) d;
    }
  }

  /**
   * The byte of the escape {@code s[i, i + 3)}, whose {@code %} and bounds the caller checked; -1
   * if its two characters are not hex digits.
   */
  private static int escaped(char[] s, int i) {
    int high = hex(s[i + 1]);
    int low = hex(s[i + 2]);
    return (high | low) < 0 ? -1 : (high << 4) | low;
  }

  /** Writes {@code %XX} for byte {@code b}, or {@code %25XX} if {@code twice}. */
  private static int putEscape(int b, byte[] out, int pos, boolean twice) {
    out[pos++] = '%';
    if (twice) {
      out[pos++] = '2';
      out[pos++] = '5';
    }
    out[pos++] = (byte) HEX[b >> 4];
    out[pos++] = (byte) HEX[b & 0xF];
    return pos;
  }

  /** Arrays up to this size, for {@link #scratch}, are kept per thread. */
  private static final int SCRATCH_MAX = 4096;

  private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[256]);

  /**
   * An array of at least {@code size} bytes to write into before a string is cut from it: the
   * calling thread's own up to {@link #SCRATCH_MAX}, else a new one. Its content is not kept.
   */
  private static byte[] scratch(int size) {
    if (size > SCRATCH_MAX) return new byte[size];
    byte[] scratch = SCRATCH.get();
    if (scratch.length < size) {
      scratch = new byte[Math.max(size, Math.min(SCRATCH_MAX, scratch.length * 2))];
      SCRATCH.set(scratch);
    }
    return scratch;
  }

  /**
   * The number of escaped bytes of the well-formed UTF-8 sequence (RFC 3629: no overlong form, no
   * surrogate, nothing above U+10FFFF) whose lead byte is escaped at {@code i}, or -1.
   */
  private static int utf8SequenceLength(char[] s, int i, int n) {
    int lead = escapedByte(s, i, n);
    int length;
    int min = 0x80;
    int max = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) min = 0xA0;
      if (lead == 0xED) max = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) min = 0x90;
      if (lead == 0xF4) max = 0x8F;
    } else {
      return -1;
    }
    for (int k = 1; k < length; k++) {
      int b = escapedByte(s, i + 3 * k, n);
      if (b < (k == 1 ? min : 0x80) || b > (k == 1 ? max : 0xBF)) return -1;
    }
    return length;
  }

  /** The byte escaped as {@code %XX} at {@code i}, or -1 if there is no escape there. */
  private static int escapedByte(char[] s, int i, int n) {
    return i + 2 >= n || s[i] != '%' ? -1 : escaped(s, i);
  }

  /** Appends {@code s}, percent-encoded per RFC 5849 §3.6, to {@code out}. */
  public static void encode(String s, StringBuilder out) {
    int n = s.length();
    int i = 0;
    while (i < n && isUnreserved(s.charAt(i))) i++;
    out.append(s, 0, i);
    if (i < n) encodeFrom(s, i, out);
  }

  private static void encodeFrom(String s, int start, StringBuilder out) {
    int n = s.length();
    for (int i = start; i < n; i++) {
      char c = s.charAt(i);
      if (isUnreserved(c)) {
        out.append(c);
      } else if (c < 0x80) {
        appendByte(out, c);
      } else if (c < 0x800) {
        appendByte(out, 0xC0 | (c >> 6));
        appendByte(out, 0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        appendByte(out, 0xF0 | (cp >> 18));
        appendByte(out, 0x80 | ((cp >> 12) & 0x3F));
        appendByte(out, 0x80 | ((cp >> 6) & 0x3F));
        appendByte(out, 0x80 | (cp & 0x3F));
      } else if (Character.isSurrogate(c)) {
        // A lone surrogate has no UTF-8 form. Encode '?', as String.getBytes(UTF_8) and OkHttp's
        // own URL and form encoders do, so that what is signed is what is sent.
        appendByte(out, '?');
      } else {
        appendByte(out, 0xE0 | (c >> 12));
        appendByte(out, 0x80 | ((c >> 6) & 0x3F));
        appendByte(out, 0x80 | (c & 0x3F));
      }
    }
  }

  private static void appendByte(StringBuilder out, int b) {
    out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
  }

  /**
   * Writes {@code s[from, to)} percent-encoded per RFC 5849 §3.6 into {@code out} at {@code pos},
   * lower-casing {@code A-Z} first if {@code lowerCase}. The caller has sized {@code out} for three
   * bytes per character. Returns the position after the last byte written, or -1 if a character is
   * not ASCII.
   */
  public static int encodeAscii(
      String s, int from, int to, boolean lowerCase, byte[] out, int pos) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) return -1;
      if (lowerCase && c >= 'A' && c <= 'Z') c += 32;
      if (UNRESERVED[c]) {
        out[pos++] = (byte) c;
      } else {
        out[pos++] = '%';
        out[pos++] = (byte) HEX[c >> 4];
        out[pos++] = (byte) HEX[c & 0xF];
      }
    }
    return pos;
  }

  /**
   * Writes ASCII {@code encoded} encoded a second time, as {@link #reencode(String, StringBuilder)}
   * does, into {@code out} at {@code pos}: runs without {@code %} are copied in bulk. Returns the
   * position after the last byte written.
   */
  @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): a bulk ASCII copy
  public static int reencodeAscii(String encoded, byte[] out, int pos) {
    int from = 0;
    for (int i = encoded.indexOf('%'); i >= 0; i = encoded.indexOf('%', i + 1)) {
      encoded.getBytes(from, i, out, pos);
      pos += i - from;
      out[pos++] = '%';
      out[pos++] = '2';
      out[pos++] = '5';
      from = i + 1;
    }
    int n = encoded.length();
    encoded.getBytes(from, n, out, pos);
    return pos + n - from;
  }

  /**
   * Appends {@code encoded}, which is already percent-encoded (so made only of unreserved
   * characters and {@code %XX}), encoded a second time: only {@code %} changes, to {@code %25}.
   */
  public static void reencode(String encoded, StringBuilder out) {
    int n = encoded.length();
    int from = 0;
    for (int i = 0; i < n; i++) {
      if (encoded.charAt(i) == '%') {
        out.append(encoded, from, i).append("%25");
        from = i + 1;
      }
    }
    out.append(encoded, from, n);
  }

  /**
   * Decodes {@code s} as {@code application/x-www-form-urlencoded} does when {@code plusIsSpace},
   * else as RFC 3986 does. A {@code %} that is not followed by two hex digits is kept literally, as
   * browsers and OkHttp keep it. Bytes are read as {@code charset}.
   */
  public static String decode(String s, boolean plusIsSpace, Charset charset) {
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c == '%' || (plusIsSpace && c == '+')) break;
      i++;
    }
    if (i == n) return s;
    StringBuilder out = new StringBuilder(n);
    out.append(s, 0, i);
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
      } else if (plusIsSpace && c == '+') {
        out.append(' ');
        i++;
      } else {
        out.append(c);
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
    return firstInvalidEscape(s, 0, s.length());
  }

  /** As {@link #firstInvalidEscape(String)}, within {@code s[from, to)}. */
  public static int firstInvalidEscape(String s, int from, int to) {
    for (int i = s.indexOf('%', from); i >= 0 && i < to; i = s.indexOf('%', i + 1)) {
      if (i + 2 >= to || hex(s.charAt(i + 1)) < 0 || hex(s.charAt(i + 2)) < 0) return i - from;
    }
    return -1;
  }

  private static boolean isEscape(String s, int i) {
    return i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0;
  }

  /** The value of hex digit {@code c}, or -1. */
  private static int hex(char c) {
    return c < 128 ? HEX_VALUE[c] : -1;
  }
}
