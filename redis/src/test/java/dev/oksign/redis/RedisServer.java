package dev.oksign.redis;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real {@code redis-server} (Debian's package) on a free loopback port, started before the tests
 * of a class and stopped after them: {@code @RegisterExtension static final RedisServer redis = new
 * RedisServer();}. Its data is flushed before each test. Without {@code redis-server} on the path
 * the tests fail, naming the package to install; nothing is skipped.
 *
 * <p>{@link #kill()}, {@link #start()}, {@link #pause()} and {@link #resume()} let a test take
 * Redis away (SIGKILL, or SIGSTOP for a Redis that accepts connections but never answers) and bring
 * it back on the same port.
 */
public final class RedisServer implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
  private final List<String> extraArguments;
  private int port;
  private Process process;
  private Path dir;

  public RedisServer(String... extraArguments) {
    this.extraArguments = List.of(extraArguments);
  }

  /** The path of {@code redis-server}, or a failure that says how to get it. */
  static String executable() {
    List<String> places = new ArrayList<>();
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      places.add(dir);
    }
    places.add("/usr/bin");
    places.add("/usr/sbin");
    for (String dir : places) {
      File candidate = new File(dir, "redis-server");
      if (candidate.canExecute()) return candidate.getPath();
    }
    throw new IllegalStateException(
        "redis-server is not installed: the oksign-redis tests run a real Redis. Install Debian's"
            + " package (apt-get install redis-server); .ci/run does it when it is missing.");
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    dir = Files.createTempDirectory("oksign-redis");
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    stop();
    try (var files = Files.walk(dir)) {
      files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    if (process != null && process.isAlive()) command("FLUSHALL");
  }

  /**
   * Starts Redis on this server's port (again, after {@link #kill()}), and waits until it answers.
   */
  public void start() throws IOException, InterruptedException {
    if (process != null && process.isAlive()) throw new IllegalStateException("already running");
    List<String> command = new ArrayList<>();
    command.add(executable());
    command.addAll(
        List.of(
            "--port", Integer.toString(port),
            "--bind", "127.0.0.1",
            "--save", "",
            "--appendonly", "no",
            "--dir", dir.toString(),
            "--daemonize", "no"));
    command.addAll(extraArguments);
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("redis.log").toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      try {
        if (command("PING").equals("+PONG")) return;
      } catch (IOException notYet) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "redis-server exited with "
                  + process.exitValue()
                  + ": "
                  + Files.readString(dir.resolve("redis.log")));
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("redis-server did not answer on port " + port, notYet);
        }
        Thread.sleep(20);
      }
    }
  }

  /** SIGKILL: Redis is gone at once, with whatever it held (it persists nothing by default). */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** SIGSTOP: connections are still accepted by the kernel, but nothing is answered. */
  public void pause() throws IOException, InterruptedException {
    signal("STOP");
  }

  /** SIGCONT after {@link #pause()}. */
  public void resume() throws IOException, InterruptedException {
    signal("CONT");
  }

  private void signal(String name) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
    if (kill.waitFor() != 0) throw new IOException("kill -" + name + " failed");
  }

  void stop() throws InterruptedException {
    if (process == null) return;
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) kill();
  }

  public int port() {
    return port;
  }

  /** {@code redis://127.0.0.1:<port>}. */
  public String uri() {
    return "redis://127.0.0.1:" + port;
  }

  /**
   * Sends one inline command (no spaces in its arguments) over a fresh connection and returns the
   * first line of the answer: an independent way in, not the client under test.
   */
  public String command(String inline) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write((inline + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder line = new StringBuilder();
      for (int c; (c = in.read()) != -1 && c != '\n'; ) {
        if (c != '\r') line.append((char) c);
      }
      if (line.length() == 0) throw new IOException("no answer to " + inline);
      return line.toString();
    }
  }

  /** The integer a command such as {@code DBSIZE} or {@code ZCARD key} answers. */
  public long integer(String inline) throws IOException {
    String answer = command(inline);
    if (!answer.startsWith(":")) throw new IOException(inline + " answered " + answer);
    return Long.parseLong(answer.substring(1));
  }
}
