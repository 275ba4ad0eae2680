package dev.oksign.flickr;

import java.io.IOException;
import java.time.Duration;

/**
 * A budget of calls, shared by every call of one {@link Flickr} (and of its {@link
 * Flickr#withToken(Token) withToken} views). Flickr allows about 3,600 calls per hour per API key,
 * for all of the key's users together; a limiter makes calls wait for their turn instead of
 * failing. Retries count too: each attempt that goes out takes a permit.
 *
 * <pre>{@code
 * Flickr flickr = Flickr.builder()
 *     .clientCredentials(key, secret)
 *     .rateLimiter(RateLimiter.perHour(3_600))
 *     .build();
 * }</pre>
 *
 * <p><b>Several processes.</b> The limiters made here count the calls of one JVM. Processes that
 * share one API key must share the budget: use {@code dev.oksign.redis.RedisRateLimiter} from
 * {@code oksign-redis}, one budget on a Redis server that every process draws from, or implement
 * this interface over another store they all see. {@link #acquire()} may block for as long as it
 * needs.
 */
@FunctionalInterface
public interface RateLimiter {
  /**
   * Blocks until one more call may go out.
   *
   * @throws java.io.InterruptedIOException if the thread is interrupted while waiting
   * @throws IOException if the budget cannot be consulted
   */
  void acquire() throws IOException;

  /**
   * Returns a limiter of {@code calls} per hour, allowing a burst of a minute's worth ({@code calls
   * / 60}, at least 1) on top of the steady rate.
   */
  static RateLimiter perHour(int calls) {
    return of(calls, Duration.ofHours(1), Math.max(1, calls / 60));
  }

  /**
   * Returns a token-bucket limiter: {@code permits} per {@code period} on average, and at most
   * {@code burst} calls at once after an idle time. Over any {@code period} at most {@code permits
   * + burst} calls go out.
   *
   * @throws IllegalArgumentException if a value is not positive
   */
  static RateLimiter of(int permits, Duration period, int burst) {
    return new TokenBucket(permits, period, burst, System::nanoTime, Sleeper.SYSTEM);
  }
}
