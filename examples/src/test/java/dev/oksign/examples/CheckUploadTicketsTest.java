package dev.oksign.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oksign.Token;
import dev.oksign.flickr.Flickr;
import dev.oksign.flickr.PhotoUpload;
import dev.oksign.flickr.UploadResult;
import dev.oksign.flickr.UploadTicket;
import dev.oksign.testing.FakeFlickr;
import dev.oksign.testing.FakeFlickrData;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An asynchronous upload, then {@code flickr.photos.upload.checkTickets} until the photo is in, end
 * to end against the fake Flickr, which checks every signature.
 */
class CheckUploadTicketsTest {
  private static final byte[] JPEG = {
    (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F'
  };

  @Test
  void asyncUploadIsPendingThenComplete() throws Exception {
    try (FakeFlickr fake = FakeFlickr.builder().build()) {
      fake.start();
      fake.uploads().holdTickets(true);
      Token token =
          fake.issueAccessToken(
              fake.clientCredentials().key(), FakeFlickrData.DEMO_USER_NSID, "write");
      Flickr flickr =
          Flickr.builder()
              .clientCredentials(fake.clientCredentials())
              .token(token)
              .restBaseUrl(fake.restBaseUrl())
              .uploadBaseUrl(fake.uploadBaseUrl())
              .build();

      UploadResult result =
          flickr
              .uploads()
              .upload(PhotoUpload.builder(JPEG, "harbour.jpg").async(true).build())
              .execute()
              .body();
      assertThat(result.isAsync()).isTrue();

      List<UploadTicket> pending =
          flickr.photos().checkUploadTickets(List.of(result.ticketId(), "999")).execute().body();
      assertThat(pending)
          .containsExactly(
              new UploadTicket(result.ticketId(), UploadTicket.Status.PENDING, null),
              new UploadTicket("999", UploadTicket.Status.INVALID, null));

      fake.uploads().completeTickets();
      List<UploadTicket> done =
          flickr.photos().checkUploadTickets(result.ticketId()).execute().body();
      assertThat(done)
          .containsExactly(
              new UploadTicket(
                  result.ticketId(),
                  UploadTicket.Status.COMPLETE,
                  fake.uploads().received().get(0).photoId()));
    }
  }
}
