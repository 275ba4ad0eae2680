package dev.oksign.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oksign.NonceStore;
import dev.oksign.OAuth1Signer;
import dev.oksign.SigningOptions;
import dev.oksign.Token;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST endpoint's formats, error precedence, placement rules, methods and stubs. */
class FakeFlickrFormatsTest {
  FakeFlickr fake;

  @AfterEach
  void close() {
    if (fake != null) fake.close();
  }

  FakeFlickr start(FakeFlickr.Builder builder) throws IOException {
    fake = builder.build();
    fake.start();
    return fake;
  }

  OkHttpClient client(OAuth1Signer signer) {
    return new OkHttpClient.Builder()
        .followRedirects(false)
        .addNetworkInterceptor(chain -> chain.proceed(signer.sign(chain.request())))
        .build();
  }

  OkHttpClient signedClient() {
    return client(
        OAuth1Signer.builder()
            .clientCredentials(fake.clientCredentials())
            .token(fake.issueAccessToken())
            .build());
  }

  HttpUrl rest(String method, String... params) {
    HttpUrl.Builder url = fake.restBaseUrl().newBuilder().addQueryParameter("method", method);
    for (int i = 0; i < params.length; i += 2) url.addQueryParameter(params[i], params[i + 1]);
    return url.build();
  }

  static String call(OkHttpClient client, HttpUrl url) throws IOException {
    return call(client, new Request.Builder().url(url).build());
  }

  static String call(OkHttpClient client, Request request) throws IOException {
    try (Response response = client.newCall(request).execute()) {
      return response.code()
          + " "
          + response.header("Content-Type")
          + "\n"
          + response.body().string();
    }
  }

  @Test
  void answersInXmlWithoutAFormatAsFlickrDoes() throws Exception {
    start(FakeFlickr.builder());
    String answer = call(signedClient(), rest("flickr.test.login"));
    assertThat(answer)
        .isEqualTo(
            "200 text/xml; charset=utf-8\n"
                + "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n"
                + "<rsp stat=\"ok\">\n"
                + "<user id=\"71234567@N00\">\n"
                + "\t<username>oksign-demo</username>\n"
                + "</user>\n"
                + "</rsp>\n");
  }

  @Test
  void writesThePhotosetPageInBothFormatsFromTheSameData() throws Exception {
    start(FakeFlickr.builder());
    String id = FakeFlickrData.PHOTOSET_1234_ID;
    FakeFlickrData.Photo first = fake.data().photoset(id).photos().get(500);
    String xml =
        call(signedClient(), rest("flickr.photosets.getPhotos", "photoset_id", id, "page", "2"));
    assertThat(xml)
        .contains(
            "<photoset id=\"" + id + "\" primary=\"" + fake.data().photoset(id).primary() + "\"")
        .contains("page=\"2\" per_page=\"500\" perpage=\"500\" pages=\"3\"")
        .contains("total=\"1234\"")
        .contains(
            "\t<photo id=\""
                + first.id()
                + "\" secret=\""
                + first.secret()
                + "\" server=\""
                + first.server()
                + "\" farm=\""
                + first.farm()
                + "\"");
    assertThat(xml.split("<photo ", -1)).hasSize(501);
    String json =
        call(
            signedClient(),
            rest(
                "flickr.photosets.getPhotos",
                "photoset_id",
                id,
                "page",
                "2",
                "format",
                "json",
                "nojsoncallback",
                "1"));
    assertThat(json)
        .startsWith("200 application/json; charset=utf-8\n{\"photoset\":{\"id\":\"" + id)
        .contains("{\"id\":\"" + first.id() + "\",\"secret\":\"" + first.secret() + "\"")
        .endsWith(",\"stat\":\"ok\"}");
  }

  @Test
  void wrapsJsonInTheCallbackAskedFor() throws Exception {
    start(FakeFlickr.builder());
    String key = fake.clientCredentials().key();
    OkHttpClient plain = new OkHttpClient();
    assertThat(
            call(
                plain,
                rest(
                    "flickr.test.echo",
                    "api_key",
                    key,
                    "format",
                    "json",
                    "jsoncallback",
                    "wooYay")))
        .startsWith("200 text/javascript; charset=utf-8\nwooYay({\"method\":")
        .endsWith("\"stat\":\"ok\"})");
    assertThat(call(plain, rest("flickr.test.echo", "api_key", key, "format", "json")))
        .contains("\njsonFlickrApi({");
  }

  @Test
  void reportsAWrongSecretAsASignatureFailureBeforeAnyFormatOrMethodError() throws Exception {
    start(FakeFlickr.builder());
    OkHttpClient wrongSecret =
        client(
            OAuth1Signer.builder()
                .clientCredentials(fake.clientCredentials().key(), "not-the-secret")
                .build());
    assertThat(call(wrongSecret, rest("flickr.no.such.method", "format", "php_serial")))
        .startsWith("401 text/plain; charset=utf-8\noauth_problem=signature_invalid&debug_sbs=");
    // With a good signature, the format comes before the method.
    OkHttpClient good =
        client(OAuth1Signer.builder().clientCredentials(fake.clientCredentials()).build());
    assertThat(call(good, rest("flickr.no.such.method", "format", "php_serial")))
        .contains("<err code=\"111\" msg=\"Format &quot;php_serial&quot; not found\" />");
    assertThat(call(good, rest("flickr.no.such.method")))
        .contains(
            "<err code=\"112\" msg=\"Method &quot;flickr.no.such.method&quot; not found\" />");
  }

  /** Moves {@code oauth_callback} from the header to the query, once the request is signed. */
  static OkHttpClient callbackInQuery(OAuth1Signer signer) {
    return new OkHttpClient.Builder()
        .addNetworkInterceptor(
            chain -> {
              Request signed = signer.sign(chain.request());
              String header = signed.header("Authorization");
              assertThat(header).contains("oauth_callback=\"oob\", ");
              return chain.proceed(
                  signed
                      .newBuilder()
                      .header("Authorization", header.replace("oauth_callback=\"oob\", ", ""))
                      .url(
                          signed
                              .url()
                              .newBuilder()
                              .addQueryParameter("oauth_callback", "oob")
                              .build())
                      .build());
            })
        .build();
  }

  @Test
  void mergesACallbackInTheQueryWithTheHeaderAsFlickrDoes() throws Exception {
    start(FakeFlickr.builder());
    OAuth1Signer signer =
        OAuth1Signer.builder().clientCredentials(fake.clientCredentials()).build();
    Request request =
        new Request.Builder()
            .url(fake.requestTokenUrl())
            .post(RequestBody.create(new byte[0], null))
            .tag(SigningOptions.class, SigningOptions.builder().callback("oob").build())
            .build();
    assertThat(call(callbackInQuery(signer), request))
        .contains("\noauth_callback_confirmed=true&oauth_token=");
  }

  @Test
  void refusesTheSameSplitUnderStrictPlacement() throws Exception {
    start(FakeFlickr.builder().strictPlacement());
    OAuth1Signer signer =
        OAuth1Signer.builder().clientCredentials(fake.clientCredentials()).build();
    Request request =
        new Request.Builder()
            .url(fake.requestTokenUrl())
            .post(RequestBody.create(new byte[0], null))
            .tag(SigningOptions.class, SigningOptions.builder().callback("oob").build())
            .build();
    assertThat(call(callbackInQuery(signer), request))
        .startsWith("400 text/plain; charset=utf-8\noauth_problem=parameter_rejected");
  }

  @Test
  void checksATokenAsDocumentedWithApiKeyAndTokenOnly() throws Exception {
    start(FakeFlickr.builder());
    Token token = fake.issueAccessToken();
    String key = fake.clientCredentials().key();
    assertThat(
            call(
                new OkHttpClient(),
                rest("flickr.auth.oauth.checkToken", "api_key", key, "oauth_token", token.value())))
        .isEqualTo(
            "200 text/xml; charset=utf-8\n"
                + "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n"
                + "<rsp stat=\"ok\">\n"
                + "<oauth>\n"
                + "\t<token>"
                + token.value()
                + "</token>\n"
                + "\t<perms>read</perms>\n"
                + "\t<user nsid=\"71234567@N00\" username=\"oksign-demo\" fullname=\"Ada Demo\" />\n"
                + "</oauth>\n"
                + "</rsp>\n");
    assertThat(
            call(
                new OkHttpClient(),
                rest("flickr.auth.oauth.checkToken", "api_key", key, "oauth_token", "nope")))
        .contains("<err code=\"98\" msg=\"Invalid token\" />");
  }

  @Test
  void servesTheEverydayMethodsInBothFormats() throws Exception {
    start(FakeFlickr.builder());
    FakeFlickrData.Photo photo = fake.data().photos().get(0);
    String key = fake.clientCredentials().key();
    OkHttpClient plain = new OkHttpClient();
    assertThat(call(plain, rest("flickr.reflection.getMethods", "api_key", key)))
        .contains("<methods>\n\t<method>flickr.auth.oauth.checkToken</method>\n")
        .contains("\t<method>flickr.test.null</method>\n</methods>");
    assertThat(call(plain, rest("flickr.photos.getInfo", "api_key", key, "photo_id", photo.id())))
        .contains("<photo id=\"" + photo.id() + "\" secret=\"" + photo.secret() + "\"")
        .contains("\t<title>" + photo.title().replace("&", "&amp;") + "</title>\n");
    assertThat(
            call(
                plain,
                rest(
                    "flickr.photos.getInfo",
                    "api_key",
                    key,
                    "photo_id",
                    photo.id(),
                    "format",
                    "json",
                    "nojsoncallback",
                    "1")))
        .contains("{\"photo\":{\"id\":\"" + photo.id() + "\",\"secret\":\"" + photo.secret());
    assertThat(
            call(
                plain,
                rest(
                    "flickr.people.getInfo",
                    "api_key",
                    key,
                    "user_id",
                    FakeFlickrData.DEMO_USER_NSID)))
        .contains("<person id=\"71234567@N00\" nsid=\"71234567@N00\"")
        .contains("\t<username>oksign-demo</username>\n");
    assertThat(
            call(
                plain,
                rest(
                    "flickr.photosets.getInfo",
                    "api_key",
                    key,
                    "photoset_id",
                    FakeFlickrData.PHOTOSET_1234_ID)))
        .contains("count_photos=\"1234\"");
    assertThat(call(plain, rest("flickr.photosets.getInfo", "api_key", key, "photoset_id", "404")))
        .contains("<err code=\"1\" msg=\"Photoset not found\" />");
    assertThat(
            call(signedClient(), rest("flickr.test.null", "format", "json", "nojsoncallback", "1")))
        .endsWith("\n{\"stat\":\"ok\"}");
    assertThat(call(plain, rest("flickr.test.echo", "api_key", key, "foo", "bar")))
        .contains("<method>flickr.test.echo</method>\n<api_key>" + key + "</api_key>\n")
        .contains("<foo>bar</foo>\n");
  }

  @Test
  void servesStubbedMethodsSignedAndInTheFormatAskedFor() throws Exception {
    start(FakeFlickr.builder());
    fake.stub(
        "flickr.galleries.getPhotos",
        call -> {
          if (call.param("gallery_id") == null) {
            throw new FakeFlickr.StubFailure(1, "Invalid gallery ID");
          }
          return Map.of("photos", Map.of("photo", List.of(Map.of("owner", call.userNsid()))));
        });
    assertThat(call(signedClient(), rest("flickr.galleries.getPhotos", "gallery_id", "9")))
        .contains("<photos>\n\t<photo owner=\"71234567@N00\" />\n</photos>");
    assertThat(
            call(
                signedClient(),
                rest("flickr.galleries.getPhotos", "format", "json", "nojsoncallback", "1")))
        .endsWith("\n{\"stat\":\"fail\",\"code\":1,\"message\":\"Invalid gallery ID\"}");
    OkHttpClient wrongSecret =
        client(
            OAuth1Signer.builder().clientCredentials(fake.clientCredentials().key(), "x").build());
    assertThat(call(wrongSecret, rest("flickr.galleries.getPhotos", "gallery_id", "9")))
        .startsWith("401 ");
  }

  @Test
  void servesCannedAnswersFromADirectory(@TempDir Path dir) throws Exception {
    start(FakeFlickr.builder());
    Files.writeString(
        dir.resolve("flickr.galleries.getList.json"),
        "{\"galleries\":{\"total\":0,\"gallery\":[]},\"stat\":\"ok\"}");
    Files.writeString(
        dir.resolve("flickr.photos.getExif.xml"),
        "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n<rsp stat=\"ok\"><photo id=\"1\"/></rsp>\n");
    assertThat(fake.stubsFrom(dir))
        .containsExactly("flickr.galleries.getList", "flickr.photos.getExif");
    String key = fake.clientCredentials().key();
    OkHttpClient plain = new OkHttpClient();
    assertThat(
            call(
                plain,
                rest(
                    "flickr.galleries.getList",
                    "api_key",
                    key,
                    "format",
                    "json",
                    "nojsoncallback",
                    "1")))
        .endsWith("\n{\"galleries\":{\"total\":0,\"gallery\":[]},\"stat\":\"ok\"}");
    assertThat(call(plain, rest("flickr.galleries.getList", "api_key", key)))
        .contains("<galleries total=\"0\">");
    assertThat(call(plain, rest("flickr.photos.getExif", "api_key", key)))
        .endsWith("<rsp stat=\"ok\"><photo id=\"1\"/></rsp>\n");
  }

  @Test
  void refusesARequestReplayedToAnotherFakeOfTheSameStore() throws Exception {
    NonceStore shared = NonceStore.inMemory();
    Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
    FakeFlickr.Builder builder = FakeFlickr.builder().nonceStore(shared).clock(clock);
    start(builder);
    try (FakeFlickr other = builder.build()) {
      other.start();
      OAuth1Signer signer =
          OAuth1Signer.builder()
              .clientCredentials(fake.clientCredentials())
              .clock(clock)
              .nonces(() -> "same-nonce")
              .build();
      Request first = new Request.Builder().url(fake.requestTokenUrl()).build();
      Request replay = new Request.Builder().url(other.requestTokenUrl()).build();
      // Both fakes listen on 127.0.0.1: the base strings differ only by port, so sign each.
      assertThat(
              call(
                  client(signer),
                  first
                      .newBuilder()
                      .tag(SigningOptions.class, SigningOptions.builder().callback("oob").build())
                      .build()))
          .startsWith("200 ");
      assertThat(
              call(
                  client(signer),
                  replay
                      .newBuilder()
                      .tag(SigningOptions.class, SigningOptions.builder().callback("oob").build())
                      .build()))
          .contains("oauth_problem=nonce_used");
    }
  }

  @Test
  void acceptsAFormBodyTooAndAnswersHeadWithoutABody() throws Exception {
    start(FakeFlickr.builder());
    Request post =
        new Request.Builder()
            .url(fake.restBaseUrl())
            .post(
                RequestBody.create(
                    "method=flickr.test.login&format=json&nojsoncallback=1",
                    MediaType.get("application/x-www-form-urlencoded")))
            .build();
    assertThat(call(signedClient(), post)).contains("{\"user\":{\"id\":\"71234567@N00\"");
  }

  @Test
  void datesItsAnswersWithItsOwnClockAsAServerWhoseClockIsOffWould() throws Exception {
    start(
        FakeFlickr.builder()
            .clock(Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC)));
    try (Response response =
        new OkHttpClient()
            .newCall(new Request.Builder().url(fake.restBaseUrl()).build())
            .execute()) {
      assertThat(response.header("Date")).isEqualTo("Tue, 14 Nov 2023 22:13:20 GMT");
    }
  }

  @Test
  void readsAChunkedBody() throws Exception {
    start(FakeFlickr.builder());
    RequestBody chunked =
        new RequestBody() {
          @Override
          public MediaType contentType() {
            return MediaType.get("application/x-www-form-urlencoded");
          }

          @Override
          public long contentLength() {
            return -1;
          }

          @Override
          public void writeTo(okio.BufferedSink sink) throws IOException {
            sink.writeUtf8("method=flickr.test.echo&api_key=" + fake.clientCredentials().key());
            sink.flush();
            sink.writeUtf8("&format=json&nojsoncallback=1");
          }
        };
    assertThat(
            call(
                new OkHttpClient(),
                new Request.Builder().url(fake.restBaseUrl()).post(chunked).build()))
        .contains("\"method\":{\"_content\":\"flickr.test.echo\"}");
    assertThat(
            fake.takeRequest(1, java.util.concurrent.TimeUnit.SECONDS)
                .getHeaders()
                .get("Transfer-Encoding"))
        .isEqualTo("chunked");
  }

  @Test
  void servesEveryMethodItListsAndNoOther() throws Exception {
    start(FakeFlickr.builder());
    String listed = call(signedClient(), rest("flickr.reflection.getMethods"));
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("<method>([a-zA-Z.]+)</method>").matcher(listed);
    List<String> methods = new java.util.ArrayList<>();
    while (m.find()) methods.add(m.group(1));
    assertThat(methods).hasSize(14).isSorted();
    for (String method : methods) {
      assertThat(call(signedClient(), rest(method))).as(method).doesNotContain("code=\"112\"");
    }
  }
}
