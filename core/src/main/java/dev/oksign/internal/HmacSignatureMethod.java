package dev.oksign.internal;

import dev.oksign.SignatureMethod;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC signatures (RFC 5849 §3.4.2). Initialising a {@link Mac} with a key costs about as much as
 * the HMAC itself, so the last key's initialised {@code Mac} is kept and cloned for each signature:
 * a clone is as cheap as a per-thread instance and is safe across threads.
 */
public final class HmacSignatureMethod implements SignatureMethod {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final String name;
  private final String algorithm;
  private volatile KeyedMac last;

  public HmacSignatureMethod(String name, String algorithm) {
    this.name = name;
    this.algorithm = algorithm;
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
    Mac mac = mac(clientSecret, tokenSecret);
    byte[] digest = mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder().encodeToString(digest);
  }

  /**
   * Signs the base string given as its UTF-8 bytes (see {@link BaseString#bytes}) and returns the
   * signature percent-encoded, as it is placed: {@link #sign} then {@link Percent#encode(String)},
   * without the strings in between. Base64 leaves only {@code +}, {@code /} and {@code =} to
   * encode.
   */
  public String signEncoded(byte[] baseString, String clientSecret, String tokenSecret) {
    byte[] base64 = Base64.getEncoder().encode(mac(clientSecret, tokenSecret).doFinal(baseString));
    int length = base64.length;
    for (byte b : base64) {
      if (!Percent.isUnreserved((char) b)) length += 2;
    }
    byte[] out = new byte[length];
    int pos = 0;
    for (byte b : base64) {
      if (Percent.isUnreserved((char) b)) {
        out[pos++] = b;
      } else {
        out[pos++] = '%';
        out[pos++] = (byte) HEX[(b >> 4) & 0xF];
        out[pos++] = (byte) HEX[b & 0xF];
      }
    }
    return new String(out, StandardCharsets.ISO_8859_1);
  }

  private Mac mac(String clientSecret, String tokenSecret) {
    KeyedMac cached = last;
    if (cached != null && cached.matches(clientSecret, tokenSecret)) {
      try {
        return (Mac) cached.mac.clone();
      } catch (CloneNotSupportedException ignored) {
        // A provider whose Mac cannot be cloned: fall through and initialise one per signature.
      }
    }
    try {
      String key = SigningKey.of(clientSecret, tokenSecret);
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
      try {
        last = new KeyedMac(clientSecret, tokenSecret, (Mac) mac.clone());
      } catch (CloneNotSupportedException ignored) {
        // Not cacheable with this provider.
      }
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " failed", e);
    }
  }

  @Override
  public String toString() {
    return name;
  }

  private static final class KeyedMac {
    final String clientSecret;
    final String tokenSecret;
    final Mac mac;

    KeyedMac(String clientSecret, String tokenSecret, Mac mac) {
      this.clientSecret = clientSecret;
      this.tokenSecret = tokenSecret;
      this.mac = mac;
    }

    boolean matches(String clientSecret, String tokenSecret) {
      return this.clientSecret.equals(clientSecret) && this.tokenSecret.equals(tokenSecret);
    }
  }
}
