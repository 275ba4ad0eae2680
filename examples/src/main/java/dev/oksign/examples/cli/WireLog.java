package dev.oksign.examples.cli;

import java.io.PrintStream;
import java.util.regex.Pattern;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Request;
import okhttp3.Response;

/**
 * {@code --verbose}: prints each request as it is written to the socket, after every interceptor
 * (so after signing), and the status of each response. Only the request line and the {@code
 * Authorization} header are shown: with HMAC they hold the signature, never a secret; a PLAINTEXT
 * signature, which is the secrets, is hidden wherever it is placed.
 */
final class WireLog extends EventListener {
  private final PrintStream err;

  WireLog(PrintStream err) {
    this.err = err;
  }

  @Override
  public void requestHeadersEnd(Call call, Request request) {
    StringBuilder line =
        new StringBuilder("> ")
            .append(request.method())
            .append(' ')
            .append(shown(request.url().toString()));
    String authorization = request.header("Authorization");
    if (authorization != null) {
      line.append("\n>   Authorization: ").append(shown(authorization));
    }
    err.println(line);
  }

  /**
   * The URL or header as it can be shown: a PLAINTEXT signature is made of the secrets, so it is
   * hidden, in the header or the query alike. The commands that log sign with HMAC; this holds if
   * one ever does not.
   */
  static String shown(String urlOrHeader) {
    if (!urlOrHeader.contains("PLAINTEXT")) return urlOrHeader;
    return SIGNATURE.matcher(urlOrHeader).replaceAll("$1(hidden)$2");
  }

  /** {@code oauth_signature="..."} in a header, {@code oauth_signature=...} in a query. */
  private static final Pattern SIGNATURE = Pattern.compile("(oauth_signature=\"?)[^\"&#]*(\"?)");

  @Override
  public void responseHeadersEnd(Call call, Response response) {
    err.println("< " + response.code() + " " + response.request().url().encodedPath());
  }
}
