package dev.oksign.internal;

import java.security.SecureRandom;
import java.util.function.Supplier;

/** The default nonce: 128 bits from {@link SecureRandom}, as 32 lower-case hex digits. */
public final class Nonces implements Supplier<String> {
  public static final Nonces INSTANCE = new Nonces();

  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final ThreadLocal<SecureRandom> RANDOM =
      ThreadLocal.withInitial(SecureRandom::new);

  private Nonces() {}

  @Override
  public String get() {
    byte[] bytes = new byte[16];
    RANDOM.get().nextBytes(bytes);
    char[] chars = new char[32];
    for (int i = 0; i < 16; i++) {
      chars[i * 2] = HEX[(bytes[i] >> 4) & 0xF];
      chars[i * 2 + 1] = HEX[bytes[i] & 0xF];
    }
    return new String(chars);
  }

  @Override
  public String toString() {
    return "SecureRandom 128-bit nonces";
  }
}
