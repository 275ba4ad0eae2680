package dev.oksign.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oksign.Token;
import dev.oksign.flickr.UploadResult;
import dev.oksign.testing.FakeFlickr;
import dev.oksign.testing.FakeFlickrData;
import dev.oksign.testing.FakeFlickrUploads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link UploadAPhoto} against the fake Flickr, which checks the signature over the text fields.
 */
class UploadAPhotoTest {
  @Test
  void uploadsWithTitleTagsAndVisibility(@TempDir Path dir) throws Exception {
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F'};
    Path photo = Files.write(dir.resolve("harbour.jpg"), jpeg);
    try (FakeFlickr fake = FakeFlickr.builder().build()) {
      fake.start();
      Token token =
          fake.issueAccessToken(
              fake.clientCredentials().key(), FakeFlickrData.DEMO_USER_NSID, "write");

      UploadResult result =
          UploadAPhoto.upload(
              fake.uploadBaseUrl(), new OkHttpClient(), fake.clientCredentials(), token, photo);

      assertThat(result.photoId()).isEqualTo("53000000001");
      FakeFlickrUploads.Upload received = fake.uploads().received().get(0);
      assertThat(received.fields())
          .containsExactly(
              Map.entry("title", "Harbour at dawn"),
              Map.entry("tags", "harbour \"north sea\""),
              Map.entry("is_public", "0"),
              Map.entry("is_family", "1"));
      assertThat(received.photo()).isEqualTo(jpeg);
    }
  }
}
