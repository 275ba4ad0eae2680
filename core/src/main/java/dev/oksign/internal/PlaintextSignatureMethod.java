package dev.oksign.internal;

import dev.oksign.SignatureMethod;

/** PLAINTEXT, RFC 5849 §3.4.4. */
public final class PlaintextSignatureMethod implements SignatureMethod {
  @Override
  public String name() {
    return "PLAINTEXT";
  }

  @Override
  public String sign(String baseString, String clientSecret, String tokenSecret) {
    return SigningKey.of(clientSecret, tokenSecret);
  }

  @Override
  public boolean revealsSecrets() {
    return true;
  }

  @Override
  public String toString() {
    return "PLAINTEXT";
  }
}
