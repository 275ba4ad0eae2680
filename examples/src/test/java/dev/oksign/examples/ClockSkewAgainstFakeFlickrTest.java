package dev.oksign.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oksign.flickr.Flickr;
import dev.oksign.flickr.PhotoUpload;
import dev.oksign.flickr.User;
import dev.oksign.testing.FakeFlickr;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Flickr whose clock is an hour ahead of this machine's: the client's first call is refused with
 * {@code timestamp_refused}, learns the skew from the refusal, and is made once more, on its own.
 */
class ClockSkewAgainstFakeFlickrTest {
  FakeFlickr fake;

  @BeforeEach
  void start() throws Exception {
    fake = FakeFlickr.builder().clock(Clock.offset(Clock.systemUTC(), Duration.ofHours(1))).build();
    fake.start();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void firstCallAfterAnHourOfSkewSucceeds() throws Exception {
    Flickr flickr =
        Flickr.builder()
            .clientCredentials(fake.clientCredentials())
            .token(
                fake.issueAccessToken(
                    fake.clientCredentials().key(), fake.data().demoUser().nsid(), "write"))
            .restBaseUrl(fake.restBaseUrl())
            .uploadBaseUrl(fake.uploadBaseUrl())
            .oauthBaseUrl(fake.oauthBaseUrl())
            .build();

    User user = flickr.test().login().execute().body();

    assertThat(user.id()).isNotBlank();
    assertThat(fake.requestCount()).isEqualTo(2);
    // Later calls, uploads included, are signed with the learned offset from the start.
    flickr.test().login().execute();
    flickr
        .uploads()
        .upload(
            PhotoUpload.builder(
                    new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, "a.jpg")
                .build())
        .execute();
    assertThat(fake.requestCount()).isEqualTo(4);
  }
}
