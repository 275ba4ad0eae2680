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
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal HTTP/1.1 server on the loopback interface: it answers every request with the same small
 * response and keeps connections alive. It records only a count and the last request head, so
 * memory stays bounded however long a benchmark runs (MockWebServer keeps every request). Clients
 * reach any URL through it by using it as their HTTP proxy.
 */
final class LoopbackServer implements Closeable {
  private static final int MAX_CONNECTIONS = 16;
  private static final int MAX_HEAD = 64 * 1024;

  private final ServerSocket serverSocket;
  private final byte[] response;
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private final AtomicLong requestCount = new AtomicLong();
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

  /** The request line and headers of the last request, as received; null before the first. */
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
        String head = new String(buffer, start, headEnd - start, StandardCharsets.ISO_8859_1);
        start = headEnd;
        long bodyLeft = contentLength(head);
        int buffered = (int) Math.min(bodyLeft, end - start);
        start += buffered;
        skip(in, bodyLeft - buffered);
        lastRequestHead = head;
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

  private static long contentLength(String head) {
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0
          && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
        return Long.parseLong(line.substring(colon + 1).trim());
      }
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
