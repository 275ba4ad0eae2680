package dev.oksign.jpms;

import dev.oksign.OAuth1Interceptor;
import dev.oksign.OAuth1Signer;
import dev.oksign.SigningOptions;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.Interceptor;
import okhttp3.Request;

/**
 * Flickr's documented request_token example, signed through oksign's public API only: what an
 * application module would write.
 */
public final class FlickrRequestToken {
  /** The request_token endpoint of Flickr's example, over http as in the example. */
  public static final String URL = "http://www.flickr.com/services/oauth/request_token";

  private FlickrRequestToken() {}

  /** Returns the signer of Flickr's example: its client credentials, clock and nonce. */
  public static OAuth1Signer signer() {
    return OAuth1Signer.builder()
        .clientCredentials("768fe946d252b119746fda82e1599980", "1a3c208e172d3edc")
        .clock(Clock.fixed(Instant.ofEpochSecond(1316657628), ZoneOffset.UTC))
        .nonces(() -> "C2F26CD5C075BA9050AD8EE90644CF29")
        .build();
  }

  /** Returns the unsigned request, with the example's callback as a per-request option. */
  public static Request request() {
    return new Request.Builder()
        .url(URL)
        .tag(
            SigningOptions.class,
            SigningOptions.builder().callback("http://www.wackylabs.net/oauth/test").build())
        .build();
  }

  /**
   * Signs the example request with {@link OAuth1Signer#sign(Request)}.
   *
   * @return the {@code Authorization} header value
   * @throws IOException if signing fails
   */
  public static String signDirectly() throws IOException {
    return signer().sign(request()).header("Authorization");
  }

  /**
   * Returns the interceptor an application would install for the example's host.
   *
   * @return an interceptor scoped to {@code www.flickr.com}, plain http allowed
   */
  public static Interceptor interceptor() {
    return OAuth1Interceptor.builder(signer()).host("www.flickr.com").allowHttp(true).build();
  }
}
