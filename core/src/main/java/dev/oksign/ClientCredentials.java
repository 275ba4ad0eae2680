package dev.oksign;

/**
 * The client credentials of RFC 5849 §1.1 (a "consumer key and secret" in OAuth 1.0 terms, an "API
 * key and secret" at Flickr). Its {@link #toString()} shows the key and hides the secret.
 *
 * @param key the {@code oauth_consumer_key}
 * @param secret the client shared secret, used only in the signing key
 */
public record ClientCredentials(String key, String secret) {
  /** Checks that neither part is null or empty. */
  public ClientCredentials {
    if (key == null) throw new NullPointerException("consumerKey == null");
    if (secret == null) throw new NullPointerException("consumerSecret == null");
    if (key.isEmpty()) throw new IllegalArgumentException("consumerKey is empty");
    if (secret.isEmpty()) throw new IllegalArgumentException("consumerSecret is empty");
  }

  /** Returns the credentials of {@code key} and {@code secret}. */
  public static ClientCredentials of(String key, String secret) {
    return new ClientCredentials(key, secret);
  }

  /** Shows the key and hides the secret. */
  @Override
  public String toString() {
    return "ClientCredentials[key=" + key + ", secret=██]";
  }
}
