package dev.oksign.flickr;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket holding up to {@code burst} permits, refilled at {@code permits / period}. A
 * caller that finds it empty reserves the next permit (the bucket goes into debt) and sleeps until
 * its permit is due, outside the lock, so waiting callers are served in order.
 */
final class TokenBucket implements RateLimiter {
  private final double nanosPerPermit;
  private final double burst;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;
  private final String description;

  private double stored;
  private long last;

  TokenBucket(int permits, Duration period, int burst, LongSupplier nanoTime, Sleeper sleeper) {
    if (permits <= 0) throw new IllegalArgumentException("permits <= 0: " + permits);
    if (burst <= 0) throw new IllegalArgumentException("burst <= 0: " + burst);
    if (period == null || period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("period must be positive: " + period);
    }
    this.nanosPerPermit = (double) period.toNanos() / permits;
    this.burst = burst;
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
    this.stored = burst;
    this.last = nanoTime.getAsLong();
    this.description = "RateLimiter[" + permits + " per " + period + ", burst " + burst + "]";
  }

  @Override
  public void acquire() throws InterruptedIOException {
    long wait = reserve();
    if (wait <= 0) return;
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted =
          new InterruptedIOException("interrupted while waiting for the rate limit");
      interrupted.initCause(e);
      throw interrupted;
    }
  }

  /** Takes a permit and returns how long to wait for it, in nanoseconds. */
  synchronized long reserve() {
    long now = nanoTime.getAsLong();
    stored = Math.min(burst, stored + (now - last) / nanosPerPermit);
    last = now;
    stored -= 1;
    if (stored >= 0) return 0;
    return (long) Math.ceil(-stored * nanosPerPermit);
  }

  @Override
  public String toString() {
    return description;
  }
}
