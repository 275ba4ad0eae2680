package dev.oksign.testing;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FakeFlickrExtensionTest {
  @RegisterExtension final FakeFlickrExtension flickr = new FakeFlickrExtension();

  @Test
  void startsAFakeForEachTest() throws Exception {
    Request request =
        new Request.Builder()
            .url(
                flickr.fake().restBaseUrl()
                    + "?method=flickr.test.login&format=json&nojsoncallback=1&api_key="
                    + flickr.fake().clientCredentials().key())
            .build();
    try (Response response = new OkHttpClient().newCall(request).execute()) {
      assertThat(response.body().string())
          .isEqualTo(
              "{\"stat\":\"fail\",\"code\":99,\"message\":\"Insufficient permissions. Method"
                  + " requires read privileges; none granted.\"}");
    }
  }

  @Test
  void injectsTheRunningFake(FakeFlickr fake) {
    assertThat(fake).isSameAs(flickr.fake());
    assertThat(fake.port()).isPositive();
  }
}
