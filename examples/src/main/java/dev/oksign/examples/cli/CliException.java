package dev.oksign.examples.cli;

/** A failure the command line reports as one line on standard error, with its exit code. */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Exit code of a usage error: a missing or malformed option. */
  static final int USAGE = 2;

  /** Exit code of a failure: a refusal, an unreadable file, the network. */
  static final int FAILURE = 1;

  final int exitCode;

  CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  CliException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  static CliException usage(String message) {
    return new CliException(USAGE, message);
  }

  static CliException failure(String message) {
    return new CliException(FAILURE, message);
  }
}
