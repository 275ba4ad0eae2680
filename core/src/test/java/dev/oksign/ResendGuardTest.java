package dev.oksign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ProtocolException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A POST whose pooled connection drops after the server read it: OkHttp would send it again, and
 * since the interceptor signs every attempt anew the server could not refuse the copy as a replayed
 * nonce. The interceptor stops that resend unless told otherwise.
 *
 * <p>A bare socket server stands in for the provider, so the test runs the same on every OkHttp
 * version: it answers the first request of a connection and drops the connection on the second.
 */
class ResendGuardTest {
  ServerSocket serverSocket;
  Thread acceptor;
  final List<String> received = new CopyOnWriteArrayList<>();
  volatile Socket current;

  @BeforeEach
  void start() throws IOException {
    serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor =
        new Thread(
            () -> {
              while (!serverSocket.isClosed()) {
                try (Socket socket = serverSocket.accept()) {
                  current = socket;
                  serve(socket);
                } catch (IOException ignored) {
                  // closed by the test, or the client went away
                }
              }
            },
            "ResendGuardTest server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @AfterEach
  void stop() throws Exception {
    serverSocket.close();
    Socket socket = current;
    if (socket != null) socket.close(); // a pooled connection the server still reads from
    acceptor.join(5_000);
  }

  /** Answers the first request on a connection, drops the connection after reading the second. */
  private void serve(Socket socket) throws IOException {
    socket.setSoTimeout(5_000);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    OutputStream out = socket.getOutputStream();
    for (int onThisConnection = 1; ; onThisConnection++) {
      String requestLine = in.readLine();
      if (requestLine == null) return;
      int contentLength = 0;
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
          contentLength = Integer.parseInt(line.substring(15).trim());
        }
      }
      for (int i = 0; i < contentLength; i++) in.read();
      received.add(requestLine);
      if (onThisConnection == 2) return; // read it, then drop the connection: no answer
      out.write(
          "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
  }

  OkHttpClient client(boolean resendUnsafeMethods) {
    OAuth1Signer signer =
        OAuth1Signer.builder().clientCredentials("key", "secret").token("t", "ts").build();
    return new OkHttpClient.Builder()
        .readTimeout(5, TimeUnit.SECONDS)
        .addNetworkInterceptor(
            OAuth1Interceptor.builder(signer)
                .host("127.0.0.1")
                .allowHttp(true)
                .resendUnsafeMethods(resendUnsafeMethods)
                .build())
        .build();
  }

  String url(String path) {
    return "http://127.0.0.1:" + serverSocket.getLocalPort() + path;
  }

  void warmUp(OkHttpClient client) throws IOException {
    try (Response response =
        client.newCall(new Request.Builder().url(url("/warm")).build()).execute()) {
      assertThat(response.body().string()).isEqualTo("ok");
    }
  }

  Request post() {
    return new Request.Builder()
        .url(url("/write"))
        .post(new FormBody.Builder().add("tag", "sea").build())
        .build();
  }

  @Test
  void aPostIsNotSentAgainAfterItsPooledConnectionDrops() throws Exception {
    OkHttpClient client = client(false);
    warmUp(client);

    assertThatThrownBy(() -> client.newCall(post()).execute().close())
        .isInstanceOf(ProtocolException.class)
        .hasMessageStartingWith(
            "POST " + url("/...") + " failed after it may have reached the server;")
        .hasCauseInstanceOf(IOException.class);
    assertThat(received).containsExactly("GET /warm HTTP/1.1", "POST /write HTTP/1.1");
  }

  @Test
  void aGetIsStillRetriedAsOkHttpDecides() throws Exception {
    OkHttpClient client = client(false);
    warmUp(client);

    try (Response response =
        client.newCall(new Request.Builder().url(url("/read")).build()).execute()) {
      assertThat(response.body().string()).isEqualTo("ok");
    }
    assertThat(received)
        .containsExactly("GET /warm HTTP/1.1", "GET /read HTTP/1.1", "GET /read HTTP/1.1");
  }

  @Test
  void theResendCanBeAllowed() throws Exception {
    OkHttpClient client = client(true);
    warmUp(client);

    try (Response response = client.newCall(post()).execute()) {
      assertThat(response.body().string()).isEqualTo("ok");
    }
    assertThat(received)
        .containsExactly("GET /warm HTTP/1.1", "POST /write HTTP/1.1", "POST /write HTTP/1.1");
  }
}
