package dev.oksign.internal;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses an {@code Authorization: OAuth ...} header value (RFC 5849 §3.5.1, RFC 7235 auth-param
 * syntax) leniently where clients differ and strictly where ambiguity could change what is signed:
 * the scheme is case-insensitive, white space around names, {@code =} and commas is optional,
 * values may be quoted (with backslash escapes) or bare, and empty list elements are skipped; an
 * unterminated quote, a name without {@code =} or garbage after a value is an error.
 */
public final class AuthorizationHeader {
  private AuthorizationHeader() {}

  /** True if {@code header} uses the {@code OAuth} scheme. */
  public static boolean isOAuth(String header) {
    String h = stripLeading(header);
    return h.regionMatches(true, 0, OAuth.AUTH_SCHEME, 0, OAuth.AUTH_SCHEME.length())
        && (h.length() == OAuth.AUTH_SCHEME.length()
            || Character.isWhitespace(h.charAt(OAuth.AUTH_SCHEME.length())));
  }

  /**
   * Returns the parameters of an {@code OAuth} header in order, names and values as they appear
   * (still percent-encoded, quotes and escapes removed), including {@code realm}.
   *
   * @throws IllegalArgumentException if the header is not of the {@code OAuth} scheme or is
   *     malformed; the message says where
   */
  public static List<Map.Entry<String, String>> parse(String header) {
    if (!isOAuth(header)) {
      throw new IllegalArgumentException("the Authorization header is not of the OAuth scheme");
    }
    String s = stripLeading(header);
    int n = s.length();
    int i = OAuth.AUTH_SCHEME.length();
    List<Map.Entry<String, String>> out = new ArrayList<>();
    while (true) {
      while (i < n && (s.charAt(i) == ',' || isSpace(s.charAt(i)))) i++;
      if (i >= n) return out;
      int nameStart = i;
      while (i < n && s.charAt(i) != '=' && s.charAt(i) != ',' && !isSpace(s.charAt(i))) i++;
      String name = s.substring(nameStart, i);
      if (name.isEmpty()) {
        throw new IllegalArgumentException(
            "a parameter has no name at index " + i + " of the Authorization header");
      }
      while (i < n && isSpace(s.charAt(i))) i++;
      if (i >= n || s.charAt(i) != '=') {
        throw new IllegalArgumentException(
            "parameter " + name + " has no '=' at index " + i + " of the Authorization header");
      }
      i++;
      while (i < n && isSpace(s.charAt(i))) i++;
      String value;
      if (i < n && s.charAt(i) == '"') {
        StringBuilder v = new StringBuilder();
        i++;
        boolean closed = false;
        while (i < n) {
          char c = s.charAt(i++);
          if (c == '\\' && i < n) {
            v.append(s.charAt(i++));
          } else if (c == '"') {
            closed = true;
            break;
          } else {
            v.append(c);
          }
        }
        if (!closed) {
          throw new IllegalArgumentException(
              "the quoted value of " + name + " has no closing quote in the Authorization header");
        }
        value = v.toString();
        while (i < n && isSpace(s.charAt(i))) i++;
        if (i < n && s.charAt(i) != ',') {
          throw new IllegalArgumentException(
              "expected a comma after the value of "
                  + name
                  + " at index "
                  + i
                  + " of the Authorization header");
        }
      } else {
        int valueStart = i;
        while (i < n && s.charAt(i) != ',') i++;
        int valueEnd = i;
        while (valueEnd > valueStart && isSpace(s.charAt(valueEnd - 1))) valueEnd--;
        value = s.substring(valueStart, valueEnd);
        if (value.indexOf('"') >= 0 || value.indexOf(' ') >= 0 || value.indexOf('\t') >= 0) {
          throw new IllegalArgumentException(
              "the unquoted value of " + name + " is malformed in the Authorization header");
        }
      }
      out.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
    }
  }

  private static String stripLeading(String s) {
    int i = 0;
    while (i < s.length() && isSpace(s.charAt(i))) i++;
    return s.substring(i);
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t';
  }
}
