package dev.oksign.examples;

import dev.oksign.AccessToken;
import dev.oksign.ClientCredentials;
import dev.oksign.Token;
import dev.oksign.TokenFlow;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The three-legged token flow, out of band: get a request token, send the user to Flickr's
 * authorize page, read the verifier Flickr shows them ({@code 123-456-789}), and exchange it for an
 * access token. It works with any OAuth 1.0a provider; with the Flickr client, {@code
 * flickr.tokenFlow()} is the same flow preset with Flickr's endpoints.
 *
 * <pre>
 * FLICKR_API_KEY=... FLICKR_API_SECRET=... \
 *   java -cp examples/target/oksign-examples.jar dev.oksign.examples.AuthorizeAUser
 * </pre>
 */
public final class AuthorizeAUser {
  private AuthorizeAUser() {}

  public static void main(String[] args) throws IOException {
    ClientCredentials credentials =
        ClientCredentials.of(System.getenv("FLICKR_API_KEY"), System.getenv("FLICKR_API_SECRET"));
    BufferedReader stdin =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    AccessToken access =
        authorize(
            HttpUrl.get("https://www.flickr.com/services/oauth/"),
            new OkHttpClient(),
            credentials,
            "read",
            authorizeUrl -> {
              System.out.println("Open " + authorizeUrl + " and authorize, then type the code:");
              try {
                return stdin.readLine();
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    System.out.println("Authorized as " + access.parameter("username"));
  }

  /**
   * Runs the flow against the provider whose {@code request_token}, {@code authorize} and {@code
   * access_token} endpoints lie under {@code oauthBaseUrl}, asking {@code perms} of the user.
   * {@code askUser} shows the authorize URL to the user and returns the verifier they type.
   */
  public static AccessToken authorize(
      HttpUrl oauthBaseUrl,
      OkHttpClient client,
      ClientCredentials credentials,
      String perms,
      Function<HttpUrl, String> askUser)
      throws IOException {
    TokenFlow flow =
        TokenFlow.builder()
            .clientCredentials(credentials)
            .requestTokenUrl(oauthBaseUrl.resolve("request_token"))
            .authorizationUrl(oauthBaseUrl.resolve("authorize"))
            .accessTokenUrl(oauthBaseUrl.resolve("access_token"))
            .client(client)
            .build();

    Token requestToken = flow.requestToken("oob");
    HttpUrl authorizeUrl = flow.authorizationUrl(requestToken, Map.of("perms", perms));
    String verifier = askUser.apply(authorizeUrl);
    return flow.accessToken(requestToken, verifier);
  }
}
