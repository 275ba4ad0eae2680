package dev.oksign;

import dev.oksign.internal.HmacSignatureMethod;
import dev.oksign.internal.PlaintextSignatureMethod;
import dev.oksign.internal.RsaSha1SignatureMethod;
import java.security.PrivateKey;

/**
 * An {@code oauth_signature_method}: turns a signature base string and the two shared secrets into
 * an {@code oauth_signature} (RFC 5849 §3.4).
 *
 * <p>The built-in methods are {@link #HMAC_SHA1} (Flickr, Twitter and most providers), {@link
 * #HMAC_SHA256}, {@link #PLAINTEXT} and {@link #rsaSha1(PrivateKey)}. To add another, implement
 * this interface; implementations must be thread-safe.
 *
 * <pre>{@code
 * OAuth1Signer signer = OAuth1Signer.builder()
 *     .clientCredentials("key", "secret")
 *     .signatureMethod(SignatureMethod.HMAC_SHA256)
 *     .build();
 * }</pre>
 */
public interface SignatureMethod {
  /** HMAC-SHA1, RFC 5849 §3.4.2. */
  SignatureMethod HMAC_SHA1 = new HmacSignatureMethod("HMAC-SHA1", "HmacSHA1");

  /** HMAC-SHA256: §3.4.2 with SHA-256 in place of SHA-1, as several providers accept. */
  SignatureMethod HMAC_SHA256 = new HmacSignatureMethod("HMAC-SHA256", "HmacSHA256");

  /**
   * PLAINTEXT, RFC 5849 §3.4.4: the signature is the signing key itself, so it carries both
   * secrets. The signer refuses to send it over plain {@code http}.
   */
  SignatureMethod PLAINTEXT = new PlaintextSignatureMethod();

  /**
   * RSA-SHA1, RFC 5849 §3.4.3, signing with {@code privateKey}. The shared secrets are not used. A
   * server verifies it with the consumer's public key, given to {@link
   * OAuth1Verifier.Builder#rsaSha1PublicKeys}.
   */
  static SignatureMethod rsaSha1(PrivateKey privateKey) {
    return RsaSha1SignatureMethod.signing(privateKey);
  }

  /** The wire name sent as {@code oauth_signature_method}, such as {@code HMAC-SHA1}. */
  String name();

  /**
   * Returns the signature (before percent-encoding) of {@code baseString}.
   *
   * @param baseString the signature base string of RFC 5849 §3.4.1
   * @param clientSecret the client (consumer) secret, never null
   * @param tokenSecret the token secret, empty when there is no token, never null
   */
  String sign(String baseString, String clientSecret, String tokenSecret);

  /**
   * Returns true if {@code signature} is valid for {@code baseString}. The default recomputes the
   * signature and compares the two in constant time.
   */
  default boolean verify(
      String baseString, String signature, String clientSecret, String tokenSecret) {
    String expected = sign(baseString, clientSecret, tokenSecret);
    return java.security.MessageDigest.isEqual(
        expected.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        signature.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * True if the signature reveals the shared secrets to anyone who sees it, as {@link #PLAINTEXT}'s
   * does. The signer sends such signatures over {@code https} only.
   */
  default boolean revealsSecrets() {
    return false;
  }
}
