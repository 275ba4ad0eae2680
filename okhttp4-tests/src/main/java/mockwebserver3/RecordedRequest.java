package mockwebserver3;

import okhttp3.Headers;
import okhttp3.HttpUrl;
import okio.ByteString;

/**
 * OkHttp 5's {@code mockwebserver3.RecordedRequest}: what the client sent, with the 5.x meaning of
 * each getter.
 */
public final class RecordedRequest {
  private final okhttp3.mockwebserver.RecordedRequest delegate;
  private final String[] requestLine;

  RecordedRequest(okhttp3.mockwebserver.RecordedRequest delegate) {
    this.delegate = delegate;
    this.requestLine = delegate.getRequestLine().split(" ", 3);
  }

  public String getRequestLine() {
    return delegate.getRequestLine();
  }

  public String getMethod() {
    return requestLine[0];
  }

  /** The request target exactly as sent: absolute-form through a proxy, origin-form otherwise. */
  public String getTarget() {
    return requestLine.length > 1 ? requestLine[1] : "";
  }

  /** The absolute target of a proxied request, else the server's own URL for the target. */
  public HttpUrl getUrl() {
    HttpUrl absolute = HttpUrl.parse(getTarget());
    return absolute != null ? absolute : delegate.getRequestUrl();
  }

  public Headers getHeaders() {
    return delegate.getHeaders();
  }

  /** The body, or {@code null} when the request declared neither a length nor chunking. */
  public ByteString getBody() {
    Headers headers = getHeaders();
    if (headers.get("Content-Length") == null && headers.get("Transfer-Encoding") == null) {
      return null;
    }
    return delegate.getBody().clone().readByteString();
  }

  public long getBodySize() {
    return delegate.getBodySize();
  }

  @Override
  public String toString() {
    return delegate.getRequestLine();
  }
}
