package dev.oksign;

import dev.oksign.internal.HmacSignatureMethod;

/**
 * A token and its shared secret (RFC 5849 §1.1): the temporary credentials of the token flow or the
 * access token a user granted. A plain immutable value that can be stored and loaded; its {@link
 * #toString()} hides the secret. Two tokens are equal if their value and secret are.
 *
 * <p>To sign one request with a token other than the signer's, tag the request with it: {@code
 * request.newBuilder().tag(Token.class, token)}. A token signed with keeps its HMAC key ready, so
 * that a client serving many users, each with their own {@code Token} object, signs each request as
 * fast as a client serving one.
 */
public final class Token {
  private final String value;
  private final String secret;

  /** The HMAC key of this token's secret with the client secret last signed with, or null. */
  private volatile HmacSignatureMethod.Key key;

  /**
   * Returns a token of {@code value} and {@code secret}.
   *
   * @throws NullPointerException if either is null
   * @throws IllegalArgumentException if either is empty
   */
  public Token(String value, String secret) {
    if (value == null) throw new NullPointerException("token value == null");
    if (secret == null) throw new NullPointerException("token secret == null");
    if (value.isEmpty()) throw new IllegalArgumentException("token value is empty");
    if (secret.isEmpty()) {
      throw new IllegalArgumentException("token secret is empty (token " + value + ")");
    }
    this.value = value;
    this.secret = secret;
  }

  /** Returns a token of {@code value} and {@code secret}. */
  public static Token of(String value, String secret) {
    return new Token(value, secret);
  }

  /** The {@code oauth_token} value, sent on the wire. */
  public String value() {
    return value;
  }

  /** The token shared secret, used only in the signing key. */
  public String secret() {
    return secret;
  }

  /** The HMAC key of this token with {@code clientSecret}, made on first use and kept. */
  HmacSignatureMethod.Key key(HmacSignatureMethod method, String clientSecret) {
    HmacSignatureMethod.Key key = this.key;
    if (key == null || !key.is(method, clientSecret, secret)) {
      key = method.key(clientSecret, secret);
      this.key = key;
    }
    return key;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Token other && value.equals(other.value) && secret.equals(other.secret);
  }

  @Override
  public int hashCode() {
    return 31 * value.hashCode() + secret.hashCode();
  }

  /** Shows the token value and hides the secret. */
  @Override
  public String toString() {
    return "Token[value=" + value + ", secret=██]";
  }
}
