package dev.oksign.testing;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oksign.OAuth1Signer;
import dev.oksign.SigningOptions;
import dev.oksign.Token;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fake's upload API, driven by hand-built multipart requests signed with core alone, so that
 * each test chooses exactly which fields are signed.
 */
class FakeFlickrUploadsTest {
  static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F'};

  FakeFlickr fake;
  Token writeToken;

  @BeforeEach
  void start() throws IOException {
    fake = FakeFlickr.builder().build();
    fake.start();
    writeToken =
        fake.issueAccessToken(
            fake.clientCredentials().key(), fake.data().demoUser().nsid(), "write");
  }

  @AfterEach
  void close() {
    fake.close();
  }

  OkHttpClient client(Token token) {
    OAuth1Signer signer =
        OAuth1Signer.builder().clientCredentials(fake.clientCredentials()).token(token).build();
    // Signs and passes every answer through, so refusals are seen as the fake sent them.
    return new OkHttpClient.Builder()
        .addNetworkInterceptor(chain -> chain.proceed(signer.sign(chain.request())))
        .build();
  }

  /** POSTs {@code fields} and {@code photo} as multipart, signing {@code signed}. */
  Response post(
      String endpoint,
      Token token,
      List<Map.Entry<String, String>> fields,
      byte[] photo,
      List<Map.Entry<String, String>> signed)
      throws IOException {
    MultipartBody.Builder body = new MultipartBody.Builder().setType(MultipartBody.FORM);
    for (Map.Entry<String, String> field : fields)
      body.addFormDataPart(field.getKey(), field.getValue());
    if (photo != null) {
      body.addFormDataPart(
          "photo", "p.jpg", RequestBody.create(photo, MediaType.get("image/jpeg")));
    }
    SigningOptions.Builder options = SigningOptions.builder();
    for (Map.Entry<String, String> s : signed) options.signedParameter(s.getKey(), s.getValue());
    Request request =
        new Request.Builder()
            .url(fake.uploadBaseUrl().resolve(endpoint))
            .post(body.build())
            .tag(SigningOptions.class, options.build())
            .build();
    return client(token).newCall(request).execute();
  }

  Response upload(List<Map.Entry<String, String>> fields, byte[] photo) throws IOException {
    return post("upload/", writeToken, fields, photo, fields);
  }

  @Test
  void acceptsAnUploadSignedOverItsTextFieldsAndKeepsIt() throws IOException {
    List<Map.Entry<String, String>> fields =
        List.of(Map.entry("title", "Harbour at dawn"), Map.entry("tags", "harbour \"north sea\""));
    try (Response response = upload(fields, JPEG)) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.body().string())
          .isEqualTo(
              "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n<rsp stat=\"ok\">\n"
                  + "<photoid>53000000001</photoid>\n</rsp>\n");
    }
    FakeFlickrUploads.Upload received = fake.uploads().received().get(0);
    assertThat(received.photoId()).isEqualTo("53000000001");
    assertThat(received.isReplace()).isFalse();
    assertThat(received.fields()).isEqualTo(fields);
    assertThat(received.field("title")).isEqualTo("Harbour at dawn");
    assertThat(received.photo()).isEqualTo(JPEG);
    assertThat(received.fileName()).isEqualTo("p.jpg");
    assertThat(received.mediaType()).isEqualTo("image/jpeg");
    assertThat(received.userNsid()).isEqualTo(fake.data().demoUser().nsid());
  }

  @Test
  void refusesASignatureThatIncludedThePhoto() throws IOException {
    List<Map.Entry<String, String>> fields = List.of(Map.entry("title", "T"));
    List<Map.Entry<String, String>> signedWithPhoto =
        List.of(Map.entry("title", "T"), Map.entry("photo", new String(JPEG, ISO_8859_1)));
    try (Response response = post("upload/", writeToken, fields, JPEG, signedWithPhoto)) {
      assertThat(response.code()).isEqualTo(401);
      String body = response.body().string();
      assertThat(body).startsWith("oauth_problem=signature_invalid&debug_sbs=POST&");
      assertThat(body).contains("title%3DT").doesNotContain("photo");
    }
    assertThat(fake.uploads().received()).isEmpty();
  }

  @Test
  void refusesASignatureThatLeftOutTheTitle() throws IOException {
    List<Map.Entry<String, String>> fields =
        List.of(Map.entry("title", "T"), Map.entry("async", "1"));
    try (Response response =
        post("upload/", writeToken, fields, JPEG, List.of(Map.entry("async", "1")))) {
      assertThat(response.code()).isEqualTo(401);
      assertThat(response.body().string()).startsWith("oauth_problem=signature_invalid&");
    }
    assertThat(fake.uploads().received()).isEmpty();
  }

  @Test
  void answersFlickrsUploadErrors() throws IOException {
    Token readToken = fake.issueAccessToken();
    try (Response response = post("upload/", readToken, List.of(), JPEG, List.of())) {
      assertThat(response.body().string())
          .contains(
              "<err code=\"99\" msg=\"Insufficient permissions. Method requires write privileges;"
                  + " read granted.\" />");
    }
    try (Response response = upload(List.of(Map.entry("title", "T")), null)) {
      assertThat(response.body().string())
          .contains("<err code=\"2\" msg=\"No photo specified\" />");
    }
    try (Response response = upload(List.of(), new byte[0])) {
      assertThat(response.body().string()).contains("<err code=\"4\" msg=\"Filesize was zero\" />");
    }
    try (Response response = upload(List.of(), "plain text".getBytes(ISO_8859_1))) {
      assertThat(response.body().string())
          .contains("<err code=\"5\" msg=\"Filetype was not recognised\" />");
    }
    assertThat(fake.uploads().received()).isEmpty();
  }

  @Test
  void asyncUploadAnswersATicketThatCheckTicketsReports() throws IOException {
    fake.uploads().holdTickets(true);
    String ticket;
    try (Response response = upload(List.of(Map.entry("async", "1")), JPEG)) {
      String body = response.body().string();
      assertThat(body).contains("<ticketid>263000001</ticketid>");
      ticket = "263000001";
    }
    assertThat(checkTickets(ticket + ",999"))
        .isEqualTo(
            "{\"uploader\":{\"ticket\":[{\"id\":\"263000001\",\"complete\":0},"
                + "{\"id\":\"999\",\"invalid\":1}]},\"stat\":\"ok\"}");
    fake.uploads().completeTickets();
    assertThat(checkTickets(ticket))
        .isEqualTo(
            "{\"uploader\":{\"ticket\":[{\"id\":\"263000001\",\"complete\":1,"
                + "\"photoid\":\"53000000001\",\"imported\":\"1700000000\"}]},\"stat\":\"ok\"}");
  }

  String checkTickets(String tickets) throws IOException {
    HttpUrl url =
        fake.restBaseUrl()
            .newBuilder()
            .addQueryParameter("method", "flickr.photos.upload.checkTickets")
            .addQueryParameter("tickets", tickets)
            .addQueryParameter("format", "json")
            .addQueryParameter("nojsoncallback", "1")
            .build();
    try (Response response =
        client(writeToken).newCall(new Request.Builder().url(url).build()).execute()) {
      return response.body().string();
    }
  }

  @Test
  void replacesOnlyAPhotoOfTheTokensUser() throws IOException {
    try (Response response = upload(List.of(), JPEG)) {
      assertThat(response.code()).isEqualTo(200);
    }
    List<Map.Entry<String, String>> replace = List.of(Map.entry("photo_id", "53000000001"));
    try (Response response = post("replace/", writeToken, replace, JPEG, replace)) {
      assertThat(response.body().string())
          .matches(
              "(?s).*<photoid secret=\"[0-9a-f]{10}\" originalsecret=\"[0-9a-f]{10}\">"
                  + "53000000001</photoid>.*");
    }
    assertThat(fake.uploads().received().get(1).isReplace()).isTrue();

    List<Map.Entry<String, String>> unknown = List.of(Map.entry("photo_id", "1"));
    try (Response response = post("replace/", writeToken, unknown, JPEG, unknown)) {
      assertThat(response.body().string()).contains("<err code=\"1\" msg=\"Photo not found\" />");
    }
  }

  @Test
  void acceptsOAuthParametersSentAsMultipartFieldsAsFlickrDoes() throws IOException {
    OAuth1Signer signer =
        OAuth1Signer.builder()
            .clientCredentials(fake.clientCredentials())
            .token(writeToken)
            .build();
    HttpUrl url = fake.uploadBaseUrl().resolve("upload/");
    Request toSign =
        new Request.Builder()
            .url(url)
            .post(RequestBody.create(new byte[0], null))
            .tag(
                SigningOptions.class,
                SigningOptions.builder().signedParameter("title", "T").build())
            .build();
    Map<String, String> protocol = signer.report(toSign).protocolParameters();
    assertThat(protocol).containsKey("oauth_signature");

    MultipartBody.Builder body =
        new MultipartBody.Builder().setType(MultipartBody.FORM).addFormDataPart("title", "T");
    protocol.forEach(body::addFormDataPart);
    body.addFormDataPart("photo", "p.jpg", RequestBody.create(JPEG, MediaType.get("image/jpeg")));
    Request request = new Request.Builder().url(url).post(body.build()).build();
    try (Response response = new OkHttpClient().newCall(request).execute()) {
      assertThat(response.body().string()).contains("<photoid>53000000001</photoid>");
    }
    assertThat(fake.uploads().received().get(0).field("title")).isEqualTo("T");

    // The same parameters in the header as well are refused: they must be in one place.
    Request twice =
        request.newBuilder().header("Authorization", "OAuth oauth_consumer_key=\"x\"").build();
    try (Response response = new OkHttpClient().newCall(twice).execute()) {
      assertThat(response.code()).isEqualTo(400);
      assertThat(response.body().string()).isEqualTo("oauth_problem=parameter_rejected");
    }
  }

  /**
   * As flickr4java uploads: the upload's text fields in the query and in multipart fields, the
   * OAuth parameters in the header and copied into multipart fields; signed once over each.
   */
  Request asFlickr4JavaUploads() throws IOException {
    OAuth1Signer signer =
        OAuth1Signer.builder()
            .clientCredentials(fake.clientCredentials())
            .token(writeToken)
            .build();
    HttpUrl url =
        fake.uploadBaseUrl()
            .resolve("upload/")
            .newBuilder()
            .addQueryParameter("title", "T")
            .build();
    Request signed =
        signer.sign(
            new Request.Builder().url(url).post(RequestBody.create(new byte[0], null)).build());
    Map<String, String> protocol =
        signer
            .report(
                new Request.Builder().url(url).post(RequestBody.create(new byte[0], null)).build())
            .protocolParameters();
    MultipartBody.Builder body =
        new MultipartBody.Builder().setType(MultipartBody.FORM).addFormDataPart("title", "T");
    // The header's own values, copied into the multipart fields.
    String header = signed.header("Authorization");
    for (String name : protocol.keySet()) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile(name + "=\"([^\"]*)\"").matcher(header);
      assertThat(m.find()).as(name).isTrue();
      body.addFormDataPart(
          name, java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8));
    }
    body.addFormDataPart("photo", "p.jpg", RequestBody.create(JPEG, MediaType.get("image/jpeg")));
    return signed.newBuilder().post(body.build()).build();
  }

  @Test
  void countsParametersSentInTwoPlacesOnceAsFlickrDoes() throws IOException {
    try (Response response = new OkHttpClient().newCall(asFlickr4JavaUploads()).execute()) {
      assertThat(response.body().string()).contains("<photoid>53000000001</photoid>");
    }
  }

  @Test
  void refusesTheHeaderAndMultipartCopyUnderStrictPlacement() throws IOException {
    fake.close();
    fake = FakeFlickr.builder().strictPlacement().build();
    fake.start();
    writeToken =
        fake.issueAccessToken(
            fake.clientCredentials().key(), fake.data().demoUser().nsid(), "write");
    try (Response response = new OkHttpClient().newCall(asFlickr4JavaUploads()).execute()) {
      assertThat(response.code()).isEqualTo(400);
      assertThat(response.body().string()).startsWith("oauth_problem=parameter_rejected");
    }
    assertThat(fake.uploads().received()).isEmpty();
  }

  @Test
  void readsQuotedDispositionParameters() throws IOException {
    assertThat(
            FakeFlickrUploads.dispositionParameters(
                "form-data; name=\"photo\"; filename=\"a %22b%22;c.jpg\""))
        .containsExactly(Map.entry("name", "photo"), Map.entry("filename", "a \"b\";c.jpg"));
  }
}
