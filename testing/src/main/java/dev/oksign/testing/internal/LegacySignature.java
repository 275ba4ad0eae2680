package dev.oksign.testing.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Flickr's pre-OAuth {@code api_sig}: the MD5, in hex, of the secret followed by every parameter
 * but {@code api_sig} as name and value, sorted by name. Some clients still send it with calls that
 * take only an {@code api_key}, such as {@code flickr.auth.oauth.checkToken}.
 */
public final class LegacySignature {
  private LegacySignature() {}

  /** The {@code api_sig} of {@code params} signed with {@code secret}. */
  public static String of(String secret, Map<String, String> params) {
    StringBuilder text = new StringBuilder(secret);
    for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) {
      if (e.getKey().equals("api_sig")) continue;
      text.append(e.getKey()).append(e.getValue());
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("MD5").digest(text.toString().getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder(32);
      for (byte b : digest) {
        hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
