package dev.oksign;

import dev.oksign.internal.FormBodies;
import dev.oksign.internal.ParameterList;
import dev.oksign.internal.Percent;
import dev.oksign.internal.SigningKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.Request;
import okio.Buffer;

/**
 * Every intermediate value of one signature, for debugging and for signing calculators: see {@link
 * OAuth1Signer#report(Request)}. Its {@link #toString()} leaves out the signing key.
 */
public final class SigningReport {
  private final Request signedRequest;
  private final ParameterList protocol;
  private final ParameterList sorted;
  private final byte[] baseStringBytes;
  private final String signature;
  private final String signatureMethod;
  private final String clientSecret;
  private final String tokenSecret;
  private final Placement placement;
  private String baseString;

  SigningReport(
      Request signedRequest,
      Placement placement,
      ParameterList protocol,
      ParameterList sorted,
      byte[] baseString,
      String signature,
      String signatureMethod,
      String clientSecret,
      String tokenSecret) {
    this.signedRequest = signedRequest;
    this.placement = placement;
    this.protocol = protocol;
    this.sorted = sorted;
    this.baseStringBytes = baseString;
    this.signature = signature;
    this.signatureMethod = signatureMethod;
    this.clientSecret = clientSecret;
    this.tokenSecret = tokenSecret;
  }

  /** The signed request, ready to send. */
  public Request signedRequest() {
    return signedRequest;
  }

  /** The protocol parameters sent, decoded, {@code oauth_signature} last. Cannot be changed. */
  public Map<String, String> protocolParameters() {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < protocol.size(); i++) {
      map.put(
          Percent.decode(protocol.encodedName(i), false),
          Percent.decode(protocol.encodedValue(i), false));
    }
    map.put("oauth_signature", signature);
    return Collections.unmodifiableMap(map);
  }

  /** The normalized parameter string of RFC 5849 §3.4.1.3.2. */
  public String normalizedParameters() {
    return sorted.normalized();
  }

  /** The signature base string of RFC 5849 §3.4.1. */
  public String baseString() {
    String s = baseString;
    if (s == null) baseString = s = new String(baseStringBytes, StandardCharsets.UTF_8);
    return s;
  }

  /** The signature before percent-encoding. */
  public String signature() {
    return signature;
  }

  /** The signature method's wire name, such as {@code HMAC-SHA1}. */
  public String signatureMethod() {
    return signatureMethod;
  }

  /** The HMAC key {@code encode(consumerSecret)&encode(tokenSecret)}: a secret. */
  public String signingKey() {
    return SigningKey.of(clientSecret, tokenSecret);
  }

  /** The {@code Authorization} header value, or null if not header placement. */
  public String authorization() {
    return placement == Placement.AUTHORIZATION_HEADER
        ? signedRequest.header("Authorization")
        : null;
  }

  /** The full request URL as sent. */
  public String url() {
    return signedRequest.url().toString();
  }

  /** The form body as sent, or null if not body placement. */
  public String body() {
    if (placement != Placement.FORM_BODY) return null;
    try {
      Buffer buffer = new Buffer();
      signedRequest.body().writeTo(buffer);
      return buffer.readString(FormBodies.charset(signedRequest.body().contentType()));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a body made of bytes in memory
    }
  }

  /**
   * Everything but the signing key (and, for PLAINTEXT, the signature, which is the key, wherever
   * it was placed).
   */
  @Override
  public String toString() {
    // PLAINTEXT's signature is the signing key: then hide it, also where it was placed in the URL.
    boolean revealsKey = signature.equals(signingKey());
    String url = url();
    return "SigningReport[baseString="
        + baseString()
        + ", signature="
        + (revealsKey ? "██" : signature)
        + ", url="
        + (revealsKey ? url.replace(Percent.encode(signature), "██") : url)
        + "]";
  }
}
