package dev.oksign.internal;

import dev.oksign.SignatureMethod;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC signatures (RFC 5849 §3.4.2), with {@link javax.crypto.Mac}. Holds no key: a {@link Key} is
 * made by the signer for its own token and kept by each {@link dev.oksign.Token} for itself, so
 * that keying is paid once per signer or token, never per request, and no key outlives the objects
 * the user built.
 */
public final class HmacSignatureMethod implements SignatureMethod {
  private final String name;
  private final String algorithm;

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
    return key(clientSecret, tokenSecret).sign(baseString.getBytes(StandardCharsets.UTF_8));
  }

  /** The key {@code encode(clientSecret)&encode(tokenSecret)}, ready to sign with. */
  public Key key(String clientSecret, String tokenSecret) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(
          new SecretKeySpec(
              SigningKey.of(clientSecret, tokenSecret).getBytes(StandardCharsets.UTF_8),
              algorithm));
      return new Key(this, clientSecret, tokenSecret, mac);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " failed", e);
    }
  }

  @Override
  public String toString() {
    return name;
  }

  /**
   * A signing key: an initialised {@link Mac}, cloned for each signature so that one key serves any
   * number of threads at once. Immutable; its {@code toString()} names the method only.
   */
  public static final class Key {
    private final HmacSignatureMethod method;
    private final String clientSecret;
    private final String tokenSecret;
    private final Mac prototype;
    private final boolean cloneable;

    private Key(HmacSignatureMethod method, String clientSecret, String tokenSecret, Mac mac) {
      this.method = method;
      this.clientSecret = clientSecret;
      this.tokenSecret = tokenSecret;
      this.prototype = mac;
      boolean cloneable;
      try {
        mac.clone();
        cloneable = true;
      } catch (CloneNotSupportedException e) {
        cloneable = false; // a provider whose Mac cannot be cloned: shared under a lock
      }
      this.cloneable = cloneable;
    }

    /** True if this is the key of {@code method} with these secrets. */
    public boolean is(SignatureMethod method, String clientSecret, String tokenSecret) {
      return this.method == method
          && this.clientSecret.equals(clientSecret)
          && this.tokenSecret.equals(tokenSecret);
    }

    /** The signature of {@code baseString}: its HMAC, in Base64 (§3.4.2). */
    public String sign(byte[] baseString) {
      byte[] digest;
      if (cloneable) {
        Mac mac;
        try {
          mac = (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
          throw new AssertionError(e); // checked in the constructor
        }
        digest = mac.doFinal(baseString);
      } else {
        synchronized (prototype) {
          digest = prototype.doFinal(baseString); // resets the Mac to its key for the next one
        }
      }
      return Base64.getEncoder().encodeToString(digest);
    }

    @Override
    public String toString() {
      return method.name + " key";
    }
  }
}
