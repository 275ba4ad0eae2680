package dev.oksign.benchmarks;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal HTTP/1.1 server on the loopback interface: it answers every request with the same small
 * response and keeps connections alive. It counts requests and, when asked to, records the last
 * request head, so memory stays bounded however long a benchmark runs (MockWebServer keeps every
 * request). Answering allocates nothing per request: the server shares the JVM and both cores with
 * the client it serves, so its own cost per request, and per header byte, must not depend on what
 * the client sends. Clients reach any URL through it by using it as their HTTP proxy.
 */
final class LoopbackServer implements Closeable {
  private static final int MAX_CONNECTIONS = 16;
  private static final int MAX_HEAD = 64 * 1024;

  private final ServerSocket serverSocket;
  private final byte[] response;
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private final AtomicLong requestCount = new AtomicLong();
  private volatile boolean recordingHeads;
  private volatile String lastRequestHead;

  /** Starts a server answering {@code 200} with {@code body}. */
  LoopbackServer(String contentType, String body) throws IOException {
    byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 200 OK\r\nContent-Type: "
            + contentType
            + "\r\nContent-Length: "
            + bodyBytes.length
            + "\r\n\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    response = new byte[headBytes.length + bodyBytes.length];
    System.arraycopy(headBytes, 0, response, 0, headBytes.length);
    System.arraycopy(bodyBytes, 0, response, headBytes.length, bodyBytes.length);

    serverSocket = new ServerSocket();
    serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    Thread acceptor = new Thread(this::acceptLoop, "LoopbackServer accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The address to use as the client's HTTP proxy. */
  InetSocketAddress address() {
    return (InetSocketAddress) serverSocket.getLocalSocketAddress();
  }

  /** The number of requests answered. */
  long requestCount() {
    return requestCount.get();
  }

  /** Records request heads from now on, for {@link #lastRequestHead()}; off by default. */
  void recordRequestHeads() {
    recordingHeads = true;
  }

  /**
   * The request line and headers of the last request recorded, as received; null before the first.
   */
  String lastRequestHead() {
    return lastRequestHead;
  }

  private void acceptLoop() {
    while (!serverSocket.isClosed()) {
      Socket socket;
      try {
        socket = serverSocket.accept();
      } catch (IOException closed) {
        return;
      }
      if (connections.size() >= MAX_CONNECTIONS) {
        closeQuietly(socket);
        continue;
      }
      connections.add(socket);
      Thread thread = new Thread(() -> serve(socket), "LoopbackServer connection");
      thread.setDaemon(true);
      thread.start();
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setTcpNoDelay(true);
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      // Read in bulk and scan for the blank line: a server that parsed byte by byte would charge
      // its own cost per header byte to the client it shares the CPU with.
      byte[] buffer = new byte[MAX_HEAD];
      int start = 0;
      int end = 0;
      while (true) {
        int headEnd;
        while ((headEnd = headEnd(buffer, start, end)) < 0) {
          if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
          }
          if (end == buffer.length) throw new IOException("request head too large");
          int read = in.read(buffer, end, buffer.length - end);
          if (read == -1) {
            if (end == start) return;
            throw new IOException("end of stream inside a request head");
          }
          end += read;
        }
        if (recordingHeads) {
          lastRequestHead = new String(buffer, start, headEnd - start, StandardCharsets.ISO_8859_1);
        }
        long bodyLeft = contentLength(buffer, start, headEnd);
        start = headEnd;
        int buffered = (int) Math.min(bodyLeft, end - start);
        start += buffered;
        skip(in, bodyLeft - buffered);
        requestCount.incrementAndGet();
        out.write(response);
        out.flush();
      }
    } catch (IOException e) {
      // The client went away.
    } finally {
      connections.remove(socket);
    }
  }

  /** The index just past the first CRLFCRLF in {@code buffer[start, end)}, or -1. */
  private static int headEnd(byte[] buffer, int start, int end) {
    for (int i = start; i + 3 < end; i++) {
      if (buffer[i] == '\r'
          && buffer[i + 1] == '\n'
          && buffer[i + 2] == '\r'
          && buffer[i + 3] == '\n') {
        return i + 4;
      }
    }
    return -1;
  }

  private static final byte[] CONTENT_LENGTH =
      "\r\ncontent-length:".getBytes(StandardCharsets.US_ASCII);

  /** The value of the {@code Content-Length} header in {@code head[start, end)}, or 0. */
  private static long contentLength(byte[] head, int start, int end) {
    for (int i = start; i + CONTENT_LENGTH.length <= end; i++) {
      int k = 0;
      while (k < CONTENT_LENGTH.length
          && Character.toLowerCase((char) head[i + k]) == CONTENT_LENGTH[k]) {
        k++;
      }
      if (k < CONTENT_LENGTH.length) continue;
      long length = 0;
      for (int j = i + k; j < end && head[j] != '\r'; j++) {
        if (head[j] >= '0' && head[j] <= '9') length = length * 10 + (head[j] - '0');
      }
      return length;
    }
    return 0;
  }

  private static void skip(InputStream in, long n) throws IOException {
    while (n > 0) {
      long skipped = in.skip(n);
      if (skipped <= 0) {
        if (in.read() == -1) throw new IOException("end of stream inside a request body");
        skipped = 1;
      }
      n -= skipped;
    }
  }

  @Override
  public void close() throws IOException {
    serverSocket.close();
    for (Socket socket : connections) closeQuietly(socket);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Closing anyway.
    }
  }
}
