package consumer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.oksign.ClientCredentials;
import dev.oksign.OAuth1Verifier;
import dev.oksign.Token;
import dev.oksign.Verification;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * A provider on loopback, on the JDK's HTTP server, that answers 200 to a request signed with the
 * given client credentials and token, and 401 with the {@code oauth_problem} otherwise.
 */
final class VerifyingServer implements AutoCloseable {
  private final HttpServer server;

  private VerifyingServer(HttpServer server) {
    this.server = server;
  }

  static VerifyingServer start(ClientCredentials client, Token token) throws IOException {
    OAuth1Verifier verifier =
        OAuth1Verifier.builder()
            .clientSecrets(key -> key.equals(client.key()) ? client.secret() : null)
            .tokenSecrets(value -> value.equals(token.value()) ? token.secret() : null)
            .build();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    VerifyingServer result = new VerifyingServer(server);
    server.createContext("/", exchange -> result.handle(exchange, verifier));
    server.start();
    return result;
  }

  HttpUrl url() {
    return HttpUrl.get("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  private void handle(HttpExchange exchange, OAuth1Verifier verifier) throws IOException {
    try (exchange) {
      Headers.Builder headers = new Headers.Builder();
      for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
        for (String value : header.getValue()) headers.add(header.getKey(), value);
      }
      byte[] body = exchange.getRequestBody().readAllBytes();
      HttpUrl url = url().resolve(exchange.getRequestURI().toString());
      Verification verification =
          verifier.verify(exchange.getRequestMethod(), url, headers.build(), body);
      String answer =
          verification.isValid()
              ? "signature valid for " + verification.consumerKey()
              : verification.responseBody();
      byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(verification.isValid() ? 200 : 401, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
