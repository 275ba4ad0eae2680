package mockwebserver3;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;

/** OkHttp 5's {@code mockwebserver3.MockWebServer}, backed by OkHttp 4.12's MockWebServer. */
public final class MockWebServer implements Closeable {
  private final okhttp3.mockwebserver.MockWebServer delegate =
      new okhttp3.mockwebserver.MockWebServer();

  public MockWebServer() {}

  public void start() throws IOException {
    delegate.start();
  }

  public void start(int port) throws IOException {
    delegate.start(port);
  }

  public void start(InetAddress inetAddress, int port) throws IOException {
    delegate.start(inetAddress, port);
  }

  @Override
  public void close() throws IOException {
    delegate.close();
  }

  public Proxy getProxyAddress() {
    return delegate.toProxyAddress();
  }

  public HttpUrl url(String path) {
    return delegate.url(path);
  }

  public void enqueue(MockResponse response) {
    delegate.enqueue(response.toOkHttp4());
  }

  public int getRequestCount() {
    return delegate.getRequestCount();
  }

  public RecordedRequest takeRequest() throws InterruptedException {
    return new RecordedRequest(delegate.takeRequest());
  }

  public RecordedRequest takeRequest(long timeout, TimeUnit unit) throws InterruptedException {
    okhttp3.mockwebserver.RecordedRequest request = delegate.takeRequest(timeout, unit);
    return request == null ? null : new RecordedRequest(request);
  }

  public void setDispatcher(Dispatcher dispatcher) {
    delegate.setDispatcher(
        new okhttp3.mockwebserver.Dispatcher() {
          @Override
          public okhttp3.mockwebserver.MockResponse dispatch(
              okhttp3.mockwebserver.RecordedRequest request) throws InterruptedException {
            return dispatcher.dispatch(new RecordedRequest(request)).toOkHttp4();
          }
        });
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}
