package dev.oksign;

import java.io.IOException;

/**
 * The base type of every failure this library reports while a request is made: an {@link
 * IOException}, as OkHttp's interceptor contract requires. Messages never hold a secret.
 */
public class OAuth1Exception extends IOException {
  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message}. */
  public OAuth1Exception(String message) {
    super(message);
  }

  /** A failure described by {@code message}, caused by {@code cause}. */
  public OAuth1Exception(String message, Throwable cause) {
    super(message, cause);
  }
}
