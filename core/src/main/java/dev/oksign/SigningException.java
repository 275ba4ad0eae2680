package dev.oksign;

/**
 * A request that cannot be signed: a form body that cannot be read twice, a request that already
 * carries OAuth parameters, PLAINTEXT over plain {@code http}, a placement that does not fit the
 * request. Thrown before anything is sent.
 */
public final class SigningException extends OAuth1Exception {
  private static final long serialVersionUID = 1L;

  /** A request that cannot be signed, for the reason in {@code message}. */
  public SigningException(String message) {
    super(message);
  }

  /**
   * A request that cannot be signed, for the reason in {@code message}, caused by {@code cause}.
   */
  public SigningException(String message, Throwable cause) {
    super(message, cause);
  }
}
