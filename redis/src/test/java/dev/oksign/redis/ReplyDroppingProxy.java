package dev.oksign.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP proxy on loopback in front of a real Redis that, when told to, lets the next command reach
 * Redis and then closes the client's connection instead of passing the reply on (a reply lost on
 * the network after the write was applied), or closes every new connection at once (a Redis that
 * cannot be reached, while the test still can).
 */
final class ReplyDroppingProxy implements AutoCloseable {
  private final ServerSocket server;
  private final int redisPort;
  private final AtomicBoolean dropNextReply = new AtomicBoolean();
  private volatile boolean refusing;
  private final List<Socket> open = new CopyOnWriteArrayList<>();

  ReplyDroppingProxy(int redisPort) throws IOException {
    this.redisPort = redisPort;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String uri() {
    return "redis://127.0.0.1:" + server.getLocalPort();
  }

  /**
   * While true, the connections open now are closed, and every new one as soon as it is accepted:
   * Redis is unreachable.
   */
  void refusing(boolean refusing) {
    this.refusing = refusing;
    if (refusing) {
      for (Socket socket : open) closeQuietly(socket);
    }
  }

  void dropNextReply() {
    dropNextReply.set(true);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        if (refusing) {
          client.close();
          continue;
        }
        Socket redis = new Socket(InetAddress.getLoopbackAddress(), redisPort);
        open.add(client);
        open.add(redis);
        pump(client, redis, false);
        pump(redis, client, true);
      } catch (IOException e) {
        return;
      }
    }
  }

  private void pump(Socket from, Socket to, boolean replies) {
    Thread thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              try (InputStream in = from.getInputStream()) {
                OutputStream out = to.getOutputStream();
                for (int n; (n = in.read(buffer)) != -1; ) {
                  if (replies && dropNextReply.compareAndSet(true, false)) break;
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException ignored) {
                // One side closed.
              } finally {
                closeQuietly(from);
                closeQuietly(to);
              }
            },
            "proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Closing.
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
