package dev.oksign.flickr;

import dev.oksign.OAuth1Interceptor;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The network interceptor that signs Flickr's calls: core's {@link OAuth1Interceptor}, scoped to
 * the configured base URLs, except for the calls {@link FlickrCalls} marked {@link Unsigned} (made
 * without a token, with {@code api_key}), which it passes on as they are.
 */
final class FlickrSigning implements Interceptor {
  private final OAuth1Interceptor signing;

  FlickrSigning(OAuth1Interceptor signing) {
    this.signing = signing;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    return request.tag(Unsigned.class) == null ? signing.intercept(chain) : chain.proceed(request);
  }

  @Override
  public String toString() {
    return "FlickrSigning(" + signing + ")";
  }
}
