package dev.oksign.reliability;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * An interceptor chain with no network: {@link #proceed} records the request and returns what
 * {@code answer} makes of it. Lets a fuzz target drive an interceptor thousands of times a second.
 */
final class FakeChain implements Interceptor.Chain {
  private final Request request;
  private final Function<Request, Response> answer;
  final List<Request> proceeded = new ArrayList<>();

  FakeChain(Request request, Function<Request, Response> answer) {
    this.request = request;
    this.answer = answer;
  }

  @Override
  public Request request() {
    return request;
  }

  @Override
  public Response proceed(Request request) throws IOException {
    proceeded.add(request);
    return answer.apply(request);
  }

  /**
   * A connection, as the network slot has one: {@code OAuth1Interceptor} refuses to sign in the
   * application slot, which it tells by a null connection.
   */
  @Override
  public Connection connection() {
    return NO_CONNECTION;
  }

  private static final Connection NO_CONNECTION =
      (Connection)
          java.lang.reflect.Proxy.newProxyInstance(
              Connection.class.getClassLoader(),
              new Class<?>[] {Connection.class},
              (proxy, method, args) -> {
                if (method.getName().equals("toString")) return "FakeChain.NO_CONNECTION";
                throw new UnsupportedOperationException("no connection in a fake chain");
              });

  @Override
  public Call call() {
    throw new UnsupportedOperationException("no call in a fake chain");
  }

  @Override
  public int connectTimeoutMillis() {
    return 10_000;
  }

  @Override
  public Interceptor.Chain withConnectTimeout(int timeout, TimeUnit unit) {
    return this;
  }

  @Override
  public int readTimeoutMillis() {
    return 10_000;
  }

  @Override
  public Interceptor.Chain withReadTimeout(int timeout, TimeUnit unit) {
    return this;
  }

  @Override
  public int writeTimeoutMillis() {
    return 10_000;
  }

  @Override
  public Interceptor.Chain withWriteTimeout(int timeout, TimeUnit unit) {
    return this;
  }
}
