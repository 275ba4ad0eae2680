package dev.oksign.testing.okhttp4;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oksign.OAuth1Interceptor;
import dev.oksign.OAuth1Signer;
import dev.oksign.SigningOptions;
import dev.oksign.testing.FakeFlickr;
import dev.oksign.testing.FakeFlickrData;
import dev.oksign.testing.FakeFlickrExtension;
import dev.oksign.testing.RecordedRequest;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttp;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** FakeFlickr in-process, with OkHttp 4.12 the only OkHttp on the class path. */
class FakeFlickrOnOkHttp4Test {
  @RegisterExtension final FakeFlickrExtension flickr = new FakeFlickrExtension();

  OkHttpClient signed(FakeFlickr fake) {
    OAuth1Signer signer =
        OAuth1Signer.builder()
            .clientCredentials(fake.clientCredentials())
            .token(
                fake.issueAccessToken(
                    fake.clientCredentials().key(), FakeFlickrData.DEMO_USER_NSID, "write"))
            .build();
    return new OkHttpClient.Builder()
        .addNetworkInterceptor(
            OAuth1Interceptor.builder(signer).host("127.0.0.1").allowHttp(true).build())
        .build();
  }

  @Test
  void runsOnOkHttp4() {
    assertThat(OkHttp.VERSION).isEqualTo("4.12.0");
  }

  @Test
  void answersASignedCallInXmlAndJson(FakeFlickr fake) throws Exception {
    OkHttpClient client = signed(fake);
    Request xml =
        new Request.Builder().url(fake.restBaseUrl() + "?method=flickr.test.login").build();
    try (Response response = client.newCall(xml).execute()) {
      assertThat(response.header("Content-Type")).isEqualTo("text/xml; charset=utf-8");
      assertThat(response.body().string())
          .contains("<user id=\"" + FakeFlickrData.DEMO_USER_NSID + "\">");
    }
    Request json =
        new Request.Builder()
            .url(
                fake.restBaseUrl()
                    + "?method=flickr.photosets.getPhotos&photoset_id="
                    + FakeFlickrData.PHOTOSET_1234_ID
                    + "&format=json&nojsoncallback=1")
            .build();
    try (Response response = client.newCall(json).execute()) {
      assertThat(response.body().string())
          .contains("\"total\":\"1234\"")
          .endsWith("\"stat\":\"ok\"}");
    }
    RecordedRequest first = fake.takeRequest(5, TimeUnit.SECONDS);
    assertThat(first.getTarget()).isEqualTo("/services/rest/?method=flickr.test.login");
    assertThat(first.getHeaders().get("Authorization")).startsWith("OAuth ");
  }

  @Test
  void takesAnUploadReadWithOkHttp4sMultipartReader(FakeFlickr fake) throws Exception {
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0};
    Request upload =
        new Request.Builder()
            .url(fake.uploadBaseUrl() + "upload/")
            .post(
                new MultipartBody.Builder()
                    .setType(MultipartBody.FORM)
                    .addFormDataPart("title", "Harbour")
                    .addFormDataPart(
                        "photo", "a.jpg", RequestBody.create(jpeg, MediaType.get("image/jpeg")))
                    .build())
            .tag(
                SigningOptions.class,
                SigningOptions.builder().signedParameter("title", "Harbour").build())
            .build();
    try (Response response = signed(fake).newCall(upload).execute()) {
      assertThat(response.body().string()).contains("<photoid>");
    }
    assertThat(fake.uploads().received()).hasSize(1);
    assertThat(fake.uploads().received().get(0).field("title")).isEqualTo("Harbour");
  }
}
