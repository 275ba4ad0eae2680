package dev.oksign.examples.cli;

import java.io.PrintStream;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Request;
import okhttp3.Response;

/**
 * {@code --verbose}: prints each request as it is written to the socket, after every interceptor
 * (so after signing), and the status of each response. Only the request line and the {@code
 * Authorization} header are shown: with HMAC they hold the signature, never a secret.
 */
final class WireLog extends EventListener {
  private final PrintStream err;

  WireLog(PrintStream err) {
    this.err = err;
  }

  @Override
  public void requestHeadersEnd(Call call, Request request) {
    StringBuilder line =
        new StringBuilder("> ").append(request.method()).append(' ').append(request.url());
    String authorization = request.header("Authorization");
    if (authorization != null) line.append("\n>   Authorization: ").append(authorization);
    err.println(line);
  }

  @Override
  public void responseHeadersEnd(Call call, Response response) {
    err.println("< " + response.code() + " " + response.request().url().encodedPath());
  }
}
