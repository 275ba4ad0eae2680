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
    byte[] ascii = bytes(method, url, params);
    if (ascii != null) return new String(ascii, StandardCharsets.ISO_8859_1);
    StringBuilder out = new StringBuilder(128 + params.size() * 40);
    appendMethod(method, out);
    out.append('&');
    Percent.encode(baseStringUri(url), out);
    out.append('&');
    params.appendNormalizedReencoded(out);
    return out.toString();
  }

  /**
   * Returns the base string of {@link #of} as the bytes the signature is computed over, written
   * straight into one exactly sized array: the base string is all ASCII (everything but the method
   * is percent-encoded), so no {@code String} or UTF-8 encoding pass is needed in between. Returns
   * null in the odd case of a character outside ASCII (a method such as {@code "GÉT"}, or a
   * parameter added encoded with one), which {@link #of} then handles.
   */
  public static byte[] bytes(String method, HttpUrl url, ParameterList params) {
    Bytes bytes = write(method, url, params, null);
    return bytes == null ? null : bytes.array;
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
   * Writes the bytes of {@link #bytes} into an array reused by the calling thread, and returns
   * them; they are valid until the thread's next call. Returns null if the base string is not all
   * ASCII, for the caller to use {@link #of}. The HMAC then reads them in one update, with no array
   * made per signature.
   */
  public static Bytes threadLocalBytes(String method, HttpUrl url, ParameterList params) {
    return write(method, url, params, SCRATCH.get());
  }

  private static Bytes write(String method, HttpUrl url, ParameterList params, Bytes reuse) {
    String scheme = url.scheme();
    String host = url.host();
    boolean ipv6 = host.indexOf(':') >= 0;
    int port = url.port();
    String portString = port != HttpUrl.defaultPort(scheme) ? Integer.toString(port) : null;

    if (reuse != null && params.isAscii()) {
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
      if (bound <= REUSED_MAX) {
        if (reuse.array.length < bound) reuse.array = new byte[(int) bound];
        byte[] out = reuse.array;
        int pos = 0;
        for (int i = 0, n = method.length(); i < n; i++) {
          char c = method.charAt(i);
          if (c >= 0x80) return null;
          out[pos++] = (byte) (c >= 'a' && c <= 'z' ? c - 32 : c);
        }
        out[pos++] = '&';
        pos = encodeAsciiChecked(scheme, 0, scheme.length(), false, out, pos);
        if (pos < 0) return null;
        pos = ascii("%3A%2F%2F", out, pos);
        if (ipv6) pos = ascii("%5B", out, pos);
        pos = encodeAsciiChecked(host, 0, host.length(), true, out, pos);
        if (pos < 0) return null;
        if (ipv6) pos = ascii("%5D", out, pos);
        if (portString != null) {
          pos = ascii("%3A", out, pos);
          pos = ascii(portString, out, pos);
        }
        pos = encodeAsciiChecked(urlString, pathStart, pathEnd, false, out, pos);
        if (pos < 0) return null;
        out[pos++] = '&';
        pos = params.writeNormalizedReencoded(out, pos);
        reuse.length = pos;
        return reuse;
      }
    }
    String path = url.encodedPath();

    // First pass: the exact length, and a check that everything is ASCII.
    if (!params.isAscii()) return null;
    int length = encodedLength(method, false);
    if (length < 0) return null;
    int uriLength = encodedLength(scheme, true);
    int hostLength = encodedLength(host, true);
    int pathLength = encodedLength(path, true);
    if (uriLength < 0 || hostLength < 0 || pathLength < 0) return null;
    uriLength += 9 + hostLength + (ipv6 ? 6 : 0) + pathLength; // "%3A%2F%2F", "%5B" "%5D"
    if (portString != null) uriLength += 3 + portString.length(); // "%3A"
    length += 1 + uriLength + 1 + params.normalizedReencodedLength();

    // Second pass: the bytes.
    Bytes target = reuse;
    if (target == null) {
      target = new Bytes(length);
    } else if (target.array.length < length) {
      if (length <= REUSED_MAX) {
        target.array = new byte[Math.max(length, Math.min(REUSED_MAX, target.array.length * 2))];
      } else {
        target = new Bytes(length);
      }
    }
    byte[] out = target.array;
    int pos = 0;
    for (int i = 0, n = method.length(); i < n; i++) {
      char c = method.charAt(i);
      out[pos++] = (byte) (c >= 'a' && c <= 'z' ? c - 32 : c);
    }
    out[pos++] = '&';
    pos = Percent.encodeKnownAscii(scheme, false, out, pos);
    pos = ascii("%3A%2F%2F", out, pos);
    if (ipv6) pos = ascii("%5B", out, pos);
    pos = Percent.encodeKnownAscii(host, true, out, pos);
    if (ipv6) pos = ascii("%5D", out, pos);
    if (portString != null) {
      pos = ascii("%3A", out, pos);
      pos = ascii(portString, out, pos);
    }
    pos = Percent.encodeKnownAscii(path, false, out, pos);
    out[pos++] = '&';
    pos = params.writeNormalizedReencoded(out, pos);
    if (pos != length) throw new AssertionError("base string length " + pos + " != " + length);
    target.length = length;
    return target;
  }

  /**
   * Writes {@code s[from, to)} percent-encoded per RFC 5849 §3.6 into {@code out} at {@code pos},
   * lower-casing {@code A-Z} first if {@code lowerCase}; returns the position after, or -1 if a
   * character is not ASCII. The caller has sized {@code out}.
   */
  private static int encodeAsciiChecked(
      String s, int from, int to, boolean lowerCase, byte[] out, int pos) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) return -1;
      if (lowerCase && c >= 'A' && c <= 'Z') c += 32;
      if (Percent.isUnreserved(c)) {
        out[pos++] = (byte) c;
      } else {
        out[pos++] = '%';
        out[pos++] = HEX[c >> 4];
        out[pos++] = HEX[c & 0xF];
      }
    }
    return pos;
  }

  private static final byte[] HEX = {
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'
  };

  /** The length of {@code s} once percent-encoded (or as is), or -1 if it is not all ASCII. */
  private static int encodedLength(String s, boolean encode) {
    int length = s.length();
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) return -1;
      if (encode && !Percent.isUnreserved(c)) length += 2;
    }
    return length;
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
