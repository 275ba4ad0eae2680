package dev.oksign.reliability;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Applied to every test of this module (registered in {@code META-INF/services}, switched on in
 * {@code junit-platform.properties}): captures each test's standard output and error and every
 * {@code java.util.logging} record (OkHttp's and MockWebServer's included), scans them and any
 * exception the test throws for the configured secrets ({@link Secrets}), and fails the test if one
 * appears. Output still reaches the console. Off while Jazzer fuzzes, since the fuzzer learns the
 * secrets from the scan's own comparisons and feeds them back as input.
 */
public final class SecretsScanExtension
    implements BeforeEachCallback, AfterEachCallback, TestExecutionExceptionHandler {
  private static final boolean FUZZING = System.getenv("JAZZER_FUZZ") != null;
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(SecretsScanExtension.class);

  static {
    if (!FUZZING) {
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      Figures.record("secrets.scannedTexts", Secrets.scannedTexts());
                      Figures.record("secrets.scannedChars", Secrets.scannedChars());
                    } catch (RuntimeException ignored) {
                      // The JVM is going down: the figure is lost, not the run.
                    }
                  }));
    }
  }

  private static final class Capture extends Handler {
    final java.util.Queue<String> records = new java.util.concurrent.ConcurrentLinkedQueue<>();
    final ByteArrayOutputStream streams = new ByteArrayOutputStream();
    PrintStream out;
    PrintStream err;
    Level level;

    @Override
    public void publish(LogRecord record) {
      records.add(
          record.getLoggerName()
              + ": "
              + record.getMessage()
              + (record.getParameters() == null
                  ? ""
                  : " " + java.util.Arrays.toString(record.getParameters()))
              + (record.getThrown() == null ? "" : " " + record.getThrown()));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  /** Writes to both the console stream and the capture. */
  private static PrintStream tee(PrintStream console, OutputStream capture) {
    return new PrintStream(
        new OutputStream() {
          @Override
          public void write(int b) {
            console.write(b);
            synchronized (capture) {
              try {
                capture.write(b);
              } catch (java.io.IOException impossible) {
                throw new IllegalStateException(impossible);
              }
            }
          }

          @Override
          public void write(byte[] b, int off, int len) {
            console.write(b, off, len);
            synchronized (capture) {
              try {
                capture.write(b, off, len);
              } catch (java.io.IOException impossible) {
                throw new IllegalStateException(impossible);
              }
            }
          }
        },
        true,
        StandardCharsets.UTF_8);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (FUZZING) return;
    Capture capture = new Capture();
    capture.setLevel(Level.ALL);
    Logger root = Logger.getLogger("");
    capture.level = root.getLevel();
    root.setLevel(Level.ALL); // FINE and below too: a secret logged for debugging is one leaked
    root.addHandler(capture);
    capture.out = System.out;
    capture.err = System.err;
    System.setOut(tee(capture.out, capture.streams));
    System.setErr(tee(capture.err, capture.streams));
    context.getStore(NS).put(Capture.class, capture);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Capture capture = context.getStore(NS).remove(Capture.class, Capture.class);
    if (capture == null) return;
    System.setOut(capture.out);
    System.setErr(capture.err);
    Logger root = Logger.getLogger("");
    root.removeHandler(capture);
    root.setLevel(capture.level);
    String where = context.getDisplayName();
    for (String record : capture.records) Secrets.assertAbsent("a log record of " + where, record);
    Secrets.assertAbsent(
        "the output of " + where, capture.streams.toString(StandardCharsets.UTF_8));
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable thrown)
      throws Throwable {
    if (!FUZZING) Secrets.assertAbsent("the failure of " + context.getDisplayName(), thrown);
    throw thrown;
  }
}
