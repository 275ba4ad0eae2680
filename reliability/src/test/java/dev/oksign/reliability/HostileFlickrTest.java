package dev.oksign.reliability;

import dev.oksign.flickr.Flickr;
import dev.oksign.flickr.FlickrException;
import dev.oksign.flickr.PhotoPage;
import dev.oksign.flickr.SearchQuery;
import dev.oksign.testing.FakeFlickr;
import dev.oksign.testing.FakeFlickrData;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import retrofit2.Response;

/**
 * The hostile values of {@link HostileWireTest} through the whole Flickr client: Retrofit's own
 * query encoding, the conventions interceptor, the signer, the socket and {@link FakeFlickr}'s
 * verifier. Every search is verified by the fake (a signature problem would be an HTTP 401), and
 * the text arrives as it was given, lone surrogates as the '?' UTF-8 carries.
 */
class HostileFlickrTest {
  @Test
  void hostileSearchTextIsSignedSoFakeFlickrVerifiesIt() throws Exception {
    try (FakeFlickr fake = FakeFlickr.builder().clientCredentials(Secrets.CLIENT).build()) {
      fake.start();
      Flickr flickr =
          Flickr.builder()
              .clientCredentials(Secrets.CLIENT)
              .token(
                  fake.issueAccessToken(
                      Secrets.CONSUMER_KEY, FakeFlickrData.DEMO_USER_NSID, "read"))
              .restBaseUrl(fake.restBaseUrl())
              .oauthBaseUrl(fake.oauthBaseUrl())
              .uploadBaseUrl(fake.uploadBaseUrl())
              .client(Clients.BASE)
              .build();
      SoftAssertions softly = new SoftAssertions();
      Map<String, String> values = new HashMap<>(HostileWireTest.VALUES);
      values.remove("empty"); // Flickr refuses a parameterless search, rightly.
      for (Map.Entry<String, String> e : values.entrySet()) {
        String text = e.getValue().length() > 4096 ? e.getValue().substring(0, 4096) : e.getValue();
        try {
          Response<PhotoPage> response =
              flickr.photos().search(SearchQuery.builder().text(text).perPage(5).build()).execute();
          softly.assertThat(response.code()).as(e.getKey()).isEqualTo(200);
        } catch (FlickrException refused) {
          // Flickr's own refusals (stat=fail) are fine; a signature problem is not.
          softly
              .assertThat(refused.httpStatus())
              .as("%s: %s", e.getKey(), refused.getMessage())
              .isEqualTo(200);
        }
        String sent =
            fake.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS)
                .getUrl()
                .queryParameter("text");
        softly.assertThat(sent).as(e.getKey()).isEqualTo(Fuzzed.sent(text));
      }
      softly.assertAll();
      Figures.record("hostile.flickrSearchesTried", values.size());
    }
  }
}
