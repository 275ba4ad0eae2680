package dev.oksign.testing;

import java.time.Duration;

/**
 * A failure a {@link FakeFlickr} injects into the next request it receives, to test timeouts,
 * retries and error handling:
 *
 * <pre>{@code
 * fake.enqueueFault(Fault.serverError(503));
 * fake.enqueueFault(Fault.delay(Duration.ofSeconds(2)));
 * fake.enqueueFault(Fault.disconnect());
 * }</pre>
 *
 * <p>A delayed request is still answered normally once the delay has passed.
 */
public final class Fault {
  enum Kind {
    DELAY,
    SERVER_ERROR,
    DISCONNECT
  }

  final Kind kind;
  final Duration delay;
  final int code;

  private Fault(Kind kind, Duration delay, int code) {
    this.kind = kind;
    this.delay = delay;
    this.code = code;
  }

  /** Answers normally, but only after {@code delay} (the headers are held back). */
  public static Fault delay(Duration delay) {
    if (delay == null) throw new NullPointerException("delay == null");
    if (delay.isNegative()) throw new IllegalArgumentException("delay is negative: " + delay);
    return new Fault(Kind.DELAY, delay, 0);
  }

  /**
   * Answers with the HTTP status {@code code} (500 to 599) and an HTML error page, as Flickr's edge
   * does.
   */
  public static Fault serverError(int code) {
    if (code < 500 || code > 599) {
      throw new IllegalArgumentException("code is not a 5xx status: " + code);
    }
    return new Fault(Kind.SERVER_ERROR, null, code);
  }

  /** Closes the connection without answering once the request has been read. */
  public static Fault disconnect() {
    return new Fault(Kind.DISCONNECT, null, 0);
  }

  /** Describes the fault. */
  @Override
  public String toString() {
    return switch (kind) {
      case DELAY -> "Fault.delay(" + delay + ")";
      case SERVER_ERROR -> "Fault.serverError(" + code + ")";
      case DISCONNECT -> "Fault.disconnect()";
    };
  }
}
