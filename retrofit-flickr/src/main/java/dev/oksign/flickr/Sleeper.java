package dev.oksign.flickr;

import java.util.concurrent.TimeUnit;

/** Waits. Injected so that tests of limits and backoff never sleep for real. */
@FunctionalInterface
interface Sleeper {
  /** The real thing. */
  Sleeper SYSTEM = TimeUnit.NANOSECONDS::sleep;

  /** Waits {@code nanos} nanoseconds. */
  void sleep(long nanos) throws InterruptedException;
}
