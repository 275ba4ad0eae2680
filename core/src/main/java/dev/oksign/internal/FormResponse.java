package dev.oksign.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the {@code application/x-www-form-urlencoded} answers of OAuth 1.0a endpoints (RFC 5849
 * §2.1, §2.3) and of the Problem Reporting extension, which providers send with any content type
 * ({@code text/plain} at Flickr). Knows one quirk: Flickr sends {@code debug_sbs} last and without
 * encoding it again, so the base string's own two {@code &} separators stand in the body.
 */
public final class FormResponse {
  private FormResponse() {}

  /** The parameter in which Flickr (and OAuth.net's reference code) return their base string. */
  public static final String DEBUG_SBS = "debug_sbs";

  /**
   * Returns the decoded fields of {@code body} in order (the first of a repeated name wins), or
   * null if the body is not a form: empty, HTML, JSON, or a line of prose.
   */
  public static Map<String, String> parse(String body) {
    String s = body.trim();
    if (s.isEmpty()) return null;
    Map<String, String> out = new LinkedHashMap<>();
    int n = s.length();
    int start = 0;
    while (start < n) {
      int end = s.indexOf('&', start);
      if (end < 0) end = n;
      if (end > start) {
        int eq = s.indexOf('=', start);
        if (eq < 0 || eq > end) {
          // A bare name is legal in a form, but one that is not a plausible name means prose.
          if (!isName(s, start, end)) return null;
          out.putIfAbsent(Percent.decode(s.substring(start, end), true), "");
        } else {
          if (!isName(s, start, eq)) return null;
          String name = Percent.decode(s.substring(start, eq), true);
          if (name.equals(DEBUG_SBS)) {
            int rawEnd = rawBaseStringEnd(s, eq + 1);
            if (rawEnd > 0) {
              out.putIfAbsent(name, s.substring(eq + 1, rawEnd));
              start = rawEnd + 1;
              continue;
            }
          }
          String value = s.substring(eq + 1, end);
          if (!isValue(value)) return null;
          out.putIfAbsent(name, Percent.decode(value, true));
        }
      }
      start = end + 1;
    }
    return out.isEmpty() ? null : Collections.unmodifiableMap(out);
  }

  /**
   * If a raw base string ({@code METHOD&encoded-uri&encoded-params}) starts at {@code from},
   * returns the index just past it; else -1. Its third part has no raw {@code &} or {@code =}, so
   * it ends at the next {@code &} that starts a field.
   */
  private static int rawBaseStringEnd(String s, int from) {
    int first = s.indexOf('&', from);
    if (first < 0) return -1;
    for (int i = from; i < first; i++) {
      char c = s.charAt(i);
      if (!(c >= 'A' && c <= 'Z') && !(c >= 'a' && c <= 'z')) return -1;
    }
    String rest = s.substring(first + 1).toLowerCase(Locale.ROOT);
    if (!rest.startsWith("http%3a%2f%2f") && !rest.startsWith("https%3a%2f%2f")) return -1;
    int second = s.indexOf('&', first + 1);
    if (second < 0) return -1;
    int third = s.indexOf('&', second + 1);
    int end = third < 0 ? s.length() : third;
    for (int i = second + 1; i < end; i++) {
      if (s.charAt(i) == '=') return -1;
    }
    return end;
  }

  private static boolean isName(String s, int from, int to) {
    if (to <= from) return false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '-'
              || c == '.'
              || c == '%'
              || c == '~'
              || c == '['
              || c == ']';
      if (!ok) return false;
    }
    return true;
  }

  private static boolean isValue(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      // Sloppy providers leave spaces unencoded; markup, JSON and line breaks mean no form.
      if ((c < ' ' && c != '\t') || c == '<' || c == '>' || c == '{' || c == '}') return false;
    }
    return true;
  }
}
