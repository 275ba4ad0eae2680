package dev.oksign.testing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * A small HTTP/1.1 server on plain JDK sockets, for {@link FakeFlickr}: no OkHttp on the serving
 * side, so the fake runs with whichever OkHttp the user has. It reads each request whole ({@code
 * Content-Length} or chunked), keeps connections alive, and writes answers with {@code
 * Content-Length} and a {@code Date} from the fake's clock, as a server whose clock is off would
 * (the JDK's {@code com.sun.net.httpserver} always writes the system time there). TCP_NODELAY is
 * set on every connection.
 */
final class LoopbackHttpServer implements Closeable {
  private static final int MAX_LINE = 64 * 1024;
  private static final int MAX_HEADERS = 200;
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private final Function<RecordedRequest, Answer> handler;
  private final Clock clock;
  private final ServerSocket serverSocket;
  private final ExecutorService executor;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  LoopbackHttpServer(Function<RecordedRequest, Answer> handler, Clock clock, int port)
      throws IOException {
    this.handler = handler;
    this.clock = clock;
    this.serverSocket = new ServerSocket();
    serverSocket.setReuseAddress(true);
    serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "FakeFlickr-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    executor.execute(this::acceptLoop);
  }

  int port() {
    return serverSocket.getLocalPort();
  }

  private void acceptLoop() {
    while (!closed) {
      Socket socket;
      try {
        socket = serverSocket.accept();
      } catch (IOException e) {
        return; // closed
      }
      open.add(socket);
      try {
        executor.execute(() -> serve(socket));
      } catch (RuntimeException rejected) {
        closeQuietly(socket);
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = new BufferedOutputStream(socket.getOutputStream());
      while (!closed && serveOne(socket, in, out)) {
        // keep alive
      }
    } catch (IOException e) {
      // The client went away, or the server is closing.
    } finally {
      open.remove(socket);
    }
  }

  /** Reads and answers one request; false when the connection is to be closed. */
  private boolean serveOne(Socket socket, InputStream in, OutputStream out) throws IOException {
    String requestLine;
    do {
      requestLine = readLine(in);
      if (requestLine == null) return false;
    } while (requestLine.isEmpty());
    String[] parts = requestLine.split(" ", -1);
    if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
      writeError(out, 400, "Bad request line");
      return false;
    }
    String method = parts[0];
    String target = parts[1];
    boolean http10 = parts[2].equals("HTTP/1.0");

    Headers.Builder builder = new Headers.Builder();
    for (int i = 0; ; i++) {
      String line = readLine(in);
      if (line == null) return false;
      if (line.isEmpty()) break;
      int colon = line.indexOf(':');
      if (i >= MAX_HEADERS || colon <= 0) {
        writeError(out, 400, "Bad header");
        return false;
      }
      try {
        builder.addUnsafeNonAscii(
            line.substring(0, colon).trim(), line.substring(colon + 1).trim());
      } catch (IllegalArgumentException e) {
        writeError(out, 400, "Bad header");
        return false;
      }
    }
    Headers headers = builder.build();
    if ("100-continue".equalsIgnoreCase(headers.get("Expect"))) {
      out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }
    byte[] body;
    String transferEncoding = headers.get("Transfer-Encoding");
    String contentLength = headers.get("Content-Length");
    if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
      body = readChunked(in);
    } else if (contentLength != null) {
      long length;
      try {
        length = Long.parseLong(contentLength.trim());
      } catch (NumberFormatException e) {
        length = -1;
      }
      if (length < 0 || length > Integer.MAX_VALUE - 8) {
        writeError(out, 400, "Bad Content-Length");
        return false;
      }
      body = in.readNBytes((int) length);
      if (body.length != length) return false;
    } else {
      body = new byte[0];
    }

    String host = headers.get("Host");
    if (host == null || host.isEmpty()) {
      host = InetAddress.getLoopbackAddress().getHostAddress() + ":" + port();
    }
    HttpUrl url = target.startsWith("http://") ? HttpUrl.parse(target) : null;
    if (url == null)
      url = HttpUrl.parse("http://" + host + (target.startsWith("/") ? target : "/"));
    if (url == null) {
      writeError(out, 400, "Bad request target");
      return false;
    }
    String pathAndQuery = target;
    if (target.startsWith("http://")) {
      int slash = target.indexOf('/', 7);
      pathAndQuery = slash < 0 ? "/" : target.substring(slash);
    }
    Answer answer = handler.apply(new RecordedRequest(method, pathAndQuery, url, headers, body));
    if (answer.disconnect) {
      socket.close();
      return false;
    }
    if (!answer.delay.isZero()) {
      try {
        Thread.sleep(answer.delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    boolean close = http10 || "close".equalsIgnoreCase(headers.get("Connection")) || closed;
    StringBuilder head = new StringBuilder(256);
    head.append("HTTP/1.1 ").append(answer.code).append(' ').append(reason(answer.code));
    head.append("\r\nDate: ").append(HTTP_DATE.format(clock.instant()));
    if (answer.contentType != null) head.append("\r\nContent-Type: ").append(answer.contentType);
    if (answer.location != null) head.append("\r\nLocation: ").append(answer.location);
    head.append("\r\nContent-Length: ").append(answer.body.length);
    if (close) head.append("\r\nConnection: close");
    head.append("\r\n\r\n");
    out.write(head.toString().getBytes(StandardCharsets.UTF_8));
    if (!method.equals("HEAD")) out.write(answer.body);
    out.flush();
    return !close;
  }

  private void writeError(OutputStream out, int code, String message) throws IOException {
    byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
    out.write(
        ("HTTP/1.1 "
                + code
                + " "
                + reason(code)
                + "\r\nDate: "
                + HTTP_DATE.format(clock.instant())
                + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
                + body.length
                + "\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    out.write(body);
    out.flush();
  }

  private static byte[] readChunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String line = readLine(in);
      if (line == null) throw new EOFException("in a chunk size");
      int semi = line.indexOf(';');
      int size;
      try {
        size = Integer.parseInt((semi < 0 ? line : line.substring(0, semi)).trim(), 16);
      } catch (NumberFormatException e) {
        throw new IOException("bad chunk size: " + line);
      }
      if (size < 0) throw new IOException("bad chunk size: " + line);
      if (size == 0) break;
      byte[] chunk = in.readNBytes(size);
      if (chunk.length != size) throw new EOFException("in a chunk");
      body.write(chunk);
      if (readLine(in) == null) throw new EOFException("after a chunk");
    }
    for (String trailer; (trailer = readLine(in)) != null && !trailer.isEmpty(); ) {
      // Trailers are read and ignored.
    }
    return body.toByteArray();
  }

  /** A line ended by LF (CR LF or LF), without its end; null at the end of the stream. */
  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    for (int c; (c = in.read()) != -1; ) {
      if (c == '\n') {
        byte[] bytes = line.toByteArray();
        int length =
            bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
      }
      if (line.size() >= MAX_LINE) throw new IOException("line too long");
      line.write(c);
    }
    if (line.size() == 0) return null;
    throw new EOFException("in a line");
  }

  private static String reason(int code) {
    return switch (code) {
      case 100 -> "Continue";
      case 200 -> "OK";
      case 302 -> "Found";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 404 -> "Not Found";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "";
    };
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  /** Stops accepting, closes every connection and stops the threads. */
  @Override
  public void close() {
    closed = true;
    try {
      serverSocket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Socket socket : open) closeQuietly(socket);
    executor.shutdownNow();
  }
}
