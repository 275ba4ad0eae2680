package dev.oksign.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Explains a refused signature in plain words: compares the base string a server computed ({@code
 * debug_sbs}) with the one we signed and says where they first differ; without the server's, lists
 * the usual causes.
 */
public final class BaseStringDiagnosis {
  private BaseStringDiagnosis() {}

  /**
   * Returns the differences between the server's base string and ours, the first difference first,
   * one per line, followed by both base strings.
   */
  public static String compare(String server, String ours) {
    StringBuilder out = new StringBuilder();
    if (server.equals(ours)) {
      out.append(
          "The server computed the same base string as we signed, so the signing key differs:"
              + " check the consumer secret and the token secret (for access_token, the secret of"
              + " the request token; for request_token, no token secret at all).");
    } else {
      List<String> differences = differences(server, ours);
      if (differences.isEmpty()) {
        out.append("The base strings differ in a way not understood: compare them below.");
      } else {
        out.append("The base strings first differ in the ").append(differences.get(0)).append('.');
        for (int i = 1; i < differences.size(); i++) {
          out.append("\nThey also differ in the ").append(differences.get(i)).append('.');
        }
      }
    }
    out.append("\nServer's base string: ").append(server);
    out.append("\nOur base string:      ").append(ours);
    return out.toString();
  }

  /** The usual causes of {@code signature_invalid}, for a server that does not send its own. */
  public static String usualSuspects(String ours) {
    return "The server did not send its base string (debug_sbs). The usual causes:"
        + "\n- the key: the wrong consumer secret, or the wrong token secret (access_token is"
        + " signed with the request token's secret, request_token with none);"
        + "\n- the URL: the server sees another scheme, host (www. or not), port or path (a"
        + " trailing slash counts) than the one signed, often behind a proxy or after a redirect;"
        + "\n- the parameters: a query or form parameter added after signing, a multipart field"
        + " not passed as a signed parameter, a value encoded differently (a space as + or %20);"
        + "\n- the method: GET signed, POST sent, or the reverse."
        + (ours == null ? "" : "\nOur base string: " + ours);
  }

  /**
   * Explains a {@code timestamp_refused}: the {@code oauth_timestamp} we signed (read from {@code
   * ours}, our base string, if known), the provider's {@code oauth_acceptable_timestamps} range
   * ({@code acceptable}, {@code min-max}, if sent) and the skew between the two clocks they
   * measure.
   */
  public static String timestampRefused(String acceptable, String ours) {
    Long sent = null;
    String[] o = ours == null ? null : split(ours);
    if (o != null) {
      List<String> values = params(Percent.decode(o[2], false)).get(OAuth.TIMESTAMP);
      if (values != null && values.size() == 1) sent = parseLong(values.get(0));
    }
    Long min = null;
    Long max = null;
    int dash = acceptable == null ? -1 : acceptable.indexOf('-', 1);
    if (dash > 0) {
      min = parseLong(acceptable.substring(0, dash).trim());
      max = parseLong(acceptable.substring(dash + 1).trim());
    }
    String refused =
        "The provider refused "
            + (sent == null ? "our oauth_timestamp" : "oauth_timestamp " + sent);
    if (min == null || max == null || min > max) {
      return refused
          + (acceptable == null
              ? " without saying which it accepts (no oauth_acceptable_timestamps)"
              : ", and its oauth_acceptable_timestamps is not a range: " + acceptable)
          + ": check this machine's clock.";
    }
    String range = ": it accepts " + min + "-" + max;
    if (sent == null) return refused + range + ".";
    if (sent >= min && sent <= max) {
      return refused + " although it says it accepts " + min + "-" + max + ", which holds it.";
    }
    long skew = min + (max - min) / 2 - sent;
    return refused
        + range
        + ", so its clock is about "
        + Math.abs(skew)
        + " s"
        + (Math.abs(skew) >= 60 ? " (" + readable(Math.abs(skew)) + ")" : "")
        + (skew > 0 ? " ahead of ours." : " behind ours.");
  }

  private static Long parseLong(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** {@code 3660} as {@code 1 h 1 min}: the non-zero hours, minutes and seconds. */
  private static String readable(long seconds) {
    StringBuilder out = new StringBuilder();
    long h = seconds / 3600;
    long m = seconds / 60 % 60;
    long sec = seconds % 60;
    if (h > 0) out.append(h).append(" h");
    if (m > 0) out.append(out.length() > 0 ? " " : "").append(m).append(" min");
    if (sec > 0) out.append(out.length() > 0 ? " " : "").append(sec).append(" s");
    return out.toString();
  }

  private static List<String> differences(String server, String ours) {
    List<String> out = new ArrayList<>();
    String[] s = split(server);
    String[] o = split(ours);
    if (s == null || o == null) return out;
    if (!s[0].equals(o[0])) {
      out.add("method: the server saw " + s[0] + ", we signed " + o[0]);
    }
    String[] su = uri(Percent.decode(s[1], false));
    String[] ou = uri(Percent.decode(o[1], false));
    String[] parts = {"scheme", "host", "port", "path"};
    for (int i = 0; i < 4; i++) {
      if (!su[i].equals(ou[i])) {
        out.add(
            parts[i]
                + ": the server saw "
                + show(su[i], i == 2 ? "the default port" : "none")
                + ", we signed "
                + show(ou[i], i == 2 ? "the default port" : "none")
                + hint(i, su[i], ou[i]));
      }
    }
    Map<String, List<String>> sp = params(Percent.decode(s[2], false));
    Map<String, List<String>> op = params(Percent.decode(o[2], false));
    for (Map.Entry<String, List<String>> e : sp.entrySet()) {
      String name = e.getKey();
      List<String> ov = op.get(name);
      if (ov == null) {
        out.add(
            "parameters: the server saw "
                + Percent.decode(name, false)
                + "="
                + e.getValue().get(0)
                + " that we did not sign (added after signing, or sent where it was not signed)");
      } else if (!ov.equals(e.getValue())) {
        out.add(valueDifference(name, e.getValue(), ov));
      }
    }
    for (Map.Entry<String, List<String>> e : op.entrySet()) {
      if (!sp.containsKey(e.getKey())) {
        out.add(
            "parameters: we signed "
                + Percent.decode(e.getKey(), false)
                + "="
                + e.getValue().get(0)
                + " that the server did not see (a body it did not read as a form, a multipart"
                + " field, or a parameter dropped on the way)");
      }
    }
    return out;
  }

  private static String valueDifference(String name, List<String> server, List<String> ours) {
    String decodedName = Percent.decode(name, false);
    if (server.size() != ours.size()) {
      return "parameters: the server saw "
          + decodedName
          + " "
          + server.size()
          + " time(s), we signed it "
          + ours.size()
          + " time(s)";
    }
    for (int i = 0; i < server.size(); i++) {
      String sv = server.get(i);
      String ov = ours.get(i);
      if (sv.equals(ov)) continue;
      String sd = Percent.decode(sv, false);
      String od = Percent.decode(ov, false);
      String why;
      if (sd.equals(od)) {
        why = sameValueEncodedDifferently(sv, ov);
      } else if (sd.equals(ov)) {
        why =
            ": encoded twice on the server side (the server's value decodes once more to ours: it"
                + " encoded the value as it arrived, still encoded, or a proxy encoded the URL"
                + " again)";
      } else if (od.equals(sv)) {
        why =
            ": encoded twice on our side (our value decodes once more to the server's: the value"
                + " was percent-encoded before it was added to the request, which encoded it"
                + " again; add it decoded)";
      } else if (sd.replace('+', ' ').equals(od.replace('+', ' '))) {
        why =
            ": encoded differently, a space sent as + was read as a plus sign (send spaces as"
                + " %20)";
      } else {
        why = "";
      }
      return "parameters: the value of "
          + decodedName
          + " is "
          + sv
          + " at the server, "
          + ov
          + " in what we signed"
          + why;
    }
    return "parameters: the values of " + decodedName + " are in another order";
  }

  /**
   * Why two encodings of the same value differ: hex escapes in lower case, or a reserved character
   * left as is, on either side (RFC 5849 §3.6 writes upper-case escapes and leaves only the
   * unreserved characters unencoded).
   */
  private static String sameValueEncodedDifferently(String server, String ours) {
    String[] sides = {"the server", "we"};
    String[] values = {server, ours};
    for (int side = 0; side < 2; side++) {
      String escape = lowerCaseEscape(values[side]);
      if (escape != null) {
        return ": the same value, but "
            + sides[side]
            + (side == 0 ? " wrote its" : " wrote our")
            + " hex escapes in lower case ("
            + escape
            + "), which RFC 5849 §3.6 requires in upper case ("
            + escape.toUpperCase(java.util.Locale.ROOT)
            + ")";
      }
    }
    for (int side = 0; side < 2; side++) {
      int c = reservedLeftAsIs(values[side]);
      if (c >= 0) {
        return ": the same value, but "
            + sides[side]
            + " left '"
            + new String(Character.toChars(c))
            + "' unencoded, which RFC 5849 §3.6 encodes ("
            + Percent.encode(new String(Character.toChars(c)))
            + "): only A-Z a-z 0-9 - . _ ~ stay as they are";
      }
    }
    return ": the same value, encoded differently";
  }

  /**
   * The first escape of {@code value} with a lower-case hex digit, such as {@code %3a}; or null.
   */
  private static String lowerCaseEscape(String value) {
    for (int i = value.indexOf('%');
        i >= 0 && i + 2 < value.length();
        i = value.indexOf('%', i + 1)) {
      char a = value.charAt(i + 1);
      char b = value.charAt(i + 2);
      if (Character.digit(a, 16) >= 0
          && Character.digit(b, 16) >= 0
          && ((a >= 'a' && a <= 'f') || (b >= 'a' && b <= 'f'))) {
        return value.substring(i, i + 3);
      }
    }
    return null;
  }

  /** The first code point of {@code value} that RFC 5849 §3.6 encodes, left as is; or -1. */
  private static int reservedLeftAsIs(String value) {
    for (int i = 0; i < value.length(); ) {
      int c = value.codePointAt(i);
      if (c != '%' && (c >= 128 || !Percent.isUnreserved((char) c))) return c;
      i += Character.charCount(c);
    }
    return -1;
  }

  private static String hint(int part, String server, String ours) {
    if (part == 1 && (server.equals("www." + ours) || ours.equals("www." + server))) {
      return " (with and without www. are different hosts to the signature)";
    }
    if (part == 0) return " (a proxy or load balancer in front of the server changes the scheme)";
    if (part == 3 && (server.equals(ours + "/") || ours.equals(server + "/"))) {
      return " (a trailing slash counts)";
    }
    return "";
  }

  private static String show(String value, String ifEmpty) {
    return value.isEmpty() ? ifEmpty : value;
  }

  /** Splits a base string into its three parts, or null if it does not have three. */
  private static String[] split(String baseString) {
    int a = baseString.indexOf('&');
    if (a < 0) return null;
    int b = baseString.indexOf('&', a + 1);
    if (b < 0) return null;
    return new String[] {
      baseString.substring(0, a), baseString.substring(a + 1, b), baseString.substring(b + 1)
    };
  }

  /** Scheme, host, port (empty if none) and path of a base string URI. */
  private static String[] uri(String uri) {
    String scheme = "";
    String rest = uri;
    int colon = uri.indexOf("://");
    if (colon >= 0) {
      scheme = uri.substring(0, colon);
      rest = uri.substring(colon + 3);
    }
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "" : rest.substring(slash);
    String host = authority;
    String port = "";
    int portColon = authority.lastIndexOf(':');
    if (portColon >= 0 && authority.indexOf(']', portColon) < 0) {
      host = authority.substring(0, portColon);
      port = authority.substring(portColon + 1);
    }
    return new String[] {scheme, host, port, path};
  }

  /** The pairs of a normalized parameter string, by encoded name, values encoded. */
  private static Map<String, List<String>> params(String normalized) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (normalized.isEmpty()) return out;
    for (String pair : normalized.split("&", -1)) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return out;
  }
}
