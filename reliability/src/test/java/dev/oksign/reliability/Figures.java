package dev.oksign.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Appends the numbers a test measured to {@code target/reliability-figures.txt} (and prints them),
 * so RELIABILITY.md is updated from what the tests really produced, never from memory.
 */
final class Figures {
  private Figures() {}

  private static final Path FILE = Path.of("target", "reliability-figures.txt");

  /** True when {@code -Dreliability.full=true} asks for the full sizes of RELIABILITY.md. */
  static boolean full() {
    return Boolean.getBoolean("reliability.full");
  }

  static synchronized void record(String name, Object value) {
    String line = Instant.now() + " " + name + " = " + value;
    System.out.println("[figure] " + name + " = " + value);
    try {
      Files.createDirectories(FILE.getParent());
      Files.writeString(
          FILE,
          line + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
