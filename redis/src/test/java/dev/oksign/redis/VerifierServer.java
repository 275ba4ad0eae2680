package dev.oksign.redis;

import dev.oksign.OAuth1Verifier;
import dev.oksign.Verification;
import java.io.IOException;
import java.net.InetAddress;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * One instance of a provider behind a load balancer: its own HTTP server on loopback and its own
 * {@link OAuth1Verifier}, which checks requests against the public URL every instance shares, as a
 * server behind a balancer does. Answers 200, 401 with the problem, or 503 when the nonce store
 * cannot be asked.
 */
final class VerifierServer implements AutoCloseable {
  static final String PUBLIC_BASE = "https://api.example";

  private final MockWebServer server = new MockWebServer();

  VerifierServer(OAuth1Verifier verifier) throws IOException {
    server.setServerSocketFactory(NoDelay.SERVER_SOCKETS);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            HttpUrl url = HttpUrl.get(PUBLIC_BASE + request.getTarget());
            byte[] body =
                request.getBody() == null || request.getBody().size() == 0
                    ? null
                    : request.getBody().toByteArray();
            try {
              Verification v =
                  verifier.verify(request.getMethod(), url, request.getHeaders(), body);
              return new MockResponse.Builder()
                  .code(v.isValid() ? 200 : 401)
                  .body(v.isValid() ? "ok" : v.problem())
                  .build();
            } catch (RedisUnavailableException e) {
              return new MockResponse.Builder().code(503).body("unavailable").build();
            }
          }
        });
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  HttpUrl url() {
    return server.url("/");
  }

  @Override
  public void close() {
    server.close();
  }
}
