package dev.oksign.flickr;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oksign.OAuthProblemException;
import dev.oksign.Token;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * The exact bytes of upload and replace requests, Flickr's XML answers and refusals. Signatures are
 * computed here with {@code javax.crypto} from base strings written out by hand.
 */
class FlickrUploadsTest {
  static final String KEY = "653e7a6ecc1d528c516cc8f92cf98611";
  static final String SECRET = "3a1fc6d8d2cc4b8e";
  static final Token TOKEN = new Token("72157626318069415-087bfc7b5816092c", "a202d1f853ec69de");
  static final long TIMESTAMP = 1305586162L;
  static final String NONCE = "p2m2bnHdXVIsQH0FUv0oXBzg";
  static final String BOUNDARY = "b0undary-7e3f";

  @StartStop MockWebServer server = new MockWebServer();

  /** A Flickr at the real upload host, reached through {@code server} as a proxy. */
  private Flickr viaProxy() {
    return Flickr.builder()
        .clientCredentials(KEY, SECRET)
        .token(TOKEN)
        .uploadBaseUrl("http://up.flickr.com/services/")
        .client(new OkHttpClient.Builder().proxy(server.getProxyAddress()).build())
        .clock(Clock.fixed(Instant.ofEpochSecond(TIMESTAMP), ZoneOffset.UTC))
        .nonces(() -> NONCE)
        .build();
  }

  /** The uploads of {@code flickr}, with a fixed multipart boundary. */
  private static FlickrUploads fixedBoundary(Flickr flickr) {
    return new FlickrUploads(
        flickr.client(), flickr.uploadBaseUrl(), flickr.token(), () -> BOUNDARY);
  }

  private static MockResponse xml(String body) {
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "text/xml; charset=utf-8")
        .body(body)
        .build();
  }

  static String hmacSha1(String baseString) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec((SECRET + "&" + TOKEN.secret()).getBytes(UTF_8), "HmacSHA1"));
    return Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(UTF_8)));
  }

  static String authorization(String signature) {
    return "OAuth oauth_consumer_key=\""
        + KEY
        + "\", oauth_nonce=\""
        + NONCE
        + "\", oauth_signature=\""
        + signature.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")
        + "\", oauth_signature_method=\"HMAC-SHA1\", oauth_timestamp=\""
        + TIMESTAMP
        + "\", oauth_token=\""
        + TOKEN.value()
        + "\", oauth_version=\"1.0\"";
  }

  private RecordedRequest only() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, SECONDS);
    assertThat(request).isNotNull();
    assertThat(server.getRequestCount()).isEqualTo(1);
    return request;
  }

  @Test
  void uploadSendsMultipartSignedOverEveryTextFieldButThePhoto() throws Exception {
    server.enqueue(
        xml(
            "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n"
                + "<rsp stat=\"ok\">\n<photoid>52912345678</photoid>\n</rsp>\n"));
    PhotoUpload upload =
        PhotoUpload.builder("JPEG\r\n--not-a-boundary".getBytes(ISO_8859_1), "harbour.jpg")
            .title("Harbour at dawn")
            .description("Fishing boats & gulls")
            .tags("harbour", "north sea")
            .isPublic(false)
            .isFamily(true)
            .safetyLevel(PhotoUpload.SafetyLevel.MODERATE)
            .contentType(PhotoUpload.ContentType.PHOTO)
            .hidden(true)
            .build();

    UploadResult result = fixedBoundary(viaProxy()).upload(upload).execute().body();

    assertThat(result.photoId()).isEqualTo("52912345678");
    assertThat(result.isAsync()).isFalse();
    RecordedRequest request = only();
    assertThat(request.getRequestLine())
        .isEqualTo("POST http://up.flickr.com/services/upload/ HTTP/1.1");
    assertThat(request.getHeaders().get("Content-Type"))
        .isEqualTo("multipart/form-data; boundary=" + BOUNDARY);
    // Every text field, sorted and encoded twice; the photo is not in it (RFC 5849 §3.4.1).
    String baseString =
        "POST&http%3A%2F%2Fup.flickr.com%2Fservices%2Fupload%2F&"
            + "content_type%3D1"
            + "%26description%3DFishing%2520boats%2520%2526%2520gulls"
            + "%26hidden%3D2"
            + "%26is_family%3D1"
            + "%26is_public%3D0"
            + "%26oauth_consumer_key%3D653e7a6ecc1d528c516cc8f92cf98611"
            + "%26oauth_nonce%3Dp2m2bnHdXVIsQH0FUv0oXBzg"
            + "%26oauth_signature_method%3DHMAC-SHA1"
            + "%26oauth_timestamp%3D1305586162"
            + "%26oauth_token%3D72157626318069415-087bfc7b5816092c"
            + "%26oauth_version%3D1.0"
            + "%26safety_level%3D2"
            + "%26tags%3Dharbour%2520%2522north%2520sea%2522"
            + "%26title%3DHarbour%2520at%2520dawn";
    assertThat(request.getHeaders().get("Authorization"))
        .isEqualTo(authorization(hmacSha1(baseString)));
    assertThat(request.getBody().string(ISO_8859_1))
        .isEqualTo(
            "--"
                + BOUNDARY
                + "\r\n"
                + "Content-Disposition: form-data; name=\"title\"\r\n\r\nHarbour at dawn\r\n"
                + "--"
                + BOUNDARY
                + "\r\n"
                + "Content-Disposition: form-data; name=\"description\"\r\n\r\n"
                + "Fishing boats & gulls\r\n"
                + "--"
                + BOUNDARY
                + "\r\n"
                + "Content-Disposition: form-data; name=\"tags\"\r\n\r\nharbour \"north sea\"\r\n"
                + "--"
                + BOUNDARY
                + "\r\n"
                + "Content-Disposition: form-data; name=\"is_public\"\r\n\r\n0\r\n"
                + "--"
                + BOUNDARY
                + "\r\n"
                + "Content-Disposition: form-data; name=\"is_family\"\r\n\r\n1\r\n"
                + "--"
                + BOUNDARY
                + "\r\n"
                + "Content-Disposition: form-data; name=\"safety_level\"\r\n\r\n2\r\n"
                + "--"
                + BOUNDARY
                + "\r\n"
                + "Content-Disposition: form-data; name=\"content_type\"\r\n\r\n1\r\n"
                + "--"
                + BOUNDARY
                + "\r\n"
                + "Content-Disposition: form-data; name=\"hidden\"\r\n\r\n2\r\n"
                + "--"
                + BOUNDARY
                + "\r\n"
                + "Content-Disposition: form-data; name=\"photo\"; filename=\"harbour.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n"
                + "JPEG\r\n--not-a-boundary\r\n"
                + "--"
                + BOUNDARY
                + "--\r\n");
  }

  @Test
  void uploadOfUnicodeTitleSignsItsUtf8Bytes() throws Exception {
    server.enqueue(xml("<rsp stat=\"ok\"><photoid>1</photoid></rsp>"));
    PhotoUpload upload =
        PhotoUpload.builder(new byte[] {1, 2, 3}, "x.png").title("Køb 東京").async(true).build();

    fixedBoundary(viaProxy()).upload(upload).execute();

    RecordedRequest request = only();
    String baseString =
        "POST&http%3A%2F%2Fup.flickr.com%2Fservices%2Fupload%2F&"
            + "async%3D1"
            + "%26oauth_consumer_key%3D653e7a6ecc1d528c516cc8f92cf98611"
            + "%26oauth_nonce%3Dp2m2bnHdXVIsQH0FUv0oXBzg"
            + "%26oauth_signature_method%3DHMAC-SHA1"
            + "%26oauth_timestamp%3D1305586162"
            + "%26oauth_token%3D72157626318069415-087bfc7b5816092c"
            + "%26oauth_version%3D1.0"
            + "%26title%3DK%25C3%25B8b%2520%25E6%259D%25B1%25E4%25BA%25AC";
    assertThat(request.getHeaders().get("Authorization"))
        .isEqualTo(authorization(hmacSha1(baseString)));
    assertThat(request.getBody().string(UTF_8))
        .isEqualTo(
            "--"
                + BOUNDARY
                + "\r\n"
                + "Content-Disposition: form-data; name=\"title\"\r\n\r\nKøb 東京\r\n"
                + "--"
                + BOUNDARY
                + "\r\n"
                + "Content-Disposition: form-data; name=\"async\"\r\n\r\n1\r\n"
                + "--"
                + BOUNDARY
                + "\r\n"
                + "Content-Disposition: form-data; name=\"photo\"; filename=\"x.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n"
                + "\u0001\u0002\u0003\r\n"
                + "--"
                + BOUNDARY
                + "--\r\n");
  }

  @Test
  void replaceSendsPhotoIdAndReadsTheNewSecrets(@TempDir Path dir) throws Exception {
    server.enqueue(
        xml(
            "<rsp stat=\"ok\">\n"
                + "<photoid secret=\"abcdef\" originalsecret=\"123456\">52912345678</photoid>\n"
                + "</rsp>"));
    Path file = Files.write(dir.resolve("harbour-v2.gif"), "GIF89a".getBytes(ISO_8859_1));

    UploadResult result =
        fixedBoundary(viaProxy())
            .replace("52912345678", PhotoUpload.builder(file).build())
            .execute()
            .body();

    assertThat(result.photoId()).isEqualTo("52912345678");
    assertThat(result.secret()).isEqualTo("abcdef");
    assertThat(result.originalSecret()).isEqualTo("123456");
    RecordedRequest request = only();
    assertThat(request.getRequestLine())
        .isEqualTo("POST http://up.flickr.com/services/replace/ HTTP/1.1");
    String baseString =
        "POST&http%3A%2F%2Fup.flickr.com%2Fservices%2Freplace%2F&"
            + "oauth_consumer_key%3D653e7a6ecc1d528c516cc8f92cf98611"
            + "%26oauth_nonce%3Dp2m2bnHdXVIsQH0FUv0oXBzg"
            + "%26oauth_signature_method%3DHMAC-SHA1"
            + "%26oauth_timestamp%3D1305586162"
            + "%26oauth_token%3D72157626318069415-087bfc7b5816092c"
            + "%26oauth_version%3D1.0"
            + "%26photo_id%3D52912345678";
    assertThat(request.getHeaders().get("Authorization"))
        .isEqualTo(authorization(hmacSha1(baseString)));
    assertThat(request.getBody().string(ISO_8859_1))
        .isEqualTo(
            "--"
                + BOUNDARY
                + "\r\n"
                + "Content-Disposition: form-data; name=\"photo_id\"\r\n\r\n52912345678\r\n"
                + "--"
                + BOUNDARY
                + "\r\n"
                + "Content-Disposition: form-data; name=\"photo\"; filename=\"harbour-v2.gif\"\r\n"
                + "Content-Type: image/gif\r\n\r\n"
                + "GIF89a\r\n"
                + "--"
                + BOUNDARY
                + "--\r\n");
  }

  @Test
  void asyncUploadAnswersWithATicket() throws Exception {
    server.enqueue(xml("<rsp stat=\"ok\"><ticketid>1234-5678</ticketid></rsp>"));
    UploadResult result =
        viaProxy()
            .uploads()
            .upload(PhotoUpload.builder(new byte[] {1}, "a.jpg").async(true).build())
            .execute()
            .body();
    assertThat(result.isAsync()).isTrue();
    assertThat(result.ticketId()).isEqualTo("1234-5678");
    assertThat(result.photoId()).isNull();
    assertThat(only().getBody().utf8()).contains("name=\"async\"\r\n\r\n1\r\n");
  }

  @Test
  void flickrsFailAnswerIsAFlickrExceptionWithItsCodeAndMessage() {
    server.enqueue(
        xml(
            "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n"
                + "<rsp stat=\"fail\">\n"
                + "\t<err code=\"5\" msg=\"Filetype was not recognised\" />\n"
                + "</rsp>\n"));
    Call<UploadResult> call =
        viaProxy().uploads().upload(PhotoUpload.builder(new byte[] {1}, "a.txt").build());

    assertThatThrownBy(call::execute)
        .isInstanceOfSatisfying(
            FlickrException.class,
            e -> {
              assertThat(e.code()).isEqualTo(5);
              assertThat(e.flickrMessage()).isEqualTo("Filetype was not recognised");
              assertThat(e.method()).isEqualTo("upload");
              assertThat(e.httpStatus()).isEqualTo(200);
              assertThat(e.isAuthentication()).isFalse();
            })
        .hasMessage("upload failed: 5 Filetype was not recognised");
  }

  @Test
  void permissionFailureOfReplaceIsAnAuthenticationFailure() {
    server.enqueue(
        xml(
            "<rsp stat=\"fail\"><err code=\"99\" msg=\"Insufficient permissions. Method requires"
                + " write privileges; read granted.\"/></rsp>"));
    Call<UploadResult> call =
        viaProxy().uploads().replace("1", PhotoUpload.builder(new byte[] {1}, "a.jpg").build());

    assertThatThrownBy(call::execute)
        .isInstanceOfSatisfying(
            FlickrException.class,
            e -> {
              assertThat(e.error()).isEqualTo(FlickrError.INSUFFICIENT_PERMISSIONS);
              assertThat(e.method()).isEqualTo("replace");
              assertThat(e.isAuthentication()).isTrue();
            });
  }

  @Test
  void oauthRefusalIsCoresOAuthProblemException() {
    server.enqueue(
        new MockResponse.Builder()
            .code(401)
            .addHeader("Content-Type", "text/plain; charset=utf-8")
            .body("oauth_problem=signature_invalid&debug_sbs=POST&http%3A%2F%2Fup.flickr.com")
            .build());
    Call<UploadResult> call =
        viaProxy().uploads().upload(PhotoUpload.builder(new byte[] {1}, "a.jpg").build());

    assertThatThrownBy(call::execute)
        .isInstanceOfSatisfying(
            OAuthProblemException.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(401);
              assertThat(e.problem()).isEqualTo("signature_invalid");
            });
  }

  @Test
  void serverErrorPageIsARetryableFlickrException() {
    server.enqueue(
        new MockResponse.Builder()
            .code(503)
            .addHeader("Content-Type", "text/html")
            .body("<html><body><h1>503</h1> Flickr is having a massage</body></html>")
            .build());
    Call<UploadResult> call =
        viaProxy().uploads().upload(PhotoUpload.builder(new byte[] {1}, "a.jpg").build());

    assertThatThrownBy(call::execute)
        .isInstanceOfSatisfying(
            FlickrException.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(503);
              assertThat(e.isRetryable()).isTrue();
              assertThat(e.bodySnippet()).contains("Flickr is having a massage");
            });
  }

  @Test
  void answerThatIsNotXmlIsAFlickrException() {
    server.enqueue(xml("{\"stat\":\"ok\"}"));
    Call<UploadResult> call =
        viaProxy().uploads().upload(PhotoUpload.builder(new byte[] {1}, "a.jpg").build());

    assertThatThrownBy(call::execute)
        .isInstanceOfSatisfying(
            FlickrException.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(200);
              assertThat(e.bodySnippet()).isEqualTo("{\"stat\":\"ok\"}");
            })
        .hasMessageContaining("not well-formed XML");
  }

  @Test
  void okAnswerWithoutAnIdIsAFlickrException() {
    server.enqueue(xml("<rsp stat=\"ok\"></rsp>"));
    Call<UploadResult> call =
        viaProxy().uploads().upload(PhotoUpload.builder(new byte[] {1}, "a.jpg").build());

    assertThatThrownBy(call::execute)
        .isInstanceOf(FlickrException.class)
        .hasMessageContaining("neither a <photoid> nor a <ticketid>");
  }

  @Test
  void deeplyNestedAnswerIsAFlickrExceptionEvenOnASmallStack() throws Exception {
    // 8,500 nested elements inside <photoid>: 59,500 bytes, under the 64 KB cap on an answer.
    String deep =
        "<rsp stat=\"ok\"><photoid>"
            + "<a>".repeat(8_500)
            + "1"
            + "</a>".repeat(8_500)
            + "</photoid></rsp>";
    assertThat(deep.length()).isLessThan(64 * 1024);
    server.enqueue(xml(deep));
    Call<UploadResult> call =
        viaProxy().uploads().upload(PhotoUpload.builder(new byte[] {1}, "a.jpg").build());

    // A worker thread with a small stack, as thread pools and Android's background threads have.
    CompletableFuture<Throwable> thrown = new CompletableFuture<>();
    Thread worker =
        new Thread(
            null,
            () -> {
              try {
                call.execute();
                thrown.complete(null);
              } catch (Throwable t) {
                thrown.complete(t);
              }
            },
            "small-stack",
            128 * 1024);
    worker.start();
    worker.join(10_000);

    assertThat(thrown.get(10, SECONDS))
        .isInstanceOf(FlickrException.class)
        .hasMessageContaining("nested deeper than");
  }

  @Test
  void answerWithAnExternalEntityIsRefusedWithoutResolvingIt(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "s3cr3t-file-content");
    try (MockWebServer entityServer = new MockWebServer()) {
      entityServer.start();
      server.enqueue(
          xml(
              "<?xml version=\"1.0\"?>\n"
                  + "<!DOCTYPE rsp [\n"
                  + "  <!ENTITY file SYSTEM \""
                  + secret.toUri()
                  + "\">\n"
                  + "  <!ENTITY net SYSTEM \""
                  + entityServer.url("/dtd")
                  + "\">\n"
                  + "]>\n"
                  + "<rsp stat=\"ok\"><photoid>&file;&net;</photoid></rsp>"));
      Call<UploadResult> call =
          viaProxy().uploads().upload(PhotoUpload.builder(new byte[] {1}, "a.jpg").build());

      assertThatThrownBy(call::execute)
          .isInstanceOf(FlickrException.class)
          .hasMessageContaining("DOCTYPE")
          .hasMessageNotContaining("s3cr3t");
      assertThat(entityServer.getRequestCount()).isZero();
    }
  }

  @Test
  void failureOfAnEnqueuedCallReachesOnFailure() throws Exception {
    server.enqueue(
        xml("<rsp stat=\"fail\"><err code=\"6\" msg=\"User exceeded upload limit\"/></rsp>"));
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    viaProxy()
        .uploads()
        .upload(PhotoUpload.builder(new byte[] {1}, "a.jpg").build())
        .enqueue(
            new Callback<>() {
              @Override
              public void onResponse(Call<UploadResult> call, Response<UploadResult> response) {
                failure.completeExceptionally(new AssertionError("succeeded: " + response.body()));
              }

              @Override
              public void onFailure(Call<UploadResult> call, Throwable t) {
                failure.complete(t);
              }
            });
    assertThat(failure.get(5, SECONDS))
        .isInstanceOfSatisfying(FlickrException.class, e -> assertThat(e.code()).isEqualTo(6));
  }

  @Test
  void uploadWithoutATokenIsRefusedBeforeAnythingIsSent() {
    Flickr flickr = Flickr.builder().clientCredentials(KEY, SECRET).build();
    PhotoUpload upload = PhotoUpload.builder(new byte[] {1}, "a.jpg").build();
    assertThatThrownBy(() -> flickr.uploads().upload(upload))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("write permission");
  }

  @Test
  void viewWithAnotherTokenSignsUploadsWithIt() throws Exception {
    Token alice = new Token("72157600000000001-aaaaaaaaaaaaaaaa", "alicesecret");
    server.enqueue(xml("<rsp stat=\"ok\"><photoid>7</photoid></rsp>"));
    viaProxy()
        .withToken(alice)
        .uploads()
        .upload(PhotoUpload.builder(new byte[] {1}, "a.jpg").build())
        .execute();
    assertThat(only().getHeaders().get("Authorization"))
        .contains("oauth_token=\"72157600000000001-aaaaaaaaaaaaaaaa\"");
  }

  @Test
  void replaceRefusesFieldsAReplacementCannotChange() {
    FlickrUploads uploads = viaProxy().uploads();
    PhotoUpload titled = PhotoUpload.builder(new byte[] {1}, "a.jpg").title("New").build();
    assertThatThrownBy(() -> uploads.replace("1", titled))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not title");
    assertThatThrownBy(
            () -> uploads.replace(" ", PhotoUpload.builder(new byte[] {1}, "a.jpg").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("photoId is blank");
  }

  @Test
  void streamedPhotoIsSentOnceOnly() throws Exception {
    server.enqueue(xml("<rsp stat=\"ok\"><photoid>7</photoid></rsp>"));
    Call<UploadResult> call =
        viaProxy()
            .uploads()
            .upload(
                PhotoUpload.builder(new java.io.ByteArrayInputStream(new byte[] {1, 2}), 2, "a.jpg")
                    .build());
    assertThat(call.execute().body().photoId()).isEqualTo("7");
    assertThatThrownBy(() -> call.clone().execute())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("already sent once");
  }

  @Test
  void streamShorterThanAnnouncedFailsTheCall() {
    Call<UploadResult> call =
        viaProxy()
            .uploads()
            .upload(
                PhotoUpload.builder(new java.io.ByteArrayInputStream(new byte[] {1, 2}), 5, "a.jpg")
                    .build());
    assertThatThrownBy(call::execute)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("the photo ended after 2 of the 5 bytes announced");
  }

  @Test
  void uploadsFromAFile(@TempDir Path dir) throws Exception {
    server.enqueue(xml("<rsp stat=\"ok\"><photoid>8</photoid></rsp>"));
    java.io.File file = Files.write(dir.resolve("clip.mov"), new byte[] {0, 0, 0, 8}).toFile();
    fixedBoundary(viaProxy()).upload(PhotoUpload.builder(file).build()).execute();
    assertThat(only().getBody().string(ISO_8859_1))
        .isEqualTo(
            "--"
                + BOUNDARY
                + "\r\n"
                + "Content-Disposition: form-data; name=\"photo\"; filename=\"clip.mov\"\r\n"
                + "Content-Type: video/quicktime\r\n\r\n"
                + "\u0000\u0000\u0000\u0008\r\n"
                + "--"
                + BOUNDARY
                + "--\r\n");
    assertThatThrownBy(() -> PhotoUpload.builder(dir.toFile()).build())
        .hasMessageContaining("not a regular file");
  }

  @Test
  void builderChecksItsInput(@TempDir Path dir) {
    assertThatThrownBy(() -> PhotoUpload.builder(dir.resolve("missing.jpg")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a regular file");
    assertThatThrownBy(() -> PhotoUpload.builder(new byte[0], "a.jpg"))
        .hasMessage("photo is empty (0 bytes)");
    assertThatThrownBy(() -> PhotoUpload.builder(new byte[] {1}, " "))
        .hasMessage("fileName is blank");
    assertThatThrownBy(() -> PhotoUpload.builder(new byte[] {1}, "a.jpg").tags("say \"hi\""))
        .isInstanceOf(IllegalArgumentException.class);
    PhotoUpload upload = PhotoUpload.builder(new byte[] {1}, "a.JPG").tags(" x ", "y\tz").build();
    assertThat(upload.fields()).containsExactly(java.util.Map.entry("tags", "x \"y\tz\""));
    assertThat(upload.mediaType().toString()).isEqualTo("image/jpeg");
    assertThat(upload.newBuilder().title("T").build().fields())
        .containsExactly(
            java.util.Map.entry("title", "T"), java.util.Map.entry("tags", "x \"y\tz\""));
    assertThat(upload.toString()).isEqualTo("PhotoUpload[a.JPG, image/jpeg, fields=[tags]]");
  }

  @Test
  void progressCountsThePhotoBytes() throws Exception {
    server.enqueue(xml("<rsp stat=\"ok\"><photoid>7</photoid></rsp>"));
    List<long[]> calls = new ArrayList<>();
    byte[] photo = new byte[20_000];
    viaProxy()
        .uploads()
        .upload(
            PhotoUpload.builder(photo, "a.jpg")
                .progressListener((sent, total) -> calls.add(new long[] {sent, total}))
                .build())
        .execute();
    assertThat(calls).extracting(c -> c[0]).containsExactly(8192L, 16384L, 20000L);
    assertThat(calls).extracting(c -> c[1]).containsOnly(20000L);
  }
}
