package dev.oksign.internal;

import dev.oksign.SigningException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.Buffer;
import okio.BufferedSink;

/**
 * Reads the parameters of {@code application/x-www-form-urlencoded} bodies (RFC 5849 §3.4.1.3.1).
 */
public final class FormBodies {
  private FormBodies() {}

  /**
   * True if {@code type} is {@code application/x-www-form-urlencoded}, with or without a charset.
   */
  public static boolean isForm(MediaType type) {
    return type != null
        && type.type().equalsIgnoreCase("application")
        && type.subtype().equalsIgnoreCase("x-www-form-urlencoded");
  }

  /** The charset a form body's escapes decode with: the declared one, else UTF-8. */
  public static Charset charset(MediaType type) {
    try {
      return type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
    } catch (RuntimeException unsupported) {
      return StandardCharsets.UTF_8;
    }
  }

  /** True if {@code charset} writes ASCII as ASCII, so a form's escapes survive it. */
  public static boolean isAsciiCompatible(Charset charset) {
    String probe = "Az09%&=+-._~";
    return java.util.Arrays.equals(
        probe.getBytes(charset), probe.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Re-escapes a UTF-8 percent-encoded value with the bytes of {@code charset}, for a form body in
   * that charset.
   *
   * @throws SigningException if the value has a character {@code charset} cannot represent
   */
  public static String reencode(String encodedUtf8, Charset charset, String name, HttpUrl url)
      throws SigningException {
    String decoded = Percent.decode(encodedUtf8, false);
    if (!charset.newEncoder().canEncode(decoded)) {
      throw new SigningException(
          name
              + " has a character that the form body's charset "
              + charset.name()
              + " cannot represent, in the request to "
              + url.host());
    }
    byte[] bytes = decoded.getBytes(charset);
    StringBuilder out = new StringBuilder(bytes.length * 3);
    for (byte b : bytes) {
      char c = (char) (b & 0xFF);
      if (Percent.isUnreserved(c)) {
        out.append(c);
      } else {
        out.append('%')
            .append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
      }
    }
    return out.toString();
  }

  /**
   * Reads the parameters of a form {@code body} into {@code out} (§3.4.1.3.1), pair by pair, so
   * that the body is never held as one string next to its parameters; returns its size in bytes.
   *
   * @throws SigningException at a {@code %} that starts no escape
   */
  public static long parse(RequestBody body, Charset charset, ParameterList out, HttpUrl url)
      throws IOException {
    if (body instanceof FormBody form) { // OkHttp's own: the pairs it writes, already split
      int offset = 0;
      for (int i = 0, n = form.size(); i < n; i++) {
        String name = form.encodedName(i);
        String value = form.encodedValue(i);
        checkEscapes(name, offset, url, "form body");
        checkEscapes(value, offset + name.length() + 1, url, "form body");
        out.add(Percent.decode(name, true, charset), Percent.decode(value, true, charset));
        offset += name.length() + value.length() + 2;
      }
      return form.contentLength();
    }
    Buffer source = new Buffer();
    body.writeTo(source);
    long size = source.size();
    if (!charset.equals(StandardCharsets.UTF_8) && !isAsciiCompatible(charset)) {
      String raw = source.readString(charset); // '&' is no single byte in UTF-16
      checkEscapes(raw, 0, url, "form body");
      parse(raw, charset, out);
      return size;
    }
    for (int offset = 0; !source.exhausted(); ) {
      long end = source.indexOf((byte) '&');
      // Bytes, then a string: okio's own UTF-8 reader would hold the pair as chars besides.
      byte[] bytes = source.readByteArray(end < 0 ? source.size() : end);
      String pair = new String(bytes, charset);
      if (end >= 0) source.skip(1);
      checkEscapes(pair, offset, url, "form body");
      addPair(pair, charset, out);
      offset += pair.length() + 1;
    }
    return size;
  }

  /**
   * Parses {@code raw} as {@code application/x-www-form-urlencoded}: pairs split on {@code &}, a
   * name with no {@code =} has an empty value, empty pairs are skipped, {@code +} is a space.
   */
  public static void parse(String raw, Charset charset, ParameterList out) {
    for (int start = 0, n = raw.length(); start <= n; ) {
      int end = raw.indexOf('&', start);
      if (end < 0) end = n;
      addPair(raw.substring(start, end), charset, out);
      start = end + 1;
    }
  }

  private static void addPair(String pair, Charset charset, ParameterList out) {
    if (pair.isEmpty()) return;
    int eq = pair.indexOf('=');
    int n = pair.length();
    out.add(
        Percent.decode(pair, 0, eq < 0 ? n : eq, true, charset),
        eq < 0 ? "" : Percent.decode(pair, eq + 1, n, true, charset));
  }

  /**
   * Refuses a {@code %} that starts no valid escape: servers disagree on what it means (kept
   * literally, dropped, or an error), so no signature can be sure to match. {@code offset} is where
   * {@code encoded} starts in the query or body it was cut from.
   */
  public static void checkEscapes(String encoded, int offset, HttpUrl url, String where)
      throws SigningException {
    int at = Percent.firstInvalidEscape(encoded);
    if (at >= 0) {
      String escape = encoded.substring(at, Math.min(encoded.length(), at + 3));
      throw new SigningException(
          "the "
              + where
              + " of the request to "
              + url.host()
              + " has an invalid percent-escape '"
              + escape
              + "' at index "
              + (offset + at)
              + ": encode a literal % as %25");
    }
  }

  /**
   * {@code body}, of {@code size} bytes, followed by {@code tail}: a form body with parameters
   * appended, written from the original each time rather than copied.
   */
  public static RequestBody append(RequestBody body, long size, byte[] tail) {
    return new RequestBody() {
      @Override
      public MediaType contentType() {
        return body.contentType();
      }

      @Override
      public long contentLength() {
        return size + tail.length;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        body.writeTo(sink);
        sink.write(tail);
      }
    };
  }
}
