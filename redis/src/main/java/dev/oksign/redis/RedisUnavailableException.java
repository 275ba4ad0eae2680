package dev.oksign.redis;

/**
 * Redis could not be asked in time: it refused the connection, did not answer within the timeout,
 * or answered with an error. {@link RedisNonceStore} throws it rather than guess, so that {@link
 * dev.oksign.OAuth1Verifier#verify} fails and no request is accepted unchecked; a server answers it
 * with {@code 503 Service Unavailable}. The message names the Redis address, never a password.
 */
public final class RedisUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RedisUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
