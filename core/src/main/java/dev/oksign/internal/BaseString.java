package dev.oksign.internal;

import java.nio.charset.StandardCharsets;
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
    Bytes ascii = threadLocalBytes(method, url, params);
    if (ascii != null) return new String(ascii.array, 0, ascii.length, StandardCharsets.ISO_8859_1);
    StringBuilder out = new StringBuilder(128 + params.size() * 40);
    appendMethod(method, out);
    out.append('&');
    Percent.encode(baseStringUri(url), out);
    out.append('&');
    params.appendNormalizedReencoded(out);
    return out.toString();
  }

  /**
   * Base strings up to this many bytes are written into an array kept per thread; longer ones get
   * an array of their own, so that a rare huge request does not pin its memory to the thread.
   */
  static final int REUSED_MAX = 8 * 1024;

  private static final ThreadLocal<Bytes> SCRATCH = ThreadLocal.withInitial(() -> new Bytes(512));

  /** The bytes of a base string: the first {@link #length()} bytes of {@link #array()}. */
  public static final class Bytes {
    byte[] array;
    int length;

    Bytes(int capacity) {
      this.array = new byte[capacity];
    }

    public byte[] array() {
      return array;
    }

    public int length() {
      return length;
    }
  }

  /**
   * Writes the base string of {@link #of} as the bytes the signature is computed over, into an
   * array reused by the calling thread, and returns them; they are valid until the thread's next
   * call. The base string is all ASCII (everything but the method is percent-encoded), so no {@code
   * String} or UTF-8 pass is needed in between, and the HMAC reads them in one update. Returns null
   * in the odd case of a character outside ASCII (a method such as {@code "GÉT"}, or a parameter
   * added encoded with one), which {@link #of} then writes the long way.
   */
  public static Bytes threadLocalBytes(String method, HttpUrl url, ParameterList params) {
    if (!params.isAscii()) return null;
    String scheme = url.scheme();
    String host = url.host();
    boolean ipv6 = host.indexOf(':') >= 0;
    int port = url.port();
    String portString = port != HttpUrl.defaultPort(scheme) ? Integer.toString(port) : null;

    // One pass into an array known to be large enough: no pass to measure, no path string. The
    // path is cut from the URL as HttpUrl.encodedPath() cuts it.
    String urlString = url.toString();
    int pathStart = urlString.indexOf('/', scheme.length() + 3);
    int pathEnd = pathStart;
    for (int n = urlString.length(); pathEnd < n; pathEnd++) {
      char c = urlString.charAt(pathEnd);
      if (c == '?' || c == '#') break;
    }
    long bound =
        method.length()
            + 3L * (scheme.length() + host.length() + pathEnd - pathStart)
            + 26 // "&", "%3A%2F%2F", "%5B" "%5D", "%3A" and 5 digits of port, "&"
            + params.normalizedReencodedBound();
    Bytes target;
    if (bound > REUSED_MAX) {
      target = new Bytes((int) bound); // not kept: a rare huge request
    } else {
      target = SCRATCH.get();
      if (target.array.length < bound) {
        target.array =
            new byte[(int) Math.max(bound, Math.min(REUSED_MAX, 2L * target.array.length))];
      }
    }
    byte[] out = target.array;
    int pos = 0;
    for (int i = 0, n = method.length(); i < n; i++) {
      char c = method.charAt(i);
      if (c >= 0x80) return null;
      out[pos++] = (byte) (c >= 'a' && c <= 'z' ? c - 32 : c);
    }
    out[pos++] = '&';
    pos = Percent.encodeAscii(scheme, 0, scheme.length(), false, out, pos);
    if (pos < 0) return null;
    pos = ascii("%3A%2F%2F", out, pos);
    if (ipv6) pos = ascii("%5B", out, pos);
    pos = Percent.encodeAscii(host, 0, host.length(), true, out, pos);
    if (pos < 0) return null;
    if (ipv6) pos = ascii("%5D", out, pos);
    if (portString != null) {
      pos = ascii("%3A", out, pos);
      pos = ascii(portString, out, pos);
    }
    pos = Percent.encodeAscii(urlString, pathStart, pathEnd, false, out, pos);
    if (pos < 0) return null;
    out[pos++] = '&';
    pos = params.writeNormalizedReencoded(out, pos);
    target.length = pos;
    return target;
  }

  private static int ascii(String s, byte[] out, int pos) {
    for (int i = 0, n = s.length(); i < n; i++) out[pos++] = (byte) s.charAt(i);
    return pos;
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
