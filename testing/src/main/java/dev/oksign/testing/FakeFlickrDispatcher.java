package dev.oksign.testing;

import dev.oksign.Verification;
import dev.oksign.testing.internal.Forms;
import dev.oksign.testing.internal.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okio.ByteString;

/** Routes each request to the endpoint it names and answers as Flickr does. */
final class FakeFlickrDispatcher extends Dispatcher {
  private static final String JSON = "application/json; charset=utf-8";
  private static final String JAVASCRIPT = "text/javascript; charset=utf-8";
  private static final String FORM = "text/plain; charset=utf-8";
  private static final String HTML = "text/html; charset=utf-8";
  private static final String XML = "text/xml; charset=utf-8";

  private final FakeFlickr fake;

  FakeFlickrDispatcher(FakeFlickr fake) {
    this.fake = fake;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    Fault fault = fake.faults.poll();
    if (fault != null) {
      switch (fault.kind) {
        case SERVER_ERROR -> {
          return html(
              fault.code,
              "<h1>" + fault.code + "</h1><p>Flickr is having a massage. Please try again.</p>");
        }
        case DISCONNECT -> {
          return new MockResponse.Builder()
              .onResponseStart(new SocketEffect.CloseSocket(true, false, false))
              .build();
        }
        case DELAY -> {
          return route(request)
              .newBuilder()
              .headersDelay(fault.delay.toNanos(), TimeUnit.NANOSECONDS)
              .build();
        }
      }
    }
    return route(request);
  }

  private MockResponse route(RecordedRequest request) {
    try {
      String path = request.getUrl().encodedPath();
      return switch (path) {
        case "/services/oauth/request_token" -> requestToken(request);
        case "/services/oauth/authorize" -> authorize(request);
        case "/services/oauth/access_token" -> accessToken(request);
        case "/services/rest/", "/services/rest" -> rest(request);
        case FakeFlickrUploads.UPLOAD_PATH, FakeFlickrUploads.REPLACE_PATH ->
            fake.uploads.handle(request);
        default -> html(404, "<h1>Page not found</h1><p>" + escape(path) + "</p>");
      };
    } catch (RuntimeException e) {
      return html(500, "<h1>FakeFlickr failed</h1><pre>" + escape(e.toString()) + "</pre>");
    }
  }

  // ---- OAuth endpoints ---------------------------------------------------------------------

  private Verification verify(RecordedRequest request) {
    ByteString body = request.getBody();
    return fake.verifier.verify(
        request.getMethod(),
        request.getUrl(),
        request.getHeaders(),
        body == null || body.size() == 0 ? null : body.toByteArray());
  }

  private MockResponse requestToken(RecordedRequest request) {
    Verification v = verify(request);
    if (!v.isValid()) return refused(v);
    String callback = v.protocolParameters().get("oauth_callback");
    if (callback == null || callback.isEmpty()) {
      return problem(400, "oauth_problem=parameter_absent&oauth_parameters_absent=oauth_callback");
    }
    if (!callback.equals("oob") && !isAbsoluteUri(callback)) {
      return problem(
          400, "oauth_problem=parameter_rejected&oauth_parameters_rejected=oauth_callback");
    }
    if (v.token() != null) {
      return problem(401, "oauth_problem=token_rejected");
    }
    Tokens.State token = fake.tokens.newRequestToken(v.consumerKey(), callback);
    return form(
        200,
        List.of(
            Map.entry("oauth_callback_confirmed", "true"),
            Map.entry("oauth_token", token.value),
            Map.entry("oauth_token_secret", token.secret)));
  }

  /** Any absolute URI, an app's own scheme included (x-oauthflow-flickr://callback on Android). */
  private static boolean isAbsoluteUri(String callback) {
    try {
      return new java.net.URI(callback).isAbsolute();
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private MockResponse authorize(RecordedRequest request) {
    HttpUrl url = request.getUrl();
    Tokens.State token = fake.tokens.get(url.queryParameter("oauth_token"));
    if (token == null || token.kind != Tokens.Kind.REQUEST || token.used) {
      return html(
          400,
          "<h1>Oops!</h1><p>The oauth_token of this link is not valid, or was already used."
              + " Please return to the application and try again.</p>");
    }
    String perms = url.queryParameter("perms");
    if (perms == null) perms = "read";
    if (Tokens.permsLevel(perms) < 0) {
      return html(400, "<h1>Oops!</h1><p>Invalid perms: " + escape(perms) + "</p>");
    }
    FakeFlickrData.User user = fake.data.demoUser();
    String verifier = fake.tokens.authorize(token, user, perms);
    if (token.callback.equals("oob")) {
      return html(
          200,
          "<h1>You have successfully authorized the application</h1>\n"
              + "<p>Signed in as "
              + escape(user.username())
              + ", with "
              + perms
              + " permission.</p>\n"
              + "<p>Enter this code into the application:</p>\n"
              + "<p><span id=\"Verifier\">"
              + verifier
              + "</span></p>");
    }
    String location =
        token.callback
            + (token.callback.contains("?") ? "&" : "?")
            + "oauth_token="
            + Forms.encode(token.value)
            + "&oauth_verifier="
            + Forms.encode(verifier);
    return new MockResponse.Builder()
        .code(302)
        .setHeader("Location", location)
        .setHeader("Content-Type", HTML)
        .body("")
        .build();
  }

  private MockResponse accessToken(RecordedRequest request) {
    Verification v = verify(request);
    if (!v.isValid()) return refused(v);
    Tokens.State token = fake.tokens.get(v.token());
    if (token == null) {
      return problem(400, "oauth_problem=parameter_absent&oauth_parameters_absent=oauth_token");
    }
    if (token.kind != Tokens.Kind.REQUEST || !token.consumerKey.equals(v.consumerKey())) {
      return problem(401, "oauth_problem=token_rejected");
    }
    if (token.user == null) return problem(401, "oauth_problem=permission_unknown");
    String verifier = v.protocolParameters().get("oauth_verifier");
    if (verifier == null || verifier.isEmpty()) {
      return problem(400, "oauth_problem=parameter_absent&oauth_parameters_absent=oauth_verifier");
    }
    if (!verifier.equals(token.verifier)) {
      return problem(
          401, "oauth_problem=parameter_rejected&oauth_parameters_rejected=oauth_verifier");
    }
    token.used = true;
    Tokens.State access = fake.tokens.newAccessToken(token.consumerKey, token.user, token.perms);
    FakeFlickrData.User user = access.user;
    return form(
        200,
        List.of(
            Map.entry("fullname", user.fullname()),
            Map.entry("oauth_token", access.value),
            Map.entry("oauth_token_secret", access.secret),
            Map.entry("user_nsid", user.nsid()),
            Map.entry("username", user.username())));
  }

  /** An OAuth refusal, with the status a provider gives for {@code v}'s problem. */
  static MockResponse refused(Verification v) {
    int code =
        switch (v.problem()) {
          case "parameter_absent",
              "parameter_rejected",
              "signature_method_rejected",
              "version_rejected" ->
              400;
          default -> 401;
        };
    return problem(code, v.responseBody());
  }

  /** An OAuth problem answer: {@code body} is {@code oauth_problem=...}, form-encoded. */
  static MockResponse problem(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", FORM).body(body).build();
  }

  private static MockResponse form(int code, List<Map.Entry<String, String>> fields) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", FORM)
        .body(Forms.write(fields))
        .build();
  }

  // ---- REST ------------------------------------------------------------------------------

  /**
   * One REST call: its parameters and, if it was signed with an access token, the token's user,
   * permissions and value.
   */
  private record Call(
      Map<String, String> params, FakeFlickrData.User user, String perms, String token) {
    String param(String name) {
      String value = params.get(name);
      return value == null || value.isEmpty() ? null : value;
    }
  }

  private MockResponse rest(RecordedRequest request) {
    Map<String, String> params = new LinkedHashMap<>();
    HttpUrl url = request.getUrl();
    for (int i = 0; i < url.querySize(); i++) {
      String value = url.queryParameterValue(i);
      params.putIfAbsent(url.queryParameterName(i), value == null ? "" : value);
    }
    String contentType = request.getHeaders().get("Content-Type");
    ByteString body = request.getBody();
    if (body != null
        && contentType != null
        && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      for (Map.Entry<String, String> e : Forms.parse(body.string(StandardCharsets.UTF_8))) {
        params.putIfAbsent(e.getKey(), e.getValue());
      }
    }

    boolean jsonp = !"1".equals(params.get("nojsoncallback"));
    String format = params.get("format");
    if (!"json".equals(format)) {
      return xmlFail(
          111,
          "Format \""
              + (format == null ? "rest" : format)
              + "\" not found: this fake answers format=json only");
    }

    boolean signed = false;
    String authorization = request.getHeaders().get("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "OAuth ", 0, 6)) {
      signed = true;
    }
    for (String name : params.keySet()) signed |= name.startsWith("oauth_");

    FakeFlickrData.User user = null;
    String perms = null;
    String accessToken = null;
    if (signed) {
      Verification v = verify(request);
      if (!v.isValid()) return refused(v);
      if (v.token() != null) {
        Tokens.State token = fake.tokens.get(v.token());
        if (token == null
            || token.kind != Tokens.Kind.ACCESS
            || !token.consumerKey.equals(v.consumerKey())) {
          return problem(401, "oauth_problem=token_rejected");
        }
        user = token.user;
        perms = token.perms;
        accessToken = v.token();
      }
    } else {
      String apiKey = params.get("api_key");
      if (apiKey == null || apiKey.isEmpty()) {
        return fail(jsonp, 100, "Invalid API Key (Key has invalid format)");
      }
      if (!fake.clientSecrets.containsKey(apiKey)) {
        return fail(jsonp, 100, "Invalid API Key (Key not found)");
      }
    }

    Call call = new Call(params, user, perms, accessToken);
    String method = params.getOrDefault("method", "");
    Object result =
        switch (method) {
          case "flickr.photosets.getPhotos" -> photosetsGetPhotos(call);
          case "flickr.photosets.getList" -> photosetsGetList(call);
          case "flickr.photos.search" -> photosSearch(call);
          case "flickr.people.getPhotos" -> peopleGetPhotos(call);
          case "flickr.people.getPublicPhotos" -> peopleGetPublicPhotos(call);
          case "flickr.test.login" -> testLogin(call);
          case "flickr.auth.oauth.checkToken" -> checkToken(call);
          case "flickr.photos.upload.checkTickets" ->
              fake.uploads.checkTickets(call.param("tickets"));
          default -> new Failure(112, "Method \"" + method + "\" not found");
        };
    if (result instanceof Failure failure) return fail(jsonp, failure.code, failure.message);
    @SuppressWarnings("unchecked")
    Map<String, Object> ok = new LinkedHashMap<>((Map<String, Object>) result);
    ok.put("stat", "ok");
    return json(jsonp, ok);
  }

  private record Failure(int code, String message) {}

  private static final Failure NOT_LOGGED_IN =
      new Failure(99, "Insufficient permissions. Method requires read privileges; none granted.");

  private Object photosetsGetPhotos(Call call) {
    String id = call.param("photoset_id");
    FakeFlickrData.Photoset set = id == null ? null : fake.data.photoset(id);
    if (set == null) return new Failure(1, "Photoset not found");
    String userId = call.param("user_id");
    if (userId != null && !userId.equals(set.owner())) return new Failure(1, "Photoset not found");
    FakeFlickrData.User owner = fake.data.user(set.owner());
    int perPage = perPage(call, 500);
    List<FakeFlickrData.Photo> photos = set.photos();
    int total = photos.size();
    int pages = pages(total, perPage);
    int page = page(call);
    List<Object> items = new ArrayList<>();
    for (FakeFlickrData.Photo p : slice(photos, page, perPage)) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", p.id());
      item.put("secret", p.secret());
      item.put("server", p.server());
      item.put("farm", p.farm());
      item.put("title", p.title());
      item.put("isprimary", p.id().equals(set.primary()) ? "1" : "0");
      item.put("ispublic", 1);
      item.put("isfriend", 0);
      item.put("isfamily", 0);
      addExtras(item, p, call);
      items.add(item);
    }
    Map<String, Object> photoset = new LinkedHashMap<>();
    photoset.put("id", set.id());
    photoset.put("primary", set.primary());
    photoset.put("owner", set.owner());
    photoset.put("ownername", owner.username());
    photoset.put("photo", items);
    photoset.put("page", page);
    photoset.put("per_page", Integer.toString(perPage));
    photoset.put("perpage", Integer.toString(perPage));
    photoset.put("pages", pages);
    photoset.put("title", set.title());
    photoset.put("total", Integer.toString(total));
    return Map.of("photoset", photoset);
  }

  private Object photosetsGetList(Call call) {
    String userId = call.param("user_id");
    FakeFlickrData.User user;
    if (userId == null) {
      user = call.user();
      if (user == null) return new Failure(1, "User not found");
    } else {
      user = fake.data.user(userId);
      if (user == null) return new Failure(1, "User not found");
    }
    List<FakeFlickrData.Photoset> sets = fake.data.photosets(user.nsid());
    int perPage = call.param("per_page") == null ? Math.max(1, sets.size()) : perPage(call, 500);
    int page = page(call);
    List<Object> items = new ArrayList<>();
    for (FakeFlickrData.Photoset set : slice(sets, page, perPage)) {
      FakeFlickrData.Photo primary = fake.data.photo(set.primary());
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", set.id());
      item.put("owner", set.owner());
      item.put("username", user.username());
      item.put("primary", set.primary());
      item.put("secret", primary == null ? "" : primary.secret());
      item.put("server", primary == null ? "0" : primary.server());
      item.put("farm", primary == null ? 0 : primary.farm());
      item.put("count_views", "0");
      item.put("count_comments", "0");
      item.put("count_photos", set.photos().size());
      item.put("count_videos", 0);
      item.put("title", Map.of("_content", set.title()));
      item.put("description", Map.of("_content", set.description()));
      item.put("can_comment", 0);
      item.put("date_create", "1700000000");
      item.put("date_update", "1700086400");
      item.put("photos", set.photos().size());
      item.put("videos", 0);
      item.put("visibility_can_see_set", 1);
      item.put("needs_interstitial", 0);
      items.add(item);
    }
    Map<String, Object> photosets = new LinkedHashMap<>();
    photosets.put("page", page);
    photosets.put("pages", pages(sets.size(), perPage));
    photosets.put("perpage", perPage);
    photosets.put("total", sets.size());
    photosets.put("photoset", items);
    return Map.of("photosets", photosets);
  }

  private Object photosSearch(Call call) {
    String text = call.param("text");
    String tags = call.param("tags");
    String userId = call.param("user_id");
    String owner = null;
    if (userId != null) {
      if (userId.equals("me")) {
        if (call.user() == null) return NOT_LOGGED_IN;
        owner = call.user().nsid();
      } else if (fake.data.user(userId) == null) {
        return new Failure(2, "Unknown user");
      } else {
        owner = userId;
      }
    }
    if (text == null && tags == null && owner == null) {
      return new Failure(
          3,
          "Parameterless searches have been disabled. Please use flickr.photos.getRecent"
              + " instead.");
    }
    List<FakeFlickrData.Photo> found = fake.data.search(text, tags, call.param("tag_mode"), owner);
    int perPage = perPage(call, 100);
    int page = page(call);
    int total = found.size();
    int reachable = Math.min(total, fake.searchResultCap);
    int lastReachablePage = pages(reachable, perPage);
    int served = lastReachablePage > 0 && page > lastReachablePage ? lastReachablePage : page;
    List<FakeFlickrData.Photo> window = found.subList(0, reachable);
    Map<String, Object> photos = new LinkedHashMap<>();
    photos.put("page", page);
    photos.put("pages", pages(total, perPage));
    photos.put("perpage", perPage);
    photos.put("total", total);
    photos.put("photo", photoItems(slice(window, served, perPage), call));
    return Map.of("photos", photos);
  }

  private Object peopleGetPhotos(Call call) {
    if (call.user() == null) return NOT_LOGGED_IN;
    String userId = call.param("user_id");
    if (userId == null) return new Failure(2, "Unknown user");
    FakeFlickrData.User user = userId.equals("me") ? call.user() : fake.data.user(userId);
    if (user == null) return new Failure(2, "Unknown user");
    List<FakeFlickrData.Photo> found = fake.data.photosOf(user.nsid());
    int perPage = perPage(call, 100);
    int page = page(call);
    Map<String, Object> photos = new LinkedHashMap<>();
    photos.put("page", page);
    photos.put("pages", pages(found.size(), perPage));
    photos.put("perpage", perPage);
    photos.put("total", Integer.toString(found.size()));
    photos.put("photo", photoItems(slice(found, page, perPage), call));
    return Map.of("photos", photos);
  }

  private Object peopleGetPublicPhotos(Call call) {
    String userId = call.param("user_id");
    FakeFlickrData.User user = userId == null ? null : fake.data.user(userId);
    if (user == null) return new Failure(1, "User not found");
    List<FakeFlickrData.Photo> found = fake.data.photosOf(user.nsid());
    int perPage = perPage(call, 100);
    int page = page(call);
    Map<String, Object> photos = new LinkedHashMap<>();
    photos.put("page", page);
    photos.put("pages", pages(found.size(), perPage));
    photos.put("perpage", perPage);
    photos.put("total", found.size());
    photos.put("photo", photoItems(slice(found, page, perPage), call));
    return Map.of("photos", photos);
  }

  private List<Object> photoItems(List<FakeFlickrData.Photo> photos, Call call) {
    List<Object> items = new ArrayList<>(photos.size());
    for (FakeFlickrData.Photo p : photos) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", p.id());
      item.put("owner", p.owner());
      item.put("secret", p.secret());
      item.put("server", p.server());
      item.put("farm", p.farm());
      item.put("title", p.title());
      item.put("ispublic", 1);
      item.put("isfriend", 0);
      item.put("isfamily", 0);
      addExtras(item, p, call);
      items.add(item);
    }
    return items;
  }

  /** Image sizes of the {@code url_*} extras: suffix, longest side. */
  private static final Map<String, Object[]> SIZES =
      Map.of(
          "sq", new Object[] {"s", 75},
          "t", new Object[] {"t", 100},
          "s", new Object[] {"m", 240},
          "m", new Object[] {"", 500},
          "z", new Object[] {"z", 640},
          "l", new Object[] {"b", 1024});

  /**
   * The {@code extras} Flickr adds per photo, in its shapes: {@code description} as {@code
   * {"_content":...}}, {@code dateupload} as a string, {@code tags} space-separated, {@code url_m}
   * with {@code height_m} and {@code width_m} as numbers. Unknown extras are ignored, as Flickr
   * does.
   */
  private void addExtras(Map<String, Object> item, FakeFlickrData.Photo p, Call call) {
    String extras = call.param("extras");
    if (extras == null) return;
    for (String raw : extras.split(",")) {
      String extra = raw.trim();
      switch (extra) {
        case "description" -> item.put("description", Map.of("_content", p.description()));
        case "date_upload" -> item.put("dateupload", Long.toString(p.dateUpload()));
        case "owner_name" -> {
          FakeFlickrData.User owner = fake.data.user(p.owner());
          item.put("ownername", owner == null ? "" : owner.username());
        }
        case "tags" -> item.put("tags", String.join(" ", p.tags()));
        default -> {
          if (extra.startsWith("url_") && SIZES.containsKey(extra.substring(4))) {
            String size = extra.substring(4);
            String suffix = (String) SIZES.get(size)[0];
            int longest = (Integer) SIZES.get(size)[1];
            boolean square = size.equals("sq");
            item.put(
                extra,
                "https://live.staticflickr.com/"
                    + p.server()
                    + "/"
                    + p.id()
                    + "_"
                    + p.secret()
                    + (suffix.isEmpty() ? "" : "_" + suffix)
                    + ".jpg");
            item.put("height_" + size, square ? longest : longest * 2 / 3);
            item.put("width_" + size, longest);
          }
        }
      }
    }
  }

  private static Object testLogin(Call call) {
    if (call.user() == null) return NOT_LOGGED_IN;
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("id", call.user().nsid());
    user.put("username", Map.of("_content", call.user().username()));
    user.put("path_alias", null);
    return Map.of("user", user);
  }

  private Object checkToken(Call call) {
    if (call.user() == null) return new Failure(98, "Invalid token");
    String token = call.token();
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("nsid", call.user().nsid());
    user.put("username", call.user().username());
    user.put("fullname", call.user().fullname());
    Map<String, Object> oauth = new LinkedHashMap<>();
    oauth.put("token", Map.of("_content", token));
    oauth.put("perms", Map.of("_content", call.perms()));
    oauth.put("user", user);
    return Map.of("oauth", oauth);
  }

  private static int page(Call call) {
    int page = parseInt(call.param("page"), 1);
    return page < 1 ? 1 : page;
  }

  private static int perPage(Call call, int defaultValue) {
    int perPage = parseInt(call.param("per_page"), defaultValue);
    if (perPage < 1) return defaultValue;
    return Math.min(perPage, 500);
  }

  private static int parseInt(String value, int defaultValue) {
    if (value == null) return defaultValue;
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return defaultValue;
    }
  }

  private static int pages(int total, int perPage) {
    return (total + perPage - 1) / perPage;
  }

  private static <T> List<T> slice(List<T> list, int page, int perPage) {
    long from = (long) (page - 1) * perPage;
    if (from >= list.size()) return List.of();
    return list.subList((int) from, (int) Math.min(list.size(), from + perPage));
  }

  private static MockResponse json(boolean jsonp, Map<String, Object> value) {
    String json = Json.write(value);
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", jsonp ? JAVASCRIPT : JSON)
        .body(jsonp ? "jsonFlickrApi(" + json + ")" : json)
        .build();
  }

  private static MockResponse fail(boolean jsonp, int code, String message) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("stat", "fail");
    value.put("code", code);
    value.put("message", message);
    return json(jsonp, value);
  }

  private static MockResponse xmlFail(int code, String message) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", XML)
        .body(
            "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n<rsp stat=\"fail\">\n\t<err code=\""
                + code
                + "\" msg=\""
                + escape(message)
                + "\" />\n</rsp>\n")
        .build();
  }

  private static MockResponse html(int code, String content) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", HTML)
        .body(
            "<!DOCTYPE html>\n<html><head><title>Flickr</title></head><body>\n"
                + content
                + "\n</body></html>\n")
        .build();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
