package dev.oksign.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oksign.flickr.Extra;
import dev.oksign.flickr.Extras;
import dev.oksign.flickr.Flickr;
import dev.oksign.flickr.FlickrException;
import dev.oksign.flickr.Photo;
import dev.oksign.flickr.PhotoSize;
import dev.oksign.flickr.PhotosetPage;
import dev.oksign.flickr.SearchQuery;
import dev.oksign.testing.FakeFlickr;
import dev.oksign.testing.FakeFlickrData;
import dev.oksign.testing.FakeFlickrExtension;
import dev.oksign.testing.Fault;
import java.time.Instant;
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
  void servesExtrasTheClientReads() throws Exception {
    FakeFlickr fake = flickr.fake();
    Photo photo =
        client(fake)
            .photos()
            .search(
                SearchQuery.builder()
                    .text("lighthouse")
                    .extras(Extras.of(Extra.URL_M, Extra.DATE_UPLOAD))
                    .build())
            .execute()
            .body()
            .photos()
            .get(0);
    FakeFlickrData.Photo expected = fake.data().search("lighthouse", null, null, null).get(0);
    assertThat(photo.id()).isEqualTo(expected.id());
    assertThat(photo.dateUploaded()).isEqualTo(Instant.ofEpochSecond(expected.dateUpload()));
    assertThat(photo.extra(Extra.URL_M)).isEqualTo(photo.url(PhotoSize.MEDIUM_500).toString());
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
