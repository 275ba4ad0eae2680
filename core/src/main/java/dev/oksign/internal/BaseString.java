package dev.oksign.internal;

import java.util.Locale;
import okhttp3.HttpUrl;

/** The signature base string of RFC 5849 §3.4.1. */
public final class BaseString {
  private BaseString() {}

  /**
   * Returns {@code METHOD&encode(base-uri)&encode(normalized-parameters)}. {@code params} must be
   * sorted.
   */
  public static String of(String method, HttpUrl url, ParameterList params) {
    StringBuilder out = new StringBuilder(128 + params.size() * 40);
    appendMethod(method, out);
    out.append('&');
    Percent.encode(baseStringUri(url), out);
    out.append('&');
    params.appendNormalizedReencoded(out);
    return out.toString();
  }

  private static void appendMethod(String method, StringBuilder out) {
    for (int i = 0, n = method.length(); i < n; i++) {
      char c = method.charAt(i);
      out.append(c >= 'a' && c <= 'z' ? (char) (c - 32) : c);
    }
  }

  /**
   * The base string URI of §3.4.1.2: lower-case scheme and host, the port only when it is not the
   * scheme's default, the path as sent, no query and no fragment.
   */
  public static String baseStringUri(HttpUrl url) {
    String scheme = url.scheme(); // OkHttp keeps it lower-case: http or https
    String host = url.host().toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(scheme.length() + host.length() + 32);
    out.append(scheme).append("://");
    if (host.indexOf(':') >= 0) {
      out.append('[').append(host).append(']');
    } else {
      out.append(host);
    }
    if (url.port() != HttpUrl.defaultPort(scheme)) out.append(':').append(url.port());
    out.append(url.encodedPath());
    return out.toString();
  }
}
