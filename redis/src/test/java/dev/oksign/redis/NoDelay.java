package dev.oksign.redis;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;

/**
 * Server sockets whose connections have TCP_NODELAY. MockWebServer writes an answer's headers and
 * body in two segments; with Nagle's algorithm the body waits for the client's delayed ACK, some 40
 * ms on Linux loopback, which would make every request of the figures wait for nothing.
 */
final class NoDelay extends ServerSocketFactory {
  static final NoDelay SERVER_SOCKETS = new NoDelay();

  private static final class NoDelayServerSocket extends ServerSocket {
    NoDelayServerSocket() throws IOException {}

    @Override
    public Socket accept() throws IOException {
      Socket socket = super.accept();
      socket.setTcpNoDelay(true);
      return socket;
    }
  }

  @Override
  public ServerSocket createServerSocket() throws IOException {
    return new NoDelayServerSocket();
  }

  @Override
  public ServerSocket createServerSocket(int port) throws IOException {
    throw new UnsupportedOperationException();
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog) throws IOException {
    throw new UnsupportedOperationException();
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog, java.net.InetAddress address)
      throws IOException {
    throw new UnsupportedOperationException();
  }
}
