package dev.oksign;

import java.util.Map;
import okhttp3.Request;

/**
 * Every intermediate value of one signature, for debugging and for signing calculators: see {@link
 * OAuth1Signer#report(Request)}. Its {@link #toString()} leaves out the signing key.
 *
 * @param signedRequest the signed request, ready to send
 * @param protocolParameters the protocol parameters sent, decoded, {@code oauth_signature} last
 * @param normalizedParameters the normalized parameter string of §3.4.1.3.2
 * @param baseString the signature base string of §3.4.1
 * @param signature the signature before percent-encoding
 * @param signatureMethod the signature method's wire name
 * @param signingKey the HMAC key {@code encode(consumerSecret)&encode(tokenSecret)}: a secret
 * @param authorization the {@code Authorization} header value, or null if not header placement
 * @param url the full request URL as sent
 * @param body the form body as sent, or null if not body placement
 */
public record SigningReport(
    Request signedRequest,
    Map<String, String> protocolParameters,
    String normalizedParameters,
    String baseString,
    String signature,
    String signatureMethod,
    String signingKey,
    String authorization,
    String url,
    String body) {

  /** Copies the parameter map. */
  public SigningReport {
    protocolParameters =
        protocolParameters.isEmpty()
            ? java.util.Collections.<String, String>emptyMap()
            : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(protocolParameters));
  }

  /**
   * Everything but the signing key (and, for PLAINTEXT, the signature, which is the key, wherever
   * it was placed).
   */
  @Override
  public String toString() {
    // PLAINTEXT's signature is the signing key: then hide it, also where it was placed in the URL.
    boolean revealsKey = signature != null && signature.equals(signingKey);
    String shownUrl =
        revealsKey && url != null
            ? url.replace(dev.oksign.internal.Percent.encode(signature), "██")
            : url;
    return "SigningReport[baseString="
        + baseString
        + ", signature="
        + (revealsKey ? "██" : signature)
        + ", url="
        + shownUrl
        + "]";
  }
}
