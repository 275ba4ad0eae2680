package dev.oksign.testing.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;

/**
 * Server sockets whose accepted connections set TCP_NODELAY, for MockWebServer. It writes an
 * answer's head and body in two segments; with Nagle's algorithm the second waits for the client's
 * delayed ACK, about 40 ms on Linux loopback, on every answer.
 */
public final class NoDelayServerSockets extends ServerSocketFactory {
  public static final NoDelayServerSockets INSTANCE = new NoDelayServerSockets();

  private NoDelayServerSockets() {}

  @Override
  public ServerSocket createServerSocket() throws IOException {
    return new ServerSocket() {
      @Override
      public Socket accept() throws IOException {
        Socket socket = super.accept();
        socket.setTcpNoDelay(true);
        return socket;
      }
    };
  }

  // MockWebServer binds the unbound socket above itself; it never asks for a bound one.

  @Override
  public ServerSocket createServerSocket(int port) {
    throw new UnsupportedOperationException("unbound server sockets only");
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog) {
    throw new UnsupportedOperationException("unbound server sockets only");
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog, InetAddress address) {
    throw new UnsupportedOperationException("unbound server sockets only");
  }
}
