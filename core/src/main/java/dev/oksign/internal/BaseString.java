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
    String scheme = url.scheme();
    String host = url.host();
    boolean ipv6 = host.indexOf(':') >= 0;
    int port = url.port();
    String portString = port != HttpUrl.defaultPort(scheme) ? Integer.toString(port) : null;
    String path = url.encodedPath();

    // First pass: the exact length, and a check that everything is ASCII.
    int length = encodedLength(method, false);
    if (length < 0) return null;
    int uriLength = encodedLength(scheme, true);
    int hostLength = encodedLength(host, true);
    int pathLength = encodedLength(path, true);
    if (uriLength < 0 || hostLength < 0 || pathLength < 0) return null;
    uriLength += 9 + hostLength + (ipv6 ? 6 : 0) + pathLength; // "%3A%2F%2F", "%5B" "%5D"
    if (portString != null) uriLength += 3 + portString.length(); // "%3A"
    if (!params.isAscii()) return null;
    length += 1 + uriLength + 1 + params.normalizedReencodedLength();

    // Second pass: the bytes.
    byte[] out = new byte[length];
    int pos = 0;
    for (int i = 0, n = method.length(); i < n; i++) {
      char c = method.charAt(i);
      out[pos++] = (byte) (c >= 'a' && c <= 'z' ? c - 32 : c);
    }
    out[pos++] = '&';
    pos = Percent.encodeAscii(scheme, false, out, pos);
    pos = ascii("%3A%2F%2F", out, pos);
    if (ipv6) pos = ascii("%5B", out, pos);
    pos = Percent.encodeAscii(host, true, out, pos);
    if (ipv6) pos = ascii("%5D", out, pos);
    if (portString != null) {
      pos = ascii("%3A", out, pos);
      pos = ascii(portString, out, pos);
    }
    pos = Percent.encodeAscii(path, false, out, pos);
    out[pos++] = '&';
    pos = params.writeNormalizedReencoded(out, pos);
    if (pos != length) throw new AssertionError("base string length " + pos + " != " + length);
    return out;
  }

  /** Receives the bytes of a base string, a run at a time: a digest's or a Mac's update. */
  public interface Sink {
    void write(byte[] bytes, int offset, int length);
  }

  /**
   * Writes the bytes of {@link #bytes} to {@code sink}, a few hundred at a time, with no array or
   * string of the whole base string and no pass to measure it. Returns false on a character outside
   * ASCII, having written part of the base string: the caller then discards what it received and
   * uses {@link #of}.
   */
  public static boolean write(String method, HttpUrl url, ParameterList params, Sink sink) {
    if (!params.isAscii()) return false;
    Chunks out = new Chunks(sink);
    for (int i = 0, n = method.length(); i < n; i++) {
      char c = method.charAt(i);
      if (c >= 0x80) return false;
      out.put(c >= 'a' && c <= 'z' ? c - 32 : c);
    }
    out.put('&');
    String scheme = url.scheme();
    String host = url.host();
    boolean ipv6 = host.indexOf(':') >= 0;
    if (!out.putEncoded(scheme, false)) return false;
    out.putAscii("%3A%2F%2F");
    if (ipv6) out.putAscii("%5B");
    if (!out.putEncoded(host, true)) return false;
    if (ipv6) out.putAscii("%5D");
    int port = url.port();
    if (port != HttpUrl.defaultPort(scheme)) {
      out.putAscii("%3A");
      out.putAscii(Integer.toString(port));
    }
    if (!out.putEncoded(url.encodedPath(), false)) return false;
    out.put('&');
    for (int i = 0, n = params.size(); i < n; i++) {
      if (i > 0) out.putAscii("%26");
      out.putReencoded(params.encodedName(i));
      out.putAscii("%3D");
      out.putReencoded(params.encodedValue(i));
    }
    out.flush();
    return true;
  }

  /** A small buffer in front of a {@link Sink}. */
  private static final class Chunks {
    private static final byte[] HEX = {
      '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'
    };

    private final byte[] buffer = new byte[256];
    private final Sink sink;
    private int pos;

    Chunks(Sink sink) {
      this.sink = sink;
    }

    void put(int b) {
      if (pos == buffer.length) flush();
      buffer[pos++] = (byte) b;
    }

    void putAscii(String s) {
      for (int i = 0, n = s.length(); i < n; i++) put(s.charAt(i));
    }

    /** Percent-encodes ASCII {@code s}; false if it is not ASCII. */
    boolean putEncoded(String s, boolean lowerCase) {
      for (int start = 0, n = s.length(); start < n; ) {
        // Each character takes at most 3 bytes: write what fits without a check per byte.
        if (buffer.length - pos < 3) flush();
        int end = Math.min(n, start + (buffer.length - pos) / 3);
        byte[] b = buffer;
        int p = pos;
        for (int i = start; i < end; i++) {
          char c = s.charAt(i);
          if (c >= 0x80) return false;
          if (lowerCase && c >= 'A' && c <= 'Z') c += 32;
          if (Percent.isUnreserved(c)) {
            b[p++] = (byte) c;
          } else {
            b[p++] = '%';
            b[p++] = HEX[c >> 4];
            b[p++] = HEX[c & 0xF];
          }
        }
        pos = p;
        start = end;
      }
      return true;
    }

    /** Encodes ASCII {@code encoded} a second time: only {@code %} changes, to {@code %25}. */
    void putReencoded(String encoded) {
      for (int start = 0, n = encoded.length(); start < n; ) {
        if (buffer.length - pos < 3) flush();
        int end = Math.min(n, start + (buffer.length - pos) / 3);
        byte[] b = buffer;
        int p = pos;
        for (int i = start; i < end; i++) {
          char c = encoded.charAt(i);
          if (c == '%') {
            b[p++] = '%';
            b[p++] = '2';
            b[p++] = '5';
          } else {
            b[p++] = (byte) c;
          }
        }
        pos = p;
        start = end;
      }
    }

    void flush() {
      if (pos > 0) sink.write(buffer, 0, pos);
      pos = 0;
    }
  }

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
