package dev.oksign.examples;

import dev.oksign.ClientCredentials;
import dev.oksign.Token;
import dev.oksign.flickr.Flickr;
import dev.oksign.flickr.PhotoUpload;
import dev.oksign.flickr.UploadResult;
import java.io.IOException;
import java.nio.file.Path;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Uploads a photo with a title and tags, showing progress: the multipart body's text fields are
 * signed as Flickr requires, the photo is streamed and never signed.
 *
 * <pre>
 * FLICKR_API_KEY=... FLICKR_API_SECRET=... FLICKR_TOKEN=... FLICKR_TOKEN_SECRET=... \
 *   java -cp examples/target/oksign-examples.jar dev.oksign.examples.UploadAPhoto harbour.jpg
 * </pre>
 *
 * <p>The token needs {@code write} permission ({@code flow --perms write}).
 */
public final class UploadAPhoto {
  private UploadAPhoto() {}

  public static void main(String[] args) throws IOException {
    ClientCredentials credentials =
        ClientCredentials.of(System.getenv("FLICKR_API_KEY"), System.getenv("FLICKR_API_SECRET"));
    Token token = new Token(System.getenv("FLICKR_TOKEN"), System.getenv("FLICKR_TOKEN_SECRET"));
    UploadResult result =
        upload(
            HttpUrl.get(Flickr.UPLOAD_BASE_URL),
            new OkHttpClient(),
            credentials,
            token,
            Path.of(args[0]));
    System.out.println("photoid: " + result.photoId());
  }

  /** Uploads {@code photo}, private to the user's family, and returns Flickr's answer. */
  public static UploadResult upload(
      HttpUrl uploadBaseUrl,
      OkHttpClient client,
      ClientCredentials credentials,
      Token token,
      Path photo)
      throws IOException {
    Flickr flickr =
        Flickr.builder()
            .clientCredentials(credentials)
            .token(token) // an access token with write permission
            .uploadBaseUrl(uploadBaseUrl)
            .client(client)
            .build();

    PhotoUpload upload =
        PhotoUpload.builder(photo) // or (byte[], name), (InputStream, length, name)
            .title("Harbour at dawn")
            .tags("harbour", "north sea") // "north sea" is sent quoted: one tag
            .isPublic(false)
            .isFamily(true)
            .progressListener((sent, total) -> System.err.printf("%d of %d bytes%n", sent, total))
            .build();
    return flickr.uploads().upload(upload).execute().body(); // FlickrException on refusal
  }
}
