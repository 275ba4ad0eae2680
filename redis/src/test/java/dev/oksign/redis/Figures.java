package dev.oksign.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Figures for RELIABILITY.md, appended to {@code target/redis-figures.txt} as {@code name = value}.
 */
final class Figures {
  private Figures() {}

  /** True with {@code -Dredis.full=true}: the sizes of RELIABILITY.md. */
  static boolean full() {
    return Boolean.getBoolean("redis.full");
  }

  static synchronized void record(String name, Object value) {
    String line = name + " = " + value + System.lineSeparator();
    System.out.print(line);
    try {
      Files.writeString(
          Path.of(System.getProperty("redis.figures", "target/redis-figures.txt")),
          line,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
