package dev.oksign.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import okhttp3.HttpUrl;

/** The signature base string of RFC 5849 §3.4.1. */
public final class BaseString {
  private BaseString() {}

  /**
   * Returns the bytes that are signed: {@code METHOD&encode(base-string-uri)&encode(normalized
   * parameters)}, in UTF-8 (all ASCII but for an odd method: everything else is percent-encoded).
   * {@code sorted} must be {@link ParameterList#sort() sorted}.
   */
  public static byte[] of(String method, HttpUrl url, ParameterList sorted) {
    byte[] upperMethod = method.getBytes(StandardCharsets.UTF_8); // §3.4.1.1: upper-case
    String uri = Percent.encode(uri(url));
    int length = upperMethod.length + 1 + uri.length() + 1 + Math.max(0, 6 * sorted.size() - 3);
    for (int i = 0; i < sorted.size(); i++) {
      length += Percent.reencodedLength(sorted.encodedName(i));
      length += Percent.reencodedLength(sorted.encodedValue(i));
    }
    byte[] out = new byte[length];
    int pos = 0;
    for (byte b : upperMethod) out[pos++] = b >= 'a' && b <= 'z' ? (byte) (b - 32) : b;
    out[pos++] = '&';
    pos = ascii(uri, out, pos);
    out[pos++] = '&';
    // The normalized parameters (§3.4.1.3.2), encoded once more.
    for (int i = 0; i < sorted.size(); i++) {
      if (i > 0) pos = ascii("%26", out, pos);
      pos = Percent.reencode(sorted.encodedName(i), out, pos);
      pos = ascii("%3D", out, pos);
      pos = Percent.reencode(sorted.encodedValue(i), out, pos);
    }
    return out;
  }

  @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): a bulk ASCII copy
  private static int ascii(String s, byte[] out, int pos) {
    s.getBytes(0, s.length(), out, pos);
    return pos + s.length();
  }

  /**
   * The base string URI of §3.4.1.2: lower-case scheme and host, the port only when it is not the
   * scheme's default, the path as sent, no query and no fragment.
   */
  public static String uri(HttpUrl url) {
    String scheme = url.scheme(); // OkHttp keeps it lower-case: http or https
    String host = url.host().toLowerCase(Locale.ROOT);
    if (host.indexOf(':') >= 0) host = "[" + host + "]"; // IPv6
    int port = url.port();
    return port == HttpUrl.defaultPort(scheme)
        ? scheme + "://" + host + url.encodedPath()
        : scheme + "://" + host + ":" + port + url.encodedPath();
  }
}
