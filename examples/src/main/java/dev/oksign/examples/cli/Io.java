package dev.oksign.examples.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The streams and environment a command runs with: the process's own from {@link #system()}, or
 * buffers in tests. Output is UTF-8 whatever the platform default.
 *
 * @param in standard input
 * @param out standard output: only the records a command promises
 * @param err standard error: progress, notices and errors
 * @param env the environment variables
 */
public record Io(InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {

  /** The process's standard streams, as UTF-8, and its environment. */
  public static Io system() {
    return new Io(
        System.in,
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8),
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8),
        System.getenv());
  }

  /** Returns the environment variable {@code name}, or null if unset or blank. */
  String env(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value;
  }
}
