package dev.oksign.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake's HTTP/1.1 server, byte for byte over a raw socket. */
class LoopbackHttpServerTest {
  LoopbackHttpServer server;

  @BeforeEach
  void start() throws IOException {
    server =
        new LoopbackHttpServer(
            request ->
                Answer.of(
                    200,
                    "text/plain; charset=utf-8",
                    request.getMethod() + " " + request.getTarget() + " " + request.getBodyUtf8()),
            Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC),
            0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  String exchange(String request) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      in.transferTo(answer);
      return answer.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void answersPipelinedRequestsOnOneConnectionThenCloses() throws IOException {
    String answers =
        exchange(
            "GET /a?x=1 HTTP/1.1\r\nHost: h\r\n\r\n"
                + "POST /b HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc"
                + "POST /c HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n2\r\nde\r\n1;x=y\r\nf\r\n0\r\n\r\n");
    assertThat(answers)
        .isEqualTo(
            "HTTP/1.1 200 OK\r\nDate: Tue, 14 Nov 2023 22:13:20 GMT\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: 11\r\n\r\n"
                + "GET /a?x=1 "
                + "HTTP/1.1 200 OK\r\nDate: Tue, 14 Nov 2023 22:13:20 GMT\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: 11\r\n\r\n"
                + "POST /b abc"
                + "HTTP/1.1 200 OK\r\nDate: Tue, 14 Nov 2023 22:13:20 GMT\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: 11\r\n"
                + "Connection: close\r\n\r\n"
                + "POST /c def");
  }

  @Test
  void refusesAMalformedRequestLineWith400AndCloses() throws IOException {
    assertThat(exchange("HELLO\r\n\r\n"))
        .startsWith("HTTP/1.1 400 Bad Request\r\n")
        .contains("\r\nConnection: close\r\n")
        .endsWith("\r\n\r\nBad request line\n");
  }

  @Test
  void answersHttp10AndClosesAndReadsAnAbsoluteTarget() throws IOException {
    assertThat(exchange("GET http://www.flickr.com/x?y=z HTTP/1.0\r\n\r\n"))
        .contains("\r\nConnection: close\r\n")
        .endsWith("\r\n\r\nGET /x?y=z ");
  }
}
