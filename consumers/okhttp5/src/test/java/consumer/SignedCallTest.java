package consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oksign.flickr.Flickr;
import dev.oksign.flickr.User;
import dev.oksign.testing.FakeFlickr;
import dev.oksign.testing.FakeFlickrExtension;
import java.io.IOException;
import okhttp3.OkHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One call through oksign's Flickr client (Retrofit 3, OkHttp 5.3.2), signed and accepted by
 * FakeFlickr running in this JVM on the same OkHttp 5.3.2, which checks the signature with oksign's
 * verifier.
 */
class SignedCallTest {
  @RegisterExtension final FakeFlickrExtension flickr = new FakeFlickrExtension();

  @Test
  void signedCallIsAccepted() throws IOException {
    FakeFlickr fake = flickr.fake();
    Flickr client =
        Flickr.builder()
            .clientCredentials(fake.clientCredentials())
            .token(fake.issueAccessToken())
            .restBaseUrl(fake.restBaseUrl())
            .oauthBaseUrl(fake.oauthBaseUrl())
            .build();

    User me = client.test().login().execute().body();

    System.out.println("Signed call on OkHttp " + OkHttp.VERSION + " accepted by FakeFlickr: " + me);
    assertEquals(System.getProperty("expected.okhttp.version"), OkHttp.VERSION);
    assertEquals(1, fake.requestCount());
    assertEquals(false, me.id().isEmpty());
  }
}
