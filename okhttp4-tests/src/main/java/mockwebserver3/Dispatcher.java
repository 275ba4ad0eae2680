package mockwebserver3;

import java.io.Closeable;

/** OkHttp 5's {@code mockwebserver3.Dispatcher}: chooses the response for each request. */
public abstract class Dispatcher implements Closeable {
  public Dispatcher() {}

  public abstract MockResponse dispatch(RecordedRequest request) throws InterruptedException;

  @Override
  public void close() {}
}
