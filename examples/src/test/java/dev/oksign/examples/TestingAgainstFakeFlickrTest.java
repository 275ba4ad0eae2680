package dev.oksign.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oksign.flickr.Flickr;
import dev.oksign.flickr.FlickrException;
import dev.oksign.flickr.PhotosetPage;
import dev.oksign.testing.FakeFlickr;
import dev.oksign.testing.FakeFlickrData;
import dev.oksign.testing.FakeFlickrExtension;
import dev.oksign.testing.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's "Testing against FakeFlickr" snippet, compiled and run. */
class TestingAgainstFakeFlickrTest {
  @RegisterExtension final FakeFlickrExtension flickr = new FakeFlickrExtension();

  Flickr client(FakeFlickr fake) {
    return Flickr.builder()
        .clientCredentials(fake.clientCredentials())
        .token(fake.issueAccessToken())
        .restBaseUrl(fake.restBaseUrl())
        .oauthBaseUrl(fake.oauthBaseUrl())
        .build();
  }

  @Test
  void readsAPhotoset() throws Exception {
    FakeFlickr fake = flickr.fake();
    PhotosetPage page =
        client(fake).photosets().getPhotos(FakeFlickrData.PHOTOSET_1234_ID).execute().body();
    assertThat(page.total()).isEqualTo(1234);
    assertThat(page.photos()).hasSize(500);
  }

  @Test
  void seesFlickrsErrorsAndInjectedFaults() {
    FakeFlickr fake = flickr.fake();
    Flickr client = client(fake);
    assertThatThrownBy(() -> client.photosets().getPhotos("42").execute())
        .isInstanceOfSatisfying(FlickrException.class, e -> assertThat(e.code()).isEqualTo(1));

    fake.enqueueFault(Fault.serverError(503));
    assertThatThrownBy(() -> client.test().login().execute())
        .isInstanceOfSatisfying(
            FlickrException.class, e -> assertThat(e.httpStatus()).isEqualTo(503));
  }
}
