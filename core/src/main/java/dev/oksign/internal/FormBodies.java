package dev.oksign.internal;

import dev.oksign.SigningException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.Buffer;

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

  /** The raw body bytes as a string, or throws if the body cannot be read twice. */
  public static String read(RequestBody body, Charset charset) throws IOException {
    Buffer buffer = new Buffer();
    body.writeTo(buffer);
    return buffer.readString(charset);
  }

  /**
   * Parses {@code raw} as {@code application/x-www-form-urlencoded}: pairs split on {@code &}, a
   * name with no {@code =} has an empty value, empty pairs are skipped, {@code +} is a space.
   */
  public static void parse(String raw, Charset charset, ParameterList out) {
    int n = raw.length();
    int start = 0;
    while (start <= n) {
      int end = raw.indexOf('&', start);
      if (end < 0) end = n;
      if (end > start) {
        int eq = raw.indexOf('=', start);
        String name;
        String value;
        if (eq < 0 || eq > end) {
          name = raw.substring(start, end);
          value = "";
        } else {
          name = raw.substring(start, eq);
          value = raw.substring(eq + 1, end);
        }
        out.add(Percent.decode(name, true, charset), Percent.decode(value, true, charset));
      }
      start = end + 1;
    }
  }
}
