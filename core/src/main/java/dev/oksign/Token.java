package dev.oksign;

/**
 * A token and its shared secret (RFC 5849 §1.1): the temporary credentials of the token flow or the
 * access token a user granted. A plain immutable value that can be stored and loaded; its {@link
 * #toString()} hides the secret.
 *
 * <p>To sign one request with a token other than the signer's, tag the request with it: {@code
 * request.newBuilder().tag(Token.class, token)}.
 *
 * @param value the {@code oauth_token} value, sent on the wire
 * @param secret the token shared secret, used only in the signing key
 */
public record Token(String value, String secret) {
  /** Checks that neither part is null or empty. */
  public Token {
    if (value == null) throw new NullPointerException("token value == null");
    if (secret == null) throw new NullPointerException("token secret == null");
    if (value.isEmpty()) throw new IllegalArgumentException("token value is empty");
    if (secret.isEmpty()) {
      throw new IllegalArgumentException("token secret is empty (token " + value + ")");
    }
  }

  /** Returns a token of {@code value} and {@code secret}. */
  public static Token of(String value, String secret) {
    return new Token(value, secret);
  }

  /** Shows the token value and hides the secret. */
  @Override
  public String toString() {
    return "Token[value=" + value + ", secret=██]";
  }
}
