package dev.oksign.testing;

import java.nio.charset.StandardCharsets;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * A request as a {@link FakeFlickr} received it, to assert what a client sent: see {@link
 * FakeFlickr#takeRequest}. Immutable.
 */
public final class RecordedRequest {
  private final String method;
  private final String target;
  private final HttpUrl url;
  private final Headers headers;
  private final byte[] body;

  RecordedRequest(String method, String target, HttpUrl url, Headers headers, byte[] body) {
    this.method = method;
    this.target = target;
    this.url = url;
    this.headers = headers;
    this.body = body;
  }

  /** The HTTP method, such as {@code GET}. */
  public String getMethod() {
    return method;
  }

  /**
   * The request target of the request line, as sent: such as {@code
   * /services/rest/?method=flickr.test.login&format=json}.
   */
  public String getTarget() {
    return target;
  }

  /** The URL the client called: the request target on the {@code Host} it named. */
  public HttpUrl getUrl() {
    return url;
  }

  /** The request headers. Names are matched case-insensitively. */
  public Headers getHeaders() {
    return headers;
  }

  /** The body's bytes, a copy; empty if there was none. */
  public byte[] getBody() {
    return body.clone();
  }

  /** The body decoded as UTF-8; empty if there was none. */
  public String getBodyUtf8() {
    return new String(body, StandardCharsets.UTF_8);
  }

  byte[] body() {
    return body;
  }

  /** The request line; never a header or the body, which may hold secrets. */
  @Override
  public String toString() {
    return method + " " + target;
  }
}
