package dev.oksign.flickr;

import dev.oksign.OAuth1Interceptor;
import dev.oksign.flickr.internal.Api26;
import java.io.IOException;
import java.util.List;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The network interceptor that signs Flickr's calls: core's {@link OAuth1Interceptor}, scoped to
 * the hosts of the configured base URLs, skipping the calls {@link FlickrCalls} marked {@link
 * Unsigned}.
 */
final class FlickrSigning implements Interceptor {
  private final List<OAuth1Interceptor> scopes;

  FlickrSigning(List<OAuth1Interceptor> scopes) {
    this.scopes = Api26.copyOf(scopes, "scopes");
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (request.tag(Unsigned.class) == null) {
      for (OAuth1Interceptor scope : scopes) {
        if (scope.inScope(request.url())) return scope.intercept(chain);
      }
    }
    return chain.proceed(request);
  }

  @Override
  public String toString() {
    return "FlickrSigning" + scopes;
  }
}
