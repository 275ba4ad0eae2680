package dev.oksign.internal;

import dev.oksign.SignatureMethod;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.HttpUrl;

/**
 * HMAC signatures (RFC 5849 §3.4.2). Keying costs about as much as the HMAC itself, so the last
 * key's state is kept and cloned for each signature: a clone is as cheap as a per-thread instance
 * and is safe across threads. For HMAC-SHA1 and HMAC-SHA256 the state kept is that of the inner and
 * outer hashes once they have absorbed the padded key, as RFC 2104 §4 suggests: each signature then
 * hashes two blocks fewer than a cloned {@link Mac} does. Other algorithms, or a provider whose
 * digests cannot be cloned, use a cloned {@code Mac}.
 */
public final class HmacSignatureMethod implements SignatureMethod {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** The block size of SHA-1 and SHA-256, in bytes. */
  private static final int BLOCK_SIZE = 64;

  private final String name;
  private final String algorithm;

  /** The hash of {@link #algorithm} for the precomputed path, or null. */
  private final String digestAlgorithm;

  private volatile Keyed last;

  public HmacSignatureMethod(String name, String algorithm) {
    this.name = name;
    this.algorithm = algorithm;
    this.digestAlgorithm =
        algorithm.equals("HmacSHA1") ? "SHA-1" : algorithm.equals("HmacSHA256") ? "SHA-256" : null;
    try {
      Mac.getInstance(algorithm);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is not available on this JVM", e);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String sign(String baseString, String clientSecret, String tokenSecret) {
    byte[] digest = hmac(baseString.getBytes(StandardCharsets.UTF_8), clientSecret, tokenSecret);
    return Base64.getEncoder().encodeToString(digest);
  }

  /**
   * The HMAC of the base string in {@code data[offset, offset + length)}, as bytes: for a caller
   * that writes the signature itself, with {@link #putEncodedBase64}.
   */
  public byte[] hmac(byte[] data, int offset, int length, String clientSecret, String tokenSecret) {
    return hmac(keyed(clientSecret, tokenSecret), data, offset, length);
  }

  private static final byte[] BASE64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
          .getBytes(StandardCharsets.US_ASCII);

  /**
   * The digest in Base64 (RFC 4648, padded), percent-encoded: {@code +}, {@code /} and {@code =}
   * become {@code %2B}, {@code %2F} and {@code %3D}. Written in one pass into one array.
   */
  static String encodedBase64(byte[] digest) {
    byte[] out = new byte[encodedBase64Length(digest)];
    int pos = putEncodedBase64(digest, out, 0);
    return new String(out, 0, pos, StandardCharsets.ISO_8859_1);
  }

  /** The most bytes {@link #putEncodedBase64} writes for {@code digest}. */
  public static int encodedBase64Length(byte[] digest) {
    return (digest.length + 2) / 3 * 4 * 3;
  }

  /**
   * Writes {@code digest} in Base64, percent-encoded, into {@code out} at {@code pos}, which has
   * room for {@link #encodedBase64Length} bytes; returns the position after the last byte.
   */
  public static int putEncodedBase64(byte[] digest, byte[] out, int pos) {
    int i = 0;
    int n = digest.length;
    for (; i + 3 <= n; i += 3) {
      int bits = (digest[i] & 0xFF) << 16 | (digest[i + 1] & 0xFF) << 8 | (digest[i + 2] & 0xFF);
      pos = putSextet(out, pos, bits >>> 18);
      pos = putSextet(out, pos, (bits >>> 12) & 0x3F);
      pos = putSextet(out, pos, (bits >>> 6) & 0x3F);
      pos = putSextet(out, pos, bits & 0x3F);
    }
    if (i < n) {
      int bits = (digest[i] & 0xFF) << 16 | (i + 1 < n ? (digest[i + 1] & 0xFF) << 8 : 0);
      pos = putSextet(out, pos, bits >>> 18);
      pos = putSextet(out, pos, (bits >>> 12) & 0x3F);
      pos = i + 1 < n ? putSextet(out, pos, (bits >>> 6) & 0x3F) : putEscape(out, pos, '=');
      pos = putEscape(out, pos, '=');
    }
    return pos;
  }

  /** Writes the Base64 digit of {@code sextet}: {@code +} and {@code /}, the last two, escaped. */
  private static int putSextet(byte[] out, int pos, int sextet) {
    if (sextet < 62) {
      out[pos] = BASE64[sextet];
      return pos + 1;
    }
    return putEscape(out, pos, BASE64[sextet]);
  }

  /** Writes {@code %XX} for the ASCII character {@code c}. */
  private static int putEscape(byte[] out, int pos, int c) {
    out[pos++] = '%';
    out[pos++] = (byte) HEX[(c >> 4) & 0xF];
    out[pos++] = (byte) HEX[c & 0xF];
    return pos;
  }

  /**
   * Signs the base string of {@code method}, {@code url} and sorted {@code params}, written by
   * {@link BaseString#threadLocalBytes} into an array the thread reuses, and returns the signature
   * percent-encoded as {@link #encodedBase64} writes it; null if the base string is not all ASCII,
   * for the caller to take the long way.
   */
  public String signEncoded(
      String method, HttpUrl url, ParameterList params, String clientSecret, String tokenSecret) {
    BaseString.Bytes bytes = BaseString.threadLocalBytes(method, url, params);
    if (bytes == null) return null;
    return encodedBase64(hmac(keyed(clientSecret, tokenSecret), bytes.array(), 0, bytes.length()));
  }

  private Keyed keyed(String clientSecret, String tokenSecret) {
    Keyed keyed = last;
    if (keyed == null || !keyed.matches(clientSecret, tokenSecret)) {
      keyed = key(clientSecret, tokenSecret);
      last = keyed;
    }
    return keyed;
  }

  /** HMAC(key, data) of RFC 2104, with the key {@code encode(clientSecret)&encode(tokenSecret)}. */
  private byte[] hmac(byte[] data, String clientSecret, String tokenSecret) {
    return hmac(keyed(clientSecret, tokenSecret), data, 0, data.length);
  }

  private byte[] hmac(Keyed keyed, byte[] data, int offset, int length) {
    if (keyed.inner != null) {
      try {
        MessageDigest inner = (MessageDigest) keyed.inner.clone();
        inner.update(data, offset, length);
        MessageDigest outer = (MessageDigest) keyed.outer.clone();
        outer.update(inner.digest());
        return outer.digest();
      } catch (CloneNotSupportedException ignored) {
        // Checked when keyed; fall back to the Mac all the same.
      }
    }
    Mac mac = mac(keyed);
    mac.update(data, offset, length);
    return mac.doFinal();
  }

  private Mac mac(Keyed keyed) {
    Mac cached = keyed.mac;
    if (cached != null) {
      try {
        return (Mac) cached.clone();
      } catch (CloneNotSupportedException ignored) {
        // Cannot happen: only a cloneable Mac is kept.
      }
    }
    Mac mac;
    try {
      mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(keyed.key, algorithm));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " failed", e);
    }
    try {
      keyed.mac = (Mac) mac.clone();
    } catch (CloneNotSupportedException ignored) {
      // A provider whose Mac cannot be cloned: one is initialised per signature.
    }
    return mac;
  }

  /** The key's state: the inner and outer hashes after the padded key, when they can be cloned. */
  private Keyed key(String clientSecret, String tokenSecret) {
    byte[] key = SigningKey.of(clientSecret, tokenSecret).getBytes(StandardCharsets.UTF_8);
    MessageDigest inner = null;
    MessageDigest outer = null;
    if (digestAlgorithm != null) {
      try {
        inner = MessageDigest.getInstance(digestAlgorithm);
        outer = MessageDigest.getInstance(digestAlgorithm);
        byte[] k = key.length > BLOCK_SIZE ? inner.digest(key) : key; // RFC 2104 §2
        byte[] pad = new byte[BLOCK_SIZE];
        for (int i = 0; i < BLOCK_SIZE; i++) pad[i] = (byte) ((i < k.length ? k[i] : 0) ^ 0x36);
        inner.update(pad);
        for (int i = 0; i < BLOCK_SIZE; i++) pad[i] = (byte) ((i < k.length ? k[i] : 0) ^ 0x5c);
        outer.update(pad);
        inner.clone(); // throws if this provider's digests cannot be cloned
      } catch (GeneralSecurityException | CloneNotSupportedException e) {
        inner = null;
        outer = null;
      }
    }
    return new Keyed(clientSecret, tokenSecret, key, inner, outer);
  }

  @Override
  public String toString() {
    return name;
  }

  private static final class Keyed {
    final String clientSecret;
    final String tokenSecret;
    final byte[] key;
    final MessageDigest inner;
    final MessageDigest outer;

    /** An initialised Mac to clone, made on first use by the fallback path. */
    volatile Mac mac;

    Keyed(
        String clientSecret,
        String tokenSecret,
        byte[] key,
        MessageDigest inner,
        MessageDigest outer) {
      this.clientSecret = clientSecret;
      this.tokenSecret = tokenSecret;
      this.key = key;
      this.inner = inner;
      this.outer = outer;
    }

    boolean matches(String clientSecret, String tokenSecret) {
      return this.clientSecret.equals(clientSecret) && this.tokenSecret.equals(tokenSecret);
    }
  }
}
