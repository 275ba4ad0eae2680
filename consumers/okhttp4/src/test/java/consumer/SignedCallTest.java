package consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oksign.ClientCredentials;
import dev.oksign.OAuth1Interceptor;
import dev.oksign.OAuth1Signer;
import dev.oksign.Token;
import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.http.GET;
import retrofit2.http.Query;

/**
 * One call through Retrofit 2.11 and OkHttp 4.12, signed by oksign and accepted by a server that
 * checks it with oksign's verifier ({@link VerifyingServer}: the JDK's HTTP server, so no OkHttp 5).
 */
class SignedCallTest {
  static final ClientCredentials CLIENT = ClientCredentials.of("consumer-key", "consumer-secret");
  static final Token TOKEN = Token.of("token", "token-secret");

  interface Rest {
    @GET("services/rest/")
    Call<ResponseBody> call(@Query("method") String method);
  }

  private VerifyingServer server;

  @BeforeEach
  void start() throws IOException {
    server = VerifyingServer.start(CLIENT, TOKEN);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void signedCallIsAccepted() throws IOException {
    OkHttpClient client =
        new OkHttpClient.Builder()
            .addNetworkInterceptor(
                OAuth1Interceptor.builder(
                        OAuth1Signer.builder().clientCredentials(CLIENT).token(TOKEN).build())
                    .host("127.0.0.1")
                    .allowHttp(true)
                    .build())
            .build();
    Rest rest =
        new Retrofit.Builder().baseUrl(server.url()).client(client).build().create(Rest.class);

    Response<ResponseBody> response = rest.call("flickr.test.login").execute();

    try (ResponseBody body = response.isSuccessful() ? response.body() : response.errorBody()) {
      String text = body.string();
      System.out.println("Signed call: HTTP " + response.code() + " " + text);
      assertEquals(200, response.code(), text);
      assertEquals("signature valid for consumer-key", text);
    }
  }
}
