package dev.oksign.examples;

import dev.oksign.ClientCredentials;
import dev.oksign.OAuth1Interceptor;
import dev.oksign.OAuth1Signer;
import dev.oksign.Token;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds OAuth 1.0a signing to an {@link OkHttpClient} you already have, and makes a signed call with
 * plain OkHttp: no Retrofit, no Flickr client.
 *
 * <pre>
 * FLICKR_API_KEY=... FLICKR_API_SECRET=... FLICKR_TOKEN=... FLICKR_TOKEN_SECRET=... \
 *   java -cp examples/target/oksign-examples.jar dev.oksign.examples.AddSigningToAnExistingClient
 * </pre>
 */
public final class AddSigningToAnExistingClient {
  private AddSigningToAnExistingClient() {}

  public static void main(String[] args) throws IOException {
    ClientCredentials credentials =
        ClientCredentials.of(System.getenv("FLICKR_API_KEY"), System.getenv("FLICKR_API_SECRET"));
    Token token = Token.of(System.getenv("FLICKR_TOKEN"), System.getenv("FLICKR_TOKEN_SECRET"));
    OkHttpClient existing = new OkHttpClient();
    System.out.println(
        testLogin(
            HttpUrl.get("https://api.flickr.com/services/rest/"), existing, credentials, token));
  }

  /**
   * Calls {@code flickr.test.login} through {@code existing}, signed, and returns Flickr's JSON.
   */
  public static String testLogin(
      HttpUrl restBaseUrl, OkHttpClient existing, ClientCredentials credentials, Token token)
      throws IOException {
    OAuth1Signer signer =
        OAuth1Signer.builder().clientCredentials(credentials).token(token).build();

    // A network interceptor, scoped to the API's host: other traffic of the client is not signed.
    // Plain http is allowed only for a test server on this machine.
    OkHttpClient client =
        existing
            .newBuilder()
            .addNetworkInterceptor(
                OAuth1Interceptor.builder(signer)
                    .host(restBaseUrl.host())
                    .allowHttp(isLoopback(restBaseUrl))
                    .build())
            .build();

    Request request =
        new Request.Builder()
            .url(
                restBaseUrl
                    .newBuilder()
                    .addQueryParameter("method", "flickr.test.login")
                    .addQueryParameter("format", "json")
                    .addQueryParameter("nojsoncallback", "1")
                    .build())
            .build();
    try (Response response = client.newCall(request).execute()) {
      return response.body().string();
    }
  }

  static boolean isLoopback(HttpUrl url) {
    return url.host().equals("127.0.0.1")
        || url.host().equals("localhost")
        || url.host().equals("::1");
  }
}
