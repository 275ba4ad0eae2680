package dev.oksign.internal;

import dev.oksign.SignatureMethod;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/** RSA-SHA1, RFC 5849 §3.4.3 (RSASSA-PKCS1-v1_5 with SHA-1). */
public final class RsaSha1SignatureMethod implements SignatureMethod {
  private final PrivateKey privateKey;
  private final PublicKey publicKey;

  private RsaSha1SignatureMethod(PrivateKey privateKey, PublicKey publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  public static SignatureMethod signing(PrivateKey privateKey) {
    if (privateKey == null) throw new NullPointerException("privateKey == null");
    if (!"RSA".equalsIgnoreCase(privateKey.getAlgorithm())) {
      throw new IllegalArgumentException(
          "privateKey is a " + privateKey.getAlgorithm() + " key; RSA-SHA1 needs an RSA key");
    }
    return new RsaSha1SignatureMethod(privateKey, null);
  }

  public static SignatureMethod verifying(PublicKey publicKey) {
    if (publicKey == null) throw new NullPointerException("publicKey == null");
    return new RsaSha1SignatureMethod(null, publicKey);
  }

  @Override
  public String name() {
    return "RSA-SHA1";
  }

  @Override
  public String sign(String baseString, String clientSecret, String tokenSecret) {
    if (privateKey == null) {
      throw new IllegalStateException(
          "this RSA-SHA1 method holds a public key: it can only verify");
    }
    try {
      Signature signature = Signature.getInstance("SHA1withRSA");
      signature.initSign(privateKey);
      signature.update(baseString.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "RSA-SHA1 signing failed: " + e.getClass().getSimpleName(), e);
    }
  }

  @Override
  public boolean verify(
      String baseString, String signature, String clientSecret, String tokenSecret) {
    if (publicKey == null) {
      return SignatureMethod.super.verify(baseString, signature, clientSecret, tokenSecret);
    }
    try {
      Signature verifier = Signature.getInstance("SHA1withRSA");
      verifier.initVerify(publicKey);
      verifier.update(baseString.getBytes(StandardCharsets.UTF_8));
      return verifier.verify(Base64.getDecoder().decode(signature));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "RSA-SHA1"; // never the key
  }
}
