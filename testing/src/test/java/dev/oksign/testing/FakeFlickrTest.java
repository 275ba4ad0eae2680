package dev.oksign.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oksign.ClientCredentials;
import dev.oksign.OAuth1Signer;
import dev.oksign.SigningOptions;
import dev.oksign.Token;
import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeFlickrTest {
  // The mission's Flickr vector: GET http://www.flickr.com/services/oauth/request_token.
  static final ClientCredentials VECTOR_CREDENTIALS =
      new ClientCredentials("768fe946d252b119746fda82e1599980", "1a3c208e172d3edc");
  static final Instant VECTOR_TIME = Instant.ofEpochSecond(1316657628L);
  static final String VECTOR_NONCE = "C2F26CD5C075BA9050AD8EE90644CF29";
  static final String VECTOR_CALLBACK = "http://www.wackylabs.net/oauth/test";
  static final String VECTOR_BASE_STRING =
      "GET&http%3A%2F%2Fwww.flickr.com%2Fservices%2Foauth%2Frequest_token&oauth_callback%3Dhttp%253A%252F%252Fwww.wackylabs.net%252Foauth%252Ftest%26oauth_consumer_key%3D768fe946d252b119746fda82e1599980%26oauth_nonce%3DC2F26CD5C075BA9050AD8EE90644CF29%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1316657628%26oauth_version%3D1.0";

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

  /** A client that reaches the fake as a proxy, so that URLs (and base strings) stay fixed. */
  OkHttpClient viaProxy(OAuth1Signer signer) {
    return new OkHttpClient.Builder()
        .proxy(
            new java.net.Proxy(
                java.net.Proxy.Type.HTTP,
                new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), fake.port())))
        .addNetworkInterceptor(rawSigning(signer))
        .build();
  }

  OkHttpClient direct(OAuth1Signer signer) {
    return new OkHttpClient.Builder()
        .followRedirects(false)
        .addNetworkInterceptor(rawSigning(signer))
        .build();
  }

  /**
   * Signs every request and passes the answer through untouched, refusals included, so that the
   * tests see the fake's exact bytes (OAuth1Interceptor would turn a refusal into an exception).
   */
  static Interceptor rawSigning(OAuth1Signer signer) {
    return chain -> chain.proceed(signer.sign(chain.request()));
  }

  static OAuth1Signer vectorSigner(String secret) {
    return OAuth1Signer.builder()
        .clientCredentials(VECTOR_CREDENTIALS.key(), secret)
        .clock(Clock.fixed(VECTOR_TIME, ZoneOffset.UTC))
        .nonces(() -> VECTOR_NONCE)
        .build();
  }

  static Request vectorRequest() {
    return new Request.Builder()
        .url("http://www.flickr.com/services/oauth/request_token")
        .tag(SigningOptions.class, SigningOptions.builder().callback(VECTOR_CALLBACK).build())
        .build();
  }

  static String call(OkHttpClient client, Request request) throws IOException {
    try (Response response = client.newCall(request).execute()) {
      return response.code() + " " + response.body().string();
    }
  }

  @Test
  void acceptsTheFlickrVectorRequest() throws Exception {
    start(
        FakeFlickr.builder()
            .clientCredentials(VECTOR_CREDENTIALS)
            .clock(Clock.fixed(VECTOR_TIME, ZoneOffset.UTC)));
    String answer = call(viaProxy(vectorSigner(VECTOR_CREDENTIALS.secret())), vectorRequest());
    assertThat(answer)
        .matches(
            "200 oauth_callback_confirmed=true&oauth_token=\\d{17}-[0-9a-f]{16}"
                + "&oauth_token_secret=[0-9a-f]{16}");
    assertThat(fake.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization"))
        .isEqualTo(
            "OAuth oauth_callback=\"http%3A%2F%2Fwww.wackylabs.net%2Foauth%2Ftest\", "
                + "oauth_consumer_key=\"768fe946d252b119746fda82e1599980\", "
                + "oauth_nonce=\"C2F26CD5C075BA9050AD8EE90644CF29\", "
                + "oauth_signature=\"0fhNGlzpFNAsTme%2FhDfUb5HPB5U%3D\", "
                + "oauth_signature_method=\"HMAC-SHA1\", "
                + "oauth_timestamp=\"1316657628\", oauth_version=\"1.0\"");
  }

  @Test
  void refusesTheWrongSecretWithFlickrsDebugBaseString() throws Exception {
    start(
        FakeFlickr.builder()
            .clientCredentials(VECTOR_CREDENTIALS)
            .clock(Clock.fixed(VECTOR_TIME, ZoneOffset.UTC)));
    String answer = call(viaProxy(vectorSigner("not-the-secret")), vectorRequest());
    assertThat(answer)
        .isEqualTo("401 oauth_problem=signature_invalid&debug_sbs=" + VECTOR_BASE_STRING);
  }

  @Test
  void refusesAStaleTimestamp() throws Exception {
    start(
        FakeFlickr.builder()
            .clientCredentials(VECTOR_CREDENTIALS)
            .clock(Clock.fixed(VECTOR_TIME.plusSeconds(3600), ZoneOffset.UTC)));
    String answer = call(viaProxy(vectorSigner(VECTOR_CREDENTIALS.secret())), vectorRequest());
    assertThat(answer)
        .isEqualTo(
            "401 oauth_problem=timestamp_refused&oauth_acceptable_timestamps=1316660928-1316661528"
                + "&debug_sbs="
                + VECTOR_BASE_STRING);
  }

  @Test
  void refusesAReplayedNonce() throws Exception {
    start(
        FakeFlickr.builder()
            .clientCredentials(VECTOR_CREDENTIALS)
            .clock(Clock.fixed(VECTOR_TIME, ZoneOffset.UTC)));
    OkHttpClient client = viaProxy(vectorSigner(VECTOR_CREDENTIALS.secret()));
    assertThat(call(client, vectorRequest())).startsWith("200 oauth_callback_confirmed=true&");
    assertThat(call(client, vectorRequest()))
        .isEqualTo("401 oauth_problem=nonce_used&debug_sbs=" + VECTOR_BASE_STRING);
  }

  @Test
  void refusesAnUnknownConsumerKey() throws Exception {
    start(FakeFlickr.builder().clock(Clock.fixed(VECTOR_TIME, ZoneOffset.UTC)));
    String answer = call(viaProxy(vectorSigner(VECTOR_CREDENTIALS.secret())), vectorRequest());
    assertThat(answer)
        .isEqualTo("401 oauth_problem=consumer_key_unknown&debug_sbs=" + VECTOR_BASE_STRING);
  }

  @Test
  void runsTheOutOfBandFlowAndAnswersAsTheAuthorizingUser() throws Exception {
    start(FakeFlickr.builder());
    OAuth1Signer signer =
        OAuth1Signer.builder().clientCredentials(fake.clientCredentials()).build();
    OkHttpClient client = direct(signer);

    Request tokenRequest =
        new Request.Builder()
            .url(fake.requestTokenUrl())
            .tag(SigningOptions.class, SigningOptions.builder().callback("oob").build())
            .build();
    String requestTokenBody = call(client, tokenRequest).substring(4);
    HttpUrl parsed = HttpUrl.get("http://x/?" + requestTokenBody);
    Token requestToken =
        new Token(
            parsed.queryParameter("oauth_token"), parsed.queryParameter("oauth_token_secret"));

    // The authorize page is visited by the user's browser, unsigned.
    String page =
        call(
            new OkHttpClient(),
            new Request.Builder()
                .url(
                    fake.authorizationUrl()
                        .newBuilder()
                        .addQueryParameter("oauth_token", requestToken.value())
                        .addQueryParameter("perms", "write")
                        .build())
                .build());
    Matcher code = Pattern.compile("\\d{3}-\\d{3}-\\d{3}").matcher(page);
    assertThat(page).startsWith("200 ");
    assertThat(code.find()).isTrue();

    Request accessRequest =
        new Request.Builder()
            .url(fake.accessTokenUrl())
            .tag(
                SigningOptions.class,
                SigningOptions.builder().token(requestToken).verifier(code.group()).build())
            .build();
    String accessBody = call(client, accessRequest);
    assertThat(accessBody)
        .matches(
            "200 fullname=Ada%20Demo&oauth_token=\\d{17}-[0-9a-f]{16}"
                + "&oauth_token_secret=[0-9a-f]{16}&user_nsid=71234567%40N00"
                + "&username=oksign-demo");
    HttpUrl access = HttpUrl.get("http://x/?" + accessBody.substring(4));
    Token accessToken =
        new Token(
            access.queryParameter("oauth_token"), access.queryParameter("oauth_token_secret"));

    // The request token is spent.
    assertThat(call(client, accessRequest))
        .startsWith(
            "401 oauth_problem=token_rejected&debug_sbs=GET&http%3A%2F%2F127.0.0.1%3A"
                + fake.port()
                + "%2Fservices%2Foauth%2Faccess_token&");

    String checked =
        call(
            client,
            new Request.Builder()
                .url(rest("flickr.auth.oauth.checkToken"))
                .tag(Token.class, accessToken)
                .build());
    assertThat(checked)
        .isEqualTo(
            "200 {\"oauth\":{\"token\":{\"_content\":\""
                + accessToken.value()
                + "\"},\"perms\":{\"_content\":\"write\"},\"user\":{\"nsid\":\"71234567@N00\","
                + "\"username\":\"oksign-demo\",\"fullname\":\"Ada Demo\"}},\"stat\":\"ok\"}");
  }

  @Test
  void redirectsToTheCallbackWithTokenAndVerifier() throws Exception {
    start(FakeFlickr.builder());
    OkHttpClient client =
        direct(OAuth1Signer.builder().clientCredentials(fake.clientCredentials()).build());
    String body =
        call(
            client,
            new Request.Builder()
                .url(fake.requestTokenUrl())
                .tag(
                    SigningOptions.class,
                    SigningOptions.builder().callback("http://localhost:8080/done?x=1").build())
                .build());
    String token = HttpUrl.get("http://x/?" + body.substring(4)).queryParameter("oauth_token");
    OkHttpClient browser = new OkHttpClient.Builder().followRedirects(false).build();
    try (Response response =
        browser
            .newCall(
                new Request.Builder()
                    .url(fake.authorizationUrl() + "?oauth_token=" + token)
                    .build())
            .execute()) {
      assertThat(response.code()).isEqualTo(302);
      HttpUrl location = HttpUrl.get(response.header("Location"));
      assertThat(location.host()).isEqualTo("localhost");
      assertThat(location.encodedPath()).isEqualTo("/done");
      assertThat(location.queryParameter("x")).isEqualTo("1");
      assertThat(location.queryParameter("oauth_token")).isEqualTo(token);
      assertThat(location.queryParameter("oauth_verifier")).matches("[0-9a-f]{16}");
    }
  }

  HttpUrl rest(String method) {
    return fake.restBaseUrl()
        .newBuilder()
        .addQueryParameter("method", method)
        .addQueryParameter("format", "json")
        .addQueryParameter("nojsoncallback", "1")
        .build();
  }

  OkHttpClient signedClient() {
    return direct(
        OAuth1Signer.builder()
            .clientCredentials(fake.clientCredentials())
            .token(fake.issueAccessToken())
            .build());
  }

  @Test
  void pagesAPhotosetInFlickrsShape() throws Exception {
    start(FakeFlickr.builder());
    HttpUrl url =
        rest("flickr.photosets.getPhotos")
            .newBuilder()
            .addQueryParameter("photoset_id", FakeFlickrData.PHOTOSET_1234_ID)
            .addQueryParameter("page", "3")
            .addQueryParameter("per_page", "500")
            .build();
    String body = call(signedClient(), new Request.Builder().url(url).build());
    String primary = fake.data().photoset(FakeFlickrData.PHOTOSET_1234_ID).primary();
    assertThat(body)
        .startsWith(
            "200 {\"photoset\":{\"id\":\"72157600000001234\",\"primary\":\""
                + primary
                + "\",\"owner\":\"71234567@N00\",\"ownername\":\"oksign-demo\",\"photo\":[{")
        .endsWith(
            "}],\"page\":3,\"per_page\":\"500\",\"perpage\":\"500\",\"pages\":3,\"title\":\"Twelve"
                + " hundred and thirty-four\",\"total\":\"1234\"},\"stat\":\"ok\"}");
    assertThat(body.split("\"isprimary\"", -1)).hasSize(234 + 1);
    FakeFlickrData.Photo last =
        fake.data().photoset(FakeFlickrData.PHOTOSET_1234_ID).photos().get(1233);
    assertThat(body).contains("{\"id\":\"" + last.id() + "\",\"secret\":\"" + last.secret() + "\"");
  }

  @Test
  void answersPublicCallsWithAnApiKeyAndWrapsJsonWithoutNoJsonCallback() throws Exception {
    start(FakeFlickr.builder());
    OkHttpClient plain = new OkHttpClient();
    HttpUrl url =
        fake.restBaseUrl()
            .newBuilder()
            .addQueryParameter("method", "flickr.photosets.getPhotos")
            .addQueryParameter("api_key", fake.clientCredentials().key())
            .addQueryParameter("photoset_id", FakeFlickrData.EMPTY_PHOTOSET_ID)
            .addQueryParameter("format", "json")
            .build();
    assertThat(call(plain, new Request.Builder().url(url).build()))
        .isEqualTo(
            "200 jsonFlickrApi({\"photoset\":{\"id\":\"72157600000000000\",\"primary\":\"0\","
                + "\"owner\":\"71234567@N00\",\"ownername\":\"oksign-demo\",\"photo\":[],"
                + "\"page\":1,\"per_page\":\"500\",\"perpage\":\"500\",\"pages\":0,"
                + "\"title\":\"Empty\",\"total\":\"0\"},\"stat\":\"ok\"})");
    HttpUrl noKey = url.newBuilder().removeAllQueryParameters("api_key").build();
    assertThat(call(plain, new Request.Builder().url(noKey).build()))
        .isEqualTo(
            "200 jsonFlickrApi({\"stat\":\"fail\",\"code\":100,"
                + "\"message\":\"Invalid API Key (Key has invalid format)\"})");
  }

  @Test
  void answersErrorsAsFlickrDoes() throws Exception {
    start(FakeFlickr.builder());
    OkHttpClient client = signedClient();
    assertThat(
            call(
                client,
                new Request.Builder()
                    .url(
                        rest("flickr.photosets.getPhotos")
                            .newBuilder()
                            .addQueryParameter("photoset_id", "1")
                            .build())
                    .build()))
        .isEqualTo("200 {\"stat\":\"fail\",\"code\":1,\"message\":\"Photoset not found\"}");
    assertThat(call(client, new Request.Builder().url(rest("flickr.photos.delete")).build()))
        .isEqualTo(
            "200 {\"stat\":\"fail\",\"code\":112,\"message\":\"Method \\\"flickr.photos.delete\\\""
                + " not found\"}");
    assertThat(call(client, new Request.Builder().url(rest("flickr.photos.search")).build()))
        .isEqualTo(
            "200 {\"stat\":\"fail\",\"code\":3,\"message\":\"Parameterless searches have been"
                + " disabled. Please use flickr.photos.getRecent instead.\"}");
    OkHttpClient anonymous =
        direct(OAuth1Signer.builder().clientCredentials(fake.clientCredentials()).build());
    assertThat(call(anonymous, new Request.Builder().url(rest("flickr.test.login")).build()))
        .isEqualTo(
            "200 {\"stat\":\"fail\",\"code\":99,\"message\":\"Insufficient permissions. Method"
                + " requires read privileges; none granted.\"}");
  }

  @Test
  void signsPostFormBodiesToo() throws Exception {
    start(FakeFlickr.builder());
    Request request =
        new Request.Builder()
            .url(fake.restBaseUrl())
            .post(
                new FormBody.Builder()
                    .add("method", "flickr.test.login")
                    .add("format", "json")
                    .add("nojsoncallback", "1")
                    .build())
            .build();
    assertThat(call(signedClient(), request))
        .isEqualTo(
            "200 {\"user\":{\"id\":\"71234567@N00\",\"username\":{\"_content\":\"oksign-demo\"},"
                + "\"path_alias\":null},\"stat\":\"ok\"}");
  }

  @Test
  void addsTheExtrasAskedForInFlickrsShapes() throws Exception {
    start(FakeFlickr.builder());
    HttpUrl url =
        rest("flickr.photos.search")
            .newBuilder()
            .addQueryParameter("text", "harbour")
            .addQueryParameter("per_page", "1")
            .addQueryParameter("extras", "description,date_upload,owner_name,tags,url_m,url_sq")
            .build();
    FakeFlickrData.Photo p = fake.data().search("harbour", null, null, null).get(0);
    String owner = fake.data().user(p.owner()).username();
    String image =
        "https:\\/\\/live.staticflickr.com\\/" + p.server() + "\\/" + p.id() + "_" + p.secret();
    assertThat(call(signedClient(), new Request.Builder().url(url).build()))
        .contains(
            "\"photo\":[{\"id\":\""
                + p.id()
                + "\",\"owner\":\""
                + p.owner()
                + "\",\"secret\":\""
                + p.secret()
                + "\",\"server\":\""
                + p.server()
                + "\",\"farm\":66,\"title\":\""
                + p.title()
                + "\",\"ispublic\":1,\"isfriend\":0,\"isfamily\":0,"
                + "\"description\":{\"_content\":\""
                + p.description()
                + "\"},"
                + "\"dateupload\":\""
                + p.dateUpload()
                + "\","
                + "\"ownername\":\""
                + owner
                + "\","
                + "\"tags\":\""
                + String.join(" ", p.tags())
                + "\","
                + "\"url_m\":\""
                + image
                + ".jpg\",\"height_m\":333,\"width_m\":500,"
                + "\"url_sq\":\""
                + image
                + "_s.jpg\",\"height_sq\":75,\"width_sq\":75}]");
  }

  @Test
  void capsSearchesAt4000ResultsAsFlickrDoes() throws Exception {
    start(FakeFlickr.builder());
    OkHttpClient client = signedClient();
    HttpUrl search =
        rest("flickr.photos.search")
            .newBuilder()
            .addQueryParameter("text", FakeFlickrData.CORPUS_TAG)
            .addQueryParameter("per_page", "500")
            .build();
    String page8 =
        call(
            client,
            new Request.Builder()
                .url(search.newBuilder().addQueryParameter("page", "8").build())
                .build());
    String page9 =
        call(
            client,
            new Request.Builder()
                .url(search.newBuilder().addQueryParameter("page", "9").build())
                .build());
    assertThat(page8)
        .startsWith("200 {\"photos\":{\"page\":8,\"pages\":12,\"perpage\":500,\"total\":6000,");
    assertThat(page9)
        .startsWith("200 {\"photos\":{\"page\":9,\"pages\":12,\"perpage\":500,\"total\":6000,");
    assertThat(page9.substring(page9.indexOf("\"photo\":")))
        .isEqualTo(page8.substring(page8.indexOf("\"photo\":")));
  }

  @Test
  void injectsFaultsIntoTheNextRequests() throws Exception {
    start(FakeFlickr.builder());
    OkHttpClient client = signedClient().newBuilder().retryOnConnectionFailure(false).build();
    OkHttpClient impatient = client.newBuilder().readTimeout(Duration.ofMillis(500)).build();
    Request login = new Request.Builder().url(rest("flickr.test.login")).build();

    fake.enqueueFault(Fault.serverError(503));
    fake.enqueueFault(Fault.disconnect());
    fake.enqueueFault(Fault.delay(Duration.ofSeconds(2)));
    assertThat(call(client, login)).startsWith("503 <!DOCTYPE html>");
    assertThatThrownBy(() -> call(client, login)).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> call(impatient, login)).isInstanceOf(SocketTimeoutException.class);
    assertThat(call(client, login)).startsWith("200 {\"user\":{\"id\":\"71234567@N00\"");
    assertThat(fake.requestCount()).isEqualTo(4);
  }

  @Test
  void listensOnLoopbackOnly() throws Exception {
    start(FakeFlickr.builder());
    assertThat(InetAddress.getByName(fake.restBaseUrl().host()).isLoopbackAddress()).isTrue();
    assertThat(fake.restBaseUrl().toString())
        .isEqualTo("http://127.0.0.1:" + fake.port() + "/services/rest/");
    assertThat(fake.oauthBaseUrl().toString())
        .isEqualTo("http://127.0.0.1:" + fake.port() + "/services/oauth/");
  }

  @Test
  void refusesARequestTokenUsedAtTheRestEndpoint() throws Exception {
    start(FakeFlickr.builder());
    OkHttpClient client =
        direct(OAuth1Signer.builder().clientCredentials(fake.clientCredentials()).build());
    String body =
        call(
            client,
            new Request.Builder()
                .url(fake.requestTokenUrl())
                .tag(SigningOptions.class, SigningOptions.builder().callback("oob").build())
                .build());
    HttpUrl parsed = HttpUrl.get("http://x/?" + body.substring(4));
    Token requestToken =
        new Token(
            parsed.queryParameter("oauth_token"), parsed.queryParameter("oauth_token_secret"));
    assertThat(
            call(
                client,
                new Request.Builder()
                    .url(rest("flickr.test.login"))
                    .tag(Token.class, requestToken)
                    .build()))
        .isEqualTo("401 oauth_problem=token_rejected");
  }

  @Test
  void countsRequests() throws Exception {
    start(FakeFlickr.builder());
    OkHttpClient client = signedClient();
    for (int i = 0; i < 3; i++) {
      call(client, new Request.Builder().url(rest("flickr.test.login")).build());
    }
    assertThat(fake.requestCount()).isEqualTo(3);
  }
}
