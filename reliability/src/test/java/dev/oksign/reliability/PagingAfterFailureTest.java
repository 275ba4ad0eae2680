package dev.oksign.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oksign.flickr.Flickr;
import dev.oksign.flickr.FlickrException;
import dev.oksign.flickr.Paging;
import dev.oksign.flickr.PagingException;
import dev.oksign.flickr.Photo;
import dev.oksign.testing.FakeFlickr;
import dev.oksign.testing.FakeFlickrData;
import dev.oksign.testing.Fault;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The paging helper when page 2 of 3 fails mid-walk: the items of page 1 were delivered, none is
 * skipped or repeated, the failure names page 2 and the 500 items delivered, its cause is the
 * FlickrException of the 503, and the walk ends.
 */
class PagingAfterFailureTest {
  @Test
  void aFailureOnPageTwoIsThrownAfterExactlyTheItemsOfPageOne() throws Exception {
    UncheckedIOException failure = walkWithPageTwoFailing();
    assertThat(failure).isInstanceOf(PagingException.class);
    assertThat(((PagingException) failure).page()).isEqualTo(2);
    assertThat(((PagingException) failure).itemsDelivered()).isEqualTo(500);
    assertThat(failure).hasMessageStartingWith("page 2 failed after 500 items delivered");
    assertThat(failure.getCause()).isInstanceOf(FlickrException.class);
    assertThat(((FlickrException) failure.getCause()).httpStatus()).isEqualTo(503);
  }

  /** Walks photoset 1234 by 500s with page 2 answered 503; returns the failure, checked. */
  private static UncheckedIOException walkWithPageTwoFailing() throws Exception {
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
              .maxRetries(0)
              .build();
      Paging<Photo> paging =
          Paging.builder(
                  (page, perPage) ->
                      flickr
                          .photosets()
                          .getPhotos(FakeFlickrData.PHOTOSET_1234_ID, null, null, page, perPage))
              .build();
      List<String> expected = new ArrayList<>();
      for (FakeFlickrData.Photo p :
          fake.data().photoset(FakeFlickrData.PHOTOSET_1234_ID).photos()) {
        expected.add(p.id());
      }

      List<String> delivered = new ArrayList<>();
      UncheckedIOException failure = null;
      Iterator<Photo> photos = paging.iterator();
      try {
        while (photos.hasNext()) {
          delivered.add(photos.next().id());
          if (delivered.size() == 500) fake.enqueueFault(Fault.serverError(503));
        }
      } catch (UncheckedIOException e) {
        failure = e;
      }

      assertThat(failure).as("the walk failed").isNotNull();
      Secrets.assertAbsent("paging failure", failure);
      assertThat(delivered).isEqualTo(expected.subList(0, 500));
      assertThat(photos.hasNext()).as("the walk ended").isFalse();
      Figures.record("paging.deliveredBeforeFailure", delivered.size());
      return failure;
    }
  }
}
