package dev.oksign.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Masks the values of fields whose name holds {@code secret} in a provider's answer, whatever its
 * syntax: a form separated by {@code &} or {@code ;}, JSON, XML, a header-like line, and whatever
 * encoding hides the name ({@code oauth_token_s%65cret}, a body percent-encoded once or twice,
 * {@code \u0065} in JSON). Names are found in the decoded text, as a provider would read them; what
 * is masked is the value's span in the text as it came. When the end of a value is in doubt, more
 * is masked, never less.
 */
public final class SecretMask {
  private SecretMask() {}

  /** What stands in for a masked value. */
  public static final String MASK = "██";

  private static final String SECRET = "secret";

  /** Decoding rounds: a body encoded twice or three times is still read. */
  private static final int ROUNDS = 4;

  /**
   * True if {@code text}, decoded as far as it goes, holds {@code secret} in any case: as a field's
   * name, it means its value is one.
   */
  public static boolean mentionsSecret(String text) {
    return new Decoded(text).lower.contains(SECRET);
  }

  /** Returns {@code text} with the value of every field named {@code *secret*} replaced by ██. */
  public static String mask(String text) {
    Decoded d = new Decoded(text);
    if (!d.lower.contains(SECRET)) return text;
    int m = d.chars.length;
    List<int[]> spans = new ArrayList<>();
    int from = 0;
    for (int at; (at = d.lower.indexOf(SECRET, from)) >= 0; ) {
      from = at + SECRET.length();
      int k = from;
      while (k < m && isNameChar(d.chars[k])) k++;
      while (k < m && (d.chars[k] == '"' || d.chars[k] == '\'' || d.chars[k] == ' ')) k++;
      from = Math.max(from, k); // every "secret" up to k is in this same name
      char delimiter = k < m ? d.chars[k] : 0;
      int start;
      if (delimiter == '=' || delimiter == ':' || delimiter == '>') {
        start = k + 1;
        while (start < m && Character.isWhitespace(d.chars[start])) start++;
      } else if (k >= m || d.isRaw(k, '&') || d.isRaw(k, ';')) {
        continue; // a bare name: no value
      } else {
        start = k; // no delimiter we know: mask what follows
        delimiter = '=';
      }
      if (start >= m) continue;
      int end = valueEnd(d, start, delimiter);
      int spanFrom = d.origin[start];
      int spanTo = end < m ? d.origin[end] : text.length();
      if (spanTo > spanFrom) spans.add(new int[] {spanFrom, spanTo});
      from = Math.max(from, end);
    }
    if (spans.isEmpty()) return text;
    StringBuilder out = new StringBuilder(text.length());
    int written = 0;
    for (int[] span : spans) {
      if (span[1] <= written) continue;
      int spanFrom = Math.max(span[0], written);
      out.append(text, written, spanFrom).append(MASK);
      written = span[1];
    }
    return out.append(text, written, text.length()).toString();
  }

  /**
   * Where the value starting at {@code start} ends (exclusive, in decoded characters): after its
   * closing quote if it is quoted and what follows the quote ends a field; at the next tag for XML;
   * at the end of the line for a {@code name: value} line; else at the later of the next {@code &}
   * and the next {@code ;}, or at the end of the text. Only characters that came as they are (not
   * from an escape) end a value.
   */
  private static int valueEnd(Decoded d, int start, char delimiter) {
    int m = d.chars.length;
    char first = d.chars[start];
    if ((first == '"' || first == '\'') && d.raw[start]) {
      int i = d.next(first, start + 1);
      while (i < m && d.chars[i - 1] == '\\') i = d.next(first, i + 1);
      if (i < m) {
        int next = i + 1;
        int after = next;
        while (after < m && d.raw[after] && Character.isWhitespace(d.chars[after])) after++;
        if (after >= m || (d.raw[after] && isStructural(d.chars[after]))) return next;
        // text after the closing quote: the value did not end there
      }
    }
    if (delimiter == '>') return d.next('<', start);
    if (delimiter == ':') {
      int lineEnd = Math.min(d.next('\n', start), d.next('\r', start));
      if (lineEnd < m) return lineEnd;
    }
    // A form: a value may hold the other separator, so it runs to the later of the next & and ;.
    int amp = d.next('&', start);
    int semicolon = d.next(';', start);
    if (amp == m) return semicolon;
    if (semicolon == m) return amp;
    return Math.max(amp, semicolon);
  }

  private static boolean isStructural(char c) {
    return ",}]&;/><".indexOf(c) >= 0;
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '-'
        || c == '.'
        || c == '~';
  }

  /**
   * The text with percent escapes and JSON {@code \}{@code uXXXX} escapes of ASCII characters
   * decoded, repeatedly; each character knows where it starts in the original and whether it came
   * as it is.
   */
  private static final class Decoded {
    char[] chars;
    int[] origin;
    boolean[] raw;
    final String lower;

    Decoded(String text) {
      int n = text.length();
      chars = text.toCharArray();
      origin = new int[n];
      raw = new boolean[n];
      for (int i = 0; i < n; i++) {
        origin[i] = i;
        raw[i] = true;
      }
      for (int round = 0; round < ROUNDS && decodeOnce(); round++) {}
      lower = new String(chars).toLowerCase(Locale.ROOT);
    }

    boolean isRaw(int i, char c) {
      return raw[i] && chars[i] == c;
    }

    /** Per character that ends values, the index of its next raw occurrence from each index. */
    private final Map<Character, int[]> nexts = new HashMap<>();

    /** The index of the next raw {@code c} at or after {@code from}, or the length if none. */
    int next(char c, int from) {
      int[] next = nexts.get(c);
      if (next == null) {
        int n = chars.length;
        next = new int[n + 1];
        next[n] = n;
        for (int i = n - 1; i >= 0; i--) next[i] = isRaw(i, c) ? i : next[i + 1];
        nexts.put(c, next);
      }
      return next[Math.min(from, chars.length)];
    }

    /** Decodes one level of escapes; false if there was none. */
    private boolean decodeOnce() {
      int n = chars.length;
      char[] outChars = new char[n];
      int[] outOrigin = new int[n];
      boolean[] outRaw = new boolean[n];
      int o = 0;
      boolean changed = false;
      for (int i = 0; i < n; ) {
        int decoded = -1;
        int length = 0;
        if (chars[i] == '%' && i + 2 < n) {
          decoded = hex(chars[i + 1], chars[i + 2]);
          length = 3;
        } else if (chars[i] == '\\' && i + 5 < n && (chars[i + 1] == 'u' || chars[i + 1] == 'U')) {
          int high = hex(chars[i + 2], chars[i + 3]);
          int low = hex(chars[i + 4], chars[i + 5]);
          decoded = high == 0 && low >= 0 ? low : -1;
          length = 6;
        }
        if (decoded >= 0 && decoded < 0x80) {
          outChars[o] = (char) decoded;
          outOrigin[o] = origin[i];
          outRaw[o] = false;
          o++;
          i += length;
          changed = true;
        } else {
          outChars[o] = chars[i];
          outOrigin[o] = origin[i];
          outRaw[o] = raw[i];
          o++;
          i++;
        }
      }
      if (!changed) return false;
      chars = Arrays.copyOf(outChars, o);
      origin = Arrays.copyOf(outOrigin, o);
      raw = Arrays.copyOf(outRaw, o);
      return true;
    }

    private static int hex(char high, char low) {
      int h = hexDigit(high);
      int l = hexDigit(low);
      return h < 0 || l < 0 ? -1 : h * 16 + l;
    }

    private static int hexDigit(char c) {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
    }
  }
}
