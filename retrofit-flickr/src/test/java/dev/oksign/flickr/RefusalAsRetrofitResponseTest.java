package dev.oksign.flickr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.oksign.OAuth1Interceptor;
import dev.oksign.OAuth1Signer;
import dev.oksign.OAuthProblem;
import dev.oksign.OAuthProblemException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.http.GET;

/**
 * A user's own Retrofit service on a client signed with {@code throwOnRefusal(false)}: a refusal is
 * a Retrofit {@link Response} that is not successful, and its problem is still reachable.
 */
class RefusalAsRetrofitResponseTest {
  @StartStop MockWebServer server = new MockWebServer();

  interface Service {
    @GET("services/rest/?method=flickr.test.login")
    Call<ResponseBody> login();
  }

  private Service service(boolean throwOnRefusal) {
    OAuth1Signer signer =
        OAuth1Signer.builder().clientCredentials("key", "secret").token("token", "ts").build();
    OkHttpClient client =
        new OkHttpClient.Builder()
            .addNetworkInterceptor(
                OAuth1Interceptor.builder(signer)
                    .host(server.getHostName())
                    .allowHttp(true)
                    .throwOnRefusal(throwOnRefusal)
                    .build())
            .build();
    return new Retrofit.Builder()
        .baseUrl(server.url("/"))
        .client(client)
        .build()
        .create(Service.class);
  }

  @Test
  void aRefusalIsAnUnsuccessfulResponse() throws Exception {
    server.enqueue(
        new MockResponse.Builder().code(401).body("oauth_problem=token_rejected").build());

    Response<ResponseBody> response = service(false).login().execute();

    assertThat(response.isSuccessful()).isFalse();
    assertThat(response.code()).isEqualTo(401);
    assertThat(response.errorBody().string()).isEqualTo("oauth_problem=token_rejected");
    OAuthProblemException refusal = OAuthProblemException.from(response.raw());
    assertThat(refusal.knownProblem()).isEqualTo(OAuthProblem.TOKEN_REJECTED);
    assertThat(refusal.getMessage()).contains("token_rejected");
  }

  @Test
  void byDefaultARefusalIsThrown() {
    server.enqueue(
        new MockResponse.Builder().code(401).body("oauth_problem=token_rejected").build());

    Call<ResponseBody> call = service(true).login();

    assertThat(catchThrowable(call::execute))
        .isInstanceOfSatisfying(
            OAuthProblemException.class,
            e -> assertThat(e.knownProblem()).isEqualTo(OAuthProblem.TOKEN_REJECTED));
  }
}
