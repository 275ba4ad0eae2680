package dev.oksign.flickr;

import static dev.oksign.flickr.Fixtures.ALICE;
import static dev.oksign.flickr.Fixtures.KEY;
import static dev.oksign.flickr.Fixtures.NONCE;
import static dev.oksign.flickr.Fixtures.REST;
import static dev.oksign.flickr.Fixtures.TIMESTAMP;
import static dev.oksign.flickr.Fixtures.TOKEN;
import static dev.oksign.flickr.Fixtures.authorization;
import static dev.oksign.flickr.Fixtures.ok;
import static dev.oksign.flickr.Fixtures.p;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oksign.OAuth1Interceptor;
import dev.oksign.OAuth1Signer;
import dev.oksign.SigningException;
import dev.oksign.Token;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * The exact request each service method sends: request line (absolute form, through the server as a
 * proxy), every parameter, and the Authorization header, whose signature is computed here from a
 * base string written out by hand.
 */
class FlickrWireTest {
  @StartStop MockWebServer server = new MockWebServer();

  private static List<Map.Entry<String, String>> oauth(Token token) {
    List<Map.Entry<String, String>> list = new ArrayList<>();
    list.add(p("oauth_consumer_key", KEY));
    list.add(p("oauth_nonce", NONCE));
    list.add(p("oauth_signature_method", "HMAC-SHA1"));
    list.add(p("oauth_timestamp", Long.toString(TIMESTAMP)));
    if (token != null) list.add(p("oauth_token", token.value()));
    list.add(p("oauth_version", "1.0"));
    return list;
  }

  @SafeVarargs
  private static List<Map.Entry<String, String>> sorted(
      List<Map.Entry<String, String>> before, Token token, Map.Entry<String, String>... after) {
    List<Map.Entry<String, String>> all = new ArrayList<>(before);
    all.addAll(oauth(token));
    all.addAll(List.of(after));
    return all;
  }

  private RecordedRequest only() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, SECONDS);
    assertThat(request).isNotNull();
    assertThat(server.getRequestCount()).isEqualTo(1);
    return request;
  }

  @Test
  void testLoginIsSignedWithTheAccessToken() throws Exception {
    server.enqueue(ok("test.login.json"));
    Flickr flickr = Fixtures.viaProxy(server).token(TOKEN).build();

    User user = flickr.test().login().execute().body();

    RecordedRequest request = only();
    assertThat(request.getRequestLine())
        .isEqualTo(
            "GET http://api.flickr.com/services/rest/?method=flickr.test.login&format=json&nojsoncallback=1"
                + " HTTP/1.1");
    // The base string in full, once, as RFC 5849 §3.4.1 builds it.
    String base =
        "GET&http%3A%2F%2Fapi.flickr.com%2Fservices%2Frest%2F&format%3Djson%26method%3Dflickr.test.login"
            + "%26nojsoncallback%3D1%26oauth_consumer_key%3D653e7a6ecc1d528c516cc8f92cf98611"
            + "%26oauth_nonce%3Dp2m2bnHdXVIsQH0FUv0oXBzg%26oauth_signature_method%3DHMAC-SHA1"
            + "%26oauth_timestamp%3D1305586162%26oauth_token%3D72157626318069415-087bfc7b5816092c"
            + "%26oauth_version%3D1.0";
    String signature = Fixtures.hmacSha1(base, "3a1fc6d8d2cc4b8e&a202d1f853ec69de");
    assertThat(request.getHeaders().get("Authorization"))
        .isEqualTo(
            "OAuth oauth_consumer_key=\"653e7a6ecc1d528c516cc8f92cf98611\","
                + " oauth_nonce=\"p2m2bnHdXVIsQH0FUv0oXBzg\", oauth_signature=\""
                + Fixtures.enc(signature)
                + "\", oauth_signature_method=\"HMAC-SHA1\", oauth_timestamp=\"1305586162\","
                + " oauth_token=\"72157626318069415-087bfc7b5816092c\", oauth_version=\"1.0\"");
    assertThat(request.getUrl().queryParameter("api_key")).isNull();
    assertThat(user).isEqualTo(new User("12037949754@N01", "Bees"));
  }

  @Test
  void photosSearchSendsEveryTypedParameter() throws Exception {
    server.enqueue(ok("photos.search.json"));
    Flickr flickr = Fixtures.viaProxy(server).token(TOKEN).build();
    SearchQuery query =
        SearchQuery.builder()
            .text("harbour seal")
            .tags("seal", "wildlife")
            .tagMode(SearchQuery.TagMode.ALL)
            .userId("43866431@N00")
            .minUploadDate(Instant.parse("2023-01-01T00:00:00Z"))
            .maxUploadDate(Instant.parse("2024-01-01T00:00:00Z"))
            .minTakenDate(LocalDateTime.parse("2022-06-01T08:30:00"))
            .maxTakenDate(LocalDateTime.parse("2023-06-01T18:00:00"))
            .sort(SearchQuery.Sort.INTERESTINGNESS_DESC)
            .bbox(-2.5, 53.1, -1.0, 55.75)
            .safeSearch(SearchQuery.SafeSearch.SAFE)
            .contentType(SearchQuery.ContentType.PHOTOS)
            .media(SearchQuery.Media.PHOTOS)
            .extras(Extras.of(Extra.URL_M, Extra.DATE_UPLOAD))
            .page(2)
            .perPage(50)
            .build();

    PhotoPage page = flickr.photos().search(query).execute().body();

    RecordedRequest request = only();
    assertThat(request.getRequestLine())
        .isEqualTo(
            "GET http://api.flickr.com/services/rest/?method=flickr.photos.search&text=harbour%20seal"
                + "&tags=seal%2Cwildlife&tag_mode=all&user_id=43866431%40N00"
                + "&min_upload_date=1672531200&max_upload_date=1704067200"
                + "&min_taken_date=2022-06-01%2008%3A30%3A00&max_taken_date=2023-06-01%2018%3A00%3A00"
                + "&sort=interestingness-desc&bbox=-2.5%2C53.1%2C-1%2C55.75&safe_search=1&content_type=1"
                + "&media=photos&extras=date_upload%2Curl_m&page=2&per_page=50&format=json&nojsoncallback=1"
                + " HTTP/1.1");
    assertThat(request.getHeaders().get("Authorization"))
        .isEqualTo(
            authorization(
                "GET",
                REST,
                sorted(
                    List.of(
                        p("bbox", "-2.5,53.1,-1,55.75"),
                        p("content_type", "1"),
                        p("extras", "date_upload,url_m"),
                        p("format", "json"),
                        p("max_taken_date", "2023-06-01 18:00:00"),
                        p("max_upload_date", "1704067200"),
                        p("media", "photos"),
                        p("method", "flickr.photos.search"),
                        p("min_taken_date", "2022-06-01 08:30:00"),
                        p("min_upload_date", "1672531200"),
                        p("nojsoncallback", "1")),
                    TOKEN,
                    p("page", "2"),
                    p("per_page", "50"),
                    p("safe_search", "1"),
                    p("sort", "interestingness-desc"),
                    p("tag_mode", "all"),
                    p("tags", "seal,wildlife"),
                    p("text", "harbour seal"),
                    p("user_id", "43866431@N00")),
                TOKEN));
    assertThat(page.total()).isEqualTo(50);
    assertThat(page.photos()).extracting(Photo::id).containsExactly("53370254981", "53369012345");
  }

  @Test
  void photosetsGetPhotosSendsItsParametersAndNoNulls() throws Exception {
    server.enqueue(ok("photosets.getPhotos.json"));
    Flickr flickr = Fixtures.viaProxy(server).token(TOKEN).build();

    PhotosetPage set =
        flickr
            .photosets()
            .getPhotos("72157624618609504", Extras.of(Extra.URL_M), 2, 500)
            .execute()
            .body();

    RecordedRequest request = only();
    assertThat(request.getRequestLine())
        .isEqualTo(
            "GET http://api.flickr.com/services/rest/?method=flickr.photosets.getPhotos"
                + "&photoset_id=72157624618609504&extras=url_m&page=2&per_page=500&format=json&nojsoncallback=1"
                + " HTTP/1.1");
    assertThat(request.getHeaders().get("Authorization"))
        .isEqualTo(
            authorization(
                "GET",
                REST,
                sorted(
                    List.of(
                        p("extras", "url_m"),
                        p("format", "json"),
                        p("method", "flickr.photosets.getPhotos"),
                        p("nojsoncallback", "1")),
                    TOKEN,
                    p("page", "2"),
                    p("per_page", "500"),
                    p("photoset_id", "72157624618609504")),
                TOKEN));
    assertThat(set.title()).isEqualTo("Brighton");
  }

  @Test
  void photosetsGetListSendsUserAndPaging() throws Exception {
    server.enqueue(ok("photosets.getList.json"));
    Flickr flickr = Fixtures.viaProxy(server).token(TOKEN).build();

    PhotosetList list = flickr.photosets().getList("47058503995@N01", 1, 10).execute().body();

    RecordedRequest request = only();
    assertThat(request.getRequestLine())
        .isEqualTo(
            "GET http://api.flickr.com/services/rest/?method=flickr.photosets.getList&user_id=47058503995%40N01&page=1&per_page=10&format=json&nojsoncallback=1"
                + " HTTP/1.1");
    assertThat(request.getHeaders().get("Authorization"))
        .isEqualTo(
            authorization(
                "GET",
                REST,
                sorted(
                    List.of(
                        p("format", "json"),
                        p("method", "flickr.photosets.getList"),
                        p("nojsoncallback", "1")),
                    TOKEN,
                    p("page", "1"),
                    p("per_page", "10"),
                    p("user_id", "47058503995@N01")),
                TOKEN));
    assertThat(list.photosets()).hasSize(2);
  }

  @Test
  void peopleGetPhotosSendsExtrasCommaSeparated() throws Exception {
    server.enqueue(ok("people.getPhotos.json"));
    Flickr flickr = Fixtures.viaProxy(server).token(TOKEN).build();

    flickr
        .people()
        .getPhotos("me", Extras.of(Extra.OWNER_NAME, Extra.DATE_TAKEN), null, null)
        .execute();

    RecordedRequest request = only();
    assertThat(request.getRequestLine())
        .isEqualTo(
            "GET http://api.flickr.com/services/rest/?method=flickr.people.getPhotos&user_id=me"
                + "&extras=date_taken%2Cowner_name&format=json&nojsoncallback=1 HTTP/1.1");
    assertThat(request.getHeaders().get("Authorization"))
        .isEqualTo(
            authorization(
                "GET",
                REST,
                sorted(
                    List.of(
                        p("extras", "date_taken,owner_name"),
                        p("format", "json"),
                        p("method", "flickr.people.getPhotos"),
                        p("nojsoncallback", "1")),
                    TOKEN,
                    p("user_id", "me")),
                TOKEN));
  }

  @Test
  void checkTokenWithAPerCallTokenIsSignedWithThatToken() throws Exception {
    server.enqueue(ok("auth.oauth.checkToken.json"));
    Flickr flickr = Fixtures.viaProxy(server).token(TOKEN).build();

    TokenCheck check = flickr.auth().checkToken(ALICE).execute().body();

    RecordedRequest request = only();
    assertThat(request.getRequestLine())
        .isEqualTo(
            "GET http://api.flickr.com/services/rest/?method=flickr.auth.oauth.checkToken&format=json&nojsoncallback=1"
                + " HTTP/1.1");
    assertThat(request.getHeaders().get("Authorization"))
        .isEqualTo(
            authorization(
                "GET",
                REST,
                sorted(
                    List.of(
                        p("format", "json"),
                        p("method", "flickr.auth.oauth.checkToken"),
                        p("nojsoncallback", "1")),
                    ALICE),
                ALICE));
    assertThat(check)
        .isEqualTo(
            new TokenCheck(
                "72157626318069415-087bfc7b5816092c",
                Perms.WRITE,
                "47058503995@N01",
                "George",
                "George Oates"));
  }

  @Test
  void checkUploadTicketsSendsTheIdsCommaSeparatedAndReadsEveryState() throws Exception {
    server.enqueue(ok("photos.upload.checkTickets.json"));
    Flickr flickr = Fixtures.viaProxy(server).token(TOKEN).build();

    List<UploadTicket> tickets =
        flickr.photos().checkUploadTickets(List.of("128", "129", "130", "131")).execute().body();

    RecordedRequest request = only();
    assertThat(request.getRequestLine())
        .isEqualTo(
            "GET http://api.flickr.com/services/rest/?method=flickr.photos.upload.checkTickets"
                + "&tickets=128%2C129%2C130%2C131&format=json&nojsoncallback=1 HTTP/1.1");
    assertThat(request.getHeaders().get("Authorization"))
        .isEqualTo(
            authorization(
                "GET",
                REST,
                sorted(
                    List.of(
                        p("format", "json"),
                        p("method", "flickr.photos.upload.checkTickets"),
                        p("nojsoncallback", "1")),
                    TOKEN,
                    p("tickets", "128,129,130,131")),
                TOKEN));
    assertThat(tickets)
        .containsExactly(
            new UploadTicket("128", UploadTicket.Status.COMPLETE, "2995"),
            new UploadTicket("129", UploadTicket.Status.PENDING, null),
            new UploadTicket("130", UploadTicket.Status.FAILED, null),
            new UploadTicket("131", UploadTicket.Status.INVALID, null));
  }

  @Test
  void checkUploadTicketsNeedsAnId() {
    Flickr flickr = Fixtures.viaProxy(server).token(TOKEN).build();
    assertThatThrownBy(() -> flickr.photos().checkUploadTickets(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no ticket ids to check");
  }

  @Test
  void withTokenViewSignsWithItsToken() throws Exception {
    server.enqueue(ok("test.login.json"));
    Flickr anonymous = Fixtures.viaProxy(server).build();

    Flickr alice = anonymous.withToken(ALICE);
    alice.test().login().execute();

    RecordedRequest request = only();
    assertThat(request.getHeaders().get("Authorization"))
        .isEqualTo(
            authorization(
                "GET",
                REST,
                sorted(
                    List.of(
                        p("format", "json"),
                        p("method", "flickr.test.login"),
                        p("nojsoncallback", "1")),
                    ALICE),
                ALICE));
    assertThat(alice.token()).isEqualTo(ALICE);
    assertThat(alice.signer().token()).isEqualTo(ALICE);
    assertThat(anonymous.signer().token()).isNull();
  }

  @Test
  void callWithoutAnyTokenIsUnsignedWithApiKeyOnly() throws Exception {
    server.enqueue(ok("people.getPhotos.json"));
    Flickr flickr = Fixtures.viaProxy(server).build();

    flickr.people().getPhotos("47058503995@N01").execute();

    RecordedRequest request = only();
    assertThat(request.getRequestLine())
        .isEqualTo(
            "GET http://api.flickr.com/services/rest/?method=flickr.people.getPhotos&user_id=47058503995%40N01&format=json&nojsoncallback=1&api_key=653e7a6ecc1d528c516cc8f92cf98611"
                + " HTTP/1.1");
    assertThat(request.getHeaders().get("Authorization")).isNull();
  }

  @Test
  void conventionsOverrideWhatACallerPutInTheirPlace() throws Exception {
    server.enqueue(ok("photos.search.json"));
    Flickr flickr = Fixtures.viaProxy(server).token(TOKEN).build();

    flickr
        .photos()
        .search(Map.of("format", "xml", "api_key", "other", "method", "flickr.evil"))
        .execute();

    assertThat(only().getRequestLine())
        .isEqualTo(
            "GET http://api.flickr.com/services/rest/?method=flickr.photos.search&format=json&nojsoncallback=1"
                + " HTTP/1.1");
  }

  @Test
  void clientSignsOnlyTheConfiguredHostsAndSchemes() throws Exception {
    server.enqueue(new MockResponse.Builder().body("elsewhere").build());
    server.enqueue(new MockResponse.Builder().body("rest").build());
    Flickr flickr = Fixtures.viaProxy(server).token(TOKEN).build();
    OkHttpClient client = flickr.client();

    try (Response r =
        client
            .newCall(new Request.Builder().url("http://example.com/services/rest/").build())
            .execute()) {
      assertThat(r.body().string()).isEqualTo("elsewhere");
    }
    // The upload host is configured as https: over plain http it is refused, not sent unsigned.
    assertThatThrownBy(
            () ->
                client
                    .newCall(
                        new Request.Builder().url("http://up.flickr.com/services/upload/").build())
                    .execute())
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("up.flickr.com")
        .hasMessageContaining("plain http");
    try (Response r =
        client
            .newCall(new Request.Builder().url("http://api.flickr.com/services/rest/?x=1").build())
            .execute()) {
      assertThat(r.body().string()).isEqualTo("rest");
    }

    assertThat(server.takeRequest(5, SECONDS).getHeaders().get("Authorization")).isNull();
    assertThat(server.takeRequest(5, SECONDS).getHeaders().get("Authorization"))
        .isEqualTo(authorization("GET", REST, sorted(List.of(), TOKEN, p("x", "1")), TOKEN));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void extendsTheUsersClientWithoutChangingIt() throws Exception {
    server.enqueue(ok("test.login.json"));
    OkHttpClient users =
        new OkHttpClient.Builder()
            .proxy(server.getProxyAddress())
            .addInterceptor(
                chain ->
                    chain.proceed(
                        chain.request().newBuilder().header("X-App", "photos/1.0").build()))
            .build();
    Flickr flickr = Fixtures.viaProxy(server).client(users).token(TOKEN).build();

    flickr.test().login().execute();

    assertThat(only().getHeaders().get("X-App")).isEqualTo("photos/1.0");
    assertThat(users.interceptors()).hasSize(1);
    assertThat(users.networkInterceptors()).isEmpty();
    assertThat(flickr.client().connectionPool()).isSameAs(users.connectionPool());
  }

  @Test
  void anOAuth1InterceptorForFlickrInTheUsersClientDoesNotSignTwice() throws Exception {
    server.enqueue(ok("test.login.json"));
    OAuth1Signer other = OAuth1Signer.builder().clientCredentials("other", "othersecret").build();
    OAuth1Interceptor elsewhere = OAuth1Interceptor.builder(other).host("api.example.com").build();
    OkHttpClient users =
        new OkHttpClient.Builder()
            .proxy(server.getProxyAddress())
            .addNetworkInterceptor(
                OAuth1Interceptor.builder(other).host("api.flickr.com").allowHttp(true).build())
            .addNetworkInterceptor(elsewhere)
            .build();
    Flickr flickr = Fixtures.viaProxy(server).client(users).token(TOKEN).build();

    flickr.test().login().execute();

    assertThat(only().getHeaders().get("Authorization"))
        .isEqualTo(
            authorization(
                "GET",
                REST,
                sorted(
                    List.of(
                        p("format", "json"),
                        p("method", "flickr.test.login"),
                        p("nojsoncallback", "1")),
                    TOKEN),
                TOKEN));
    assertThat(flickr.client().networkInterceptors()).contains(elsewhere);
    assertThat(users.networkInterceptors()).hasSize(2);
  }
}
