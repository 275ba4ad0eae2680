package dev.oksign.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flickr4java.flickr.Flickr;
import com.flickr4java.flickr.FlickrException;
import com.flickr4java.flickr.REST;
import com.flickr4java.flickr.RequestContext;
import com.flickr4java.flickr.auth.Auth;
import com.flickr4java.flickr.auth.Permission;
import com.flickr4java.flickr.people.User;
import com.flickr4java.flickr.photos.Photo;
import com.flickr4java.flickr.photos.PhotoList;
import com.flickr4java.flickr.photos.SearchParameters;
import com.flickr4java.flickr.photosets.Photoset;
import com.flickr4java.flickr.uploader.UploadMetaData;
import com.flickr4java.flickr.uploader.Uploader;
import com.flickr4java.flickr.uploader.UploaderResponse;
import com.github.scribejava.apis.FlickrApi;
import com.github.scribejava.core.builder.ServiceBuilder;
import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuth1RequestToken;
import com.github.scribejava.core.oauth.OAuth10aService;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * flickr4java 3.0.9, a Flickr client this project did not write (XML REST, signed by ScribeJava),
 * against {@code fake-flickr} running in another JVM. Only base URLs differ from a setup for
 * Flickr: the REST and upload transports get the fake's host, port and {@code http}; the token
 * flow, which flickr4java runs through ScribeJava's fixed {@link FlickrApi} endpoints, runs through
 * the same ScribeJava calls with a {@code FlickrApi} whose three endpoints name the fake.
 */
class Flickr4JavaFidelityTest {
  static final String PHOTOSET_1234 = "72157600000001234";
  static final String DEMO_NSID = "71234567@N00";

  static FakeFlickrProcess fake;
  static Map<String, String> printed;
  static String hostPort;

  @BeforeAll
  static void startFakeFlickr() throws Exception {
    fake = new FakeFlickrProcess();
    printed = fake.printed;
    URL rest = new URL(printed.get("rest_url"));
    hostPort = rest.getHost() + ":" + rest.getPort();
  }

  @AfterAll
  static void stopFakeFlickr() throws Exception {
    if (fake != null) fake.close();
  }

  @AfterEach
  void forgetAuth() {
    RequestContext.getRequestContext().setAuth(null);
  }

  /** flickr4java's REST transport, on the fake: host and port, and http. */
  static REST transport() {
    REST rest = new REST(hostPort);
    rest.setScheme("http");
    rest.setPort(0); // the port is in the host: buildUrl ignores the port, getNonOAuth appends it
    return rest;
  }

  static Flickr flickr(String secret) {
    return new Flickr(printed.get("consumer_key"), secret, transport());
  }

  static Flickr flickr() {
    return flickr(printed.get("consumer_secret"));
  }

  static void signIn(String token, String secret, Permission permission) {
    Auth auth = new Auth();
    auth.setToken(token);
    auth.setTokenSecret(secret);
    auth.setPermission(permission);
    RequestContext.getRequestContext().setAuth(auth);
  }

  static void signInWithPrintedToken() {
    signIn(printed.get("access_token"), printed.get("access_token_secret"), Permission.WRITE);
  }

  /** ScribeJava's FlickrApi with its three endpoints on the fake. */
  static final class FakeFlickrApi extends FlickrApi {
    @Override
    public String getRequestTokenEndpoint() {
      return printed.get("oauth_url") + "request_token";
    }

    @Override
    public String getAuthorizationBaseUrl() {
      return printed.get("oauth_url") + "authorize";
    }

    @Override
    public String getAccessTokenEndpoint() {
      return printed.get("oauth_url") + "access_token";
    }
  }

  @Test
  void runsTheOutOfBandTokenFlowThenChecksTheTokenAndLogsIn() throws Exception {
    // What flickr4java's AuthInterface does, call for call, on the fake's endpoints.
    OAuth10aService service =
        new ServiceBuilder(printed.get("consumer_key"))
            .apiSecret(printed.get("consumer_secret"))
            .callback("oob")
            .build(new FakeFlickrApi());
    OAuth1RequestToken requestToken = service.getRequestToken();
    String authorizationUrl =
        service.getAuthorizationUrl(requestToken) + "&perms=" + Permission.WRITE;
    String page = get(authorizationUrl);
    Matcher verifier = Pattern.compile("<span id=\"Verifier\">([0-9-]+)</span>").matcher(page);
    assertThat(verifier.find()).as(page).isTrue();
    OAuth1AccessToken accessToken = service.getAccessToken(requestToken, verifier.group(1));
    // ScribeJava returns the raw form value: "@" percent-encoded, as in the access token answer
    // of Flickr's OAuth documentation (user_nsid=21207597%40N07).
    assertThat(accessToken.getParameter("user_nsid")).isEqualTo("71234567%40N00");

    Flickr flickr = flickr();
    Auth checked =
        flickr.getAuthInterface().checkToken(accessToken.getToken(), accessToken.getTokenSecret());
    assertThat(checked.getPermission()).isEqualTo(Permission.WRITE);
    assertThat(checked.getUser().getId()).isEqualTo(DEMO_NSID);

    signIn(accessToken.getToken(), accessToken.getTokenSecret(), Permission.WRITE);
    User user = flickr.getTestInterface().login();
    assertThat(user.getId()).isEqualTo(DEMO_NSID);
    assertThat(user.getUsername()).isEqualTo("oksign-demo");
  }

  @Test
  void logsInWithThePrintedToken() throws Exception {
    signInWithPrintedToken();
    assertThat(flickr().getTestInterface().login().getId()).isEqualTo(DEMO_NSID);
  }

  @Test
  void walksTheWholePhotoset() throws Exception {
    signInWithPrintedToken();
    Flickr flickr = flickr();
    Photoset info = flickr.getPhotosetsInterface().getInfo(PHOTOSET_1234);
    assertThat(info.getPhotoCount()).isEqualTo(1234);
    Set<String> ids = new LinkedHashSet<>();
    int pages = 1;
    for (int page = 1; page <= pages; page++) {
      PhotoList<Photo> photos = flickr.getPhotosetsInterface().getPhotos(PHOTOSET_1234, 500, page);
      pages = photos.getPages();
      assertThat(photos.getTotal()).isEqualTo(1234);
      for (Photo photo : photos) ids.add(photo.getId());
    }
    assertThat(pages).isEqualTo(3);
    assertThat(ids).hasSize(1234);
  }

  @Test
  void searchesToTheCap() throws Exception {
    Flickr flickr = flickr();
    SearchParameters params = new SearchParameters();
    params.setTags(new String[] {"oksign"});
    Set<String> ids = new LinkedHashSet<>();
    List<Integer> sizes = new ArrayList<>();
    PhotoList<Photo> first = flickr.getPhotosInterface().search(params, 500, 1);
    int pages = first.getPages();
    for (int page = 1; page <= pages; page++) {
      PhotoList<Photo> photos =
          page == 1 ? first : flickr.getPhotosInterface().search(params, 500, page);
      sizes.add(photos.size());
      for (Photo photo : photos) ids.add(photo.getId());
    }
    assertThat(first.getTotal()).isEqualTo(6000);
    assertThat(pages).isEqualTo(12);
    assertThat(ids).hasSize(4000); // pages past the cap repeat the last page within it
  }

  @Test
  void reportsAnUnknownPhotosetAsCode1() {
    signInWithPrintedToken();
    assertThatThrownBy(() -> flickr().getPhotosetsInterface().getPhotos("404", 500, 1))
        .isInstanceOfSatisfying(
            FlickrException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo("1");
              assertThat(e.getErrorMessage()).isEqualTo("Photoset not found");
            });
  }

  @Test
  void uploadsAndReplacesAPhoto() throws Exception {
    signInWithPrintedToken();
    REST upload = transport();
    upload.setResponseClass(UploaderResponse.class); // as Uploader(apiKey, secret) does
    Uploader uploader =
        new Uploader(printed.get("consumer_key"), printed.get("consumer_secret"), upload);
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
    UploadMetaData metaData = new UploadMetaData();
    metaData.setTitle("Harbour at dawn");
    metaData.setTags(List.of("sea", "boats"));
    metaData.setFilename("harbour.jpg");
    String photoId = uploader.upload(jpeg, metaData);
    assertThat(photoId).matches("\\d+");
    String replaced = uploader.replace(jpeg, photoId, false);
    assertThat(replaced).isEqualTo(photoId);
  }

  @Test
  void refusesAWrongSecretAsASignatureFailure() {
    signInWithPrintedToken();
    // flickr4java reports any non-2xx answer as its own code 105 with the HTTP status: 401 is
    // the fake's oauth_problem=signature_invalid (a format error would be HTTP 200 with code
    // 111, a placement error HTTP 400).
    assertThatThrownBy(() -> flickr("not-the-secret").getTestInterface().login())
        .isInstanceOfSatisfying(
            FlickrException.class, e -> assertThat(e.getErrorMessage()).contains("status 401"));
  }

  static String get(String url) throws Exception {
    HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
    try (InputStream in = connection.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
