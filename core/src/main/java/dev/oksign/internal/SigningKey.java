package dev.oksign.internal;

/** The key of RFC 5849 §3.4.2 and the PLAINTEXT signature of §3.4.4. */
public final class SigningKey {
  private SigningKey() {}

  /** {@code encode(clientSecret) & encode(tokenSecret)}. */
  public static String of(String clientSecret, String tokenSecret) {
    return Percent.encode(clientSecret) + '&' + Percent.encode(tokenSecret);
  }
}
