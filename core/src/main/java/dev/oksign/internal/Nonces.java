package dev.oksign.internal;

import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.function.Supplier;

/**
 * The default nonce: 128 bits from a {@link SecureRandom} of the calling thread's own, as 32
 * lower-case hex digits.
 */
public final class Nonces implements Supplier<String> {
  public static final Nonces INSTANCE = new Nonces();

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  /** Per thread: its random source and the array the random bytes are drawn into. */
  private static final ThreadLocal<State> STATE = ThreadLocal.withInitial(State::new);

  private Nonces() {}

  @Override
  public String get() {
    State state = STATE.get();
    byte[] random = state.random;
    state.source.nextBytes(random);
    byte[] hex = new byte[32];
    for (int i = 0; i < 16; i++) {
      hex[i * 2] = HEX[(random[i] >> 4) & 0xF];
      hex[i * 2 + 1] = HEX[random[i] & 0xF];
    }
    return new String(hex, StandardCharsets.ISO_8859_1);
  }

  private static final class State {
    final SecureRandom source = newSource();
    final byte[] random = new byte[16];
  }

  /**
   * A generator of the thread's own. Not the platform default on Linux, NativePRNG: its instances
   * share one lock and one stream, so that 16 bytes from it took 0.43 µs each from two threads
   * against 0.14 µs from one ({@code NonceBenchmark}). SHA1PRNG, the SUN provider's, shares nothing
   * between instances and seeds itself from the system's entropy on first use; a nonce from it
   * takes 0.10 µs from one thread or two. Where it is missing (Android), the platform default.
   */
  private static SecureRandom newSource() {
    try {
      return SecureRandom.getInstance("SHA1PRNG");
    } catch (NoSuchAlgorithmException missing) {
      return new SecureRandom();
    }
  }

  @Override
  public String toString() {
    return "SecureRandom 128-bit nonces";
  }
}
