package dev.oksign.testing;

import dev.oksign.Verification;
import dev.oksign.testing.internal.Forms;
import dev.oksign.testing.internal.Json;
import dev.oksign.testing.internal.LegacySignature;
import dev.oksign.testing.internal.Xml;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;

/** Routes each request to the endpoint it names and answers as Flickr does. */
final class FakeFlickrDispatcher {
  private static final String JSON = "application/json; charset=utf-8";
  private static final String JAVASCRIPT = "text/javascript; charset=utf-8";
  private static final String FORM = "text/plain; charset=utf-8";
  private static final String HTML = "text/html; charset=utf-8";
  private static final String XML = "text/xml; charset=utf-8";

  private final FakeFlickr fake;

  FakeFlickrDispatcher(FakeFlickr fake) {
    this.fake = fake;
  }

  Answer dispatch(RecordedRequest request) {
    Fault fault = fake.faults.poll();
    if (fault != null) {
      switch (fault.kind) {
        case SERVER_ERROR -> {
          return html(
              fault.code,
              "<h1>" + fault.code + "</h1><p>Flickr is having a massage. Please try again.</p>");
        }
        case DISCONNECT -> {
          return Answer.disconnect();
        }
        case DELAY -> {
          return route(request).delayed(fault.delay);
        }
      }
    }
    return route(request);
  }

  private Answer route(RecordedRequest request) {
    try {
      String path = request.getUrl().encodedPath();
      return switch (path) {
        case "/services/oauth/request_token" -> requestToken(request);
        case "/services/oauth/authorize" -> authorize(request);
        case "/services/oauth/access_token" -> accessToken(request);
        case "/services/rest/", "/services/rest" -> rest(request);
        case FakeFlickrUploads.UPLOAD_PATH,
            "/services/upload",
            FakeFlickrUploads.REPLACE_PATH,
            "/services/replace" ->
            fake.uploads.handle(request);
        default -> html(404, "<h1>Page not found</h1><p>" + escape(path) + "</p>");
      };
    } catch (RuntimeException e) {
      return html(500, "<h1>FakeFlickr failed</h1><pre>" + escape(e.toString()) + "</pre>");
    }
  }

  // ---- OAuth endpoints ---------------------------------------------------------------------

  private Verification verify(RecordedRequest request) {
    byte[] body = request.body();
    return fake.verifier.verify(
        request.getMethod(),
        fake.signedUrl(request.getUrl()),
        request.getHeaders(),
        body.length == 0 ? null : body);
  }

  private Answer requestToken(RecordedRequest request) {
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

  private Answer authorize(RecordedRequest request) {
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
    return Answer.redirect(location, HTML);
  }

  private Answer accessToken(RecordedRequest request) {
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
  static Answer refused(Verification v) {
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
  static Answer problem(int code, String body) {
    return Answer.of(code, FORM, body);
  }

  private static Answer form(int code, List<Map.Entry<String, String>> fields) {
    return Answer.of(code, FORM, Forms.write(fields));
  }

  // ---- REST ------------------------------------------------------------------------------

  /**
   * One REST call: its parameters and, if it was signed with an access token, the token's user,
   * permissions and value.
   */
  private record Call(
      Map<String, String> params,
      FakeFlickrData.User user,
      String perms,
      String token,
      String consumerKey) {
    String param(String name) {
      String value = params.get(name);
      return value == null || value.isEmpty() ? null : value;
    }
  }

  /** The formats of the REST endpoint: {@code format=rest} (the default) and {@code json}. */
  private record Format(boolean json, String callback) {
    static final Format REST = new Format(false, null);

    /** The format {@code params} ask for, or null for one this fake does not serve. */
    static Format of(Map<String, String> params) {
      String format = params.get("format");
      if (format == null || format.isEmpty() || format.equals("rest")) return REST;
      if (!format.equals("json")) return null;
      if ("1".equals(params.get("nojsoncallback"))) return new Format(true, null);
      String callback = params.get("jsoncallback");
      return new Format(true, callback == null || callback.isEmpty() ? "jsonFlickrApi" : callback);
    }
  }

  /**
   * A REST call, checked in Flickr's order: the OAuth signature, or the {@code api_key} of an
   * unsigned call, first (a refusal names the signature, whatever else is wrong); then the format
   * (code 111); then the method (code 112) and its own checks.
   */
  private Answer rest(RecordedRequest request) {
    Map<String, String> params = restParameters(request);

    // 1. Signature and key.
    boolean signed = false;
    String authorization = request.getHeaders().get("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "OAuth ", 0, 6)) {
      signed = true;
    }
    signed |= params.containsKey("oauth_signature") || params.containsKey("oauth_consumer_key");
    Format format = Format.of(params);
    Format errorFormat = format == null ? Format.REST : format;

    FakeFlickrData.User user = null;
    String perms = null;
    String accessToken = null;
    String consumerKey;
    if (signed) {
      Verification v = verify(request);
      if (!v.isValid()) return refused(v);
      consumerKey = v.consumerKey();
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
      consumerKey = params.get("api_key");
      if (consumerKey == null || consumerKey.isEmpty()) {
        return fail(errorFormat, 100, "Invalid API Key (Key has invalid format)");
      }
      String secret = fake.clientSecrets.get(consumerKey);
      if (secret == null) return fail(errorFormat, 100, "Invalid API Key (Key not found)");
      String apiSig = params.get("api_sig");
      if (apiSig != null && !apiSig.equalsIgnoreCase(LegacySignature.of(secret, params))) {
        return fail(errorFormat, 96, "Invalid signature");
      }
    }

    // 2. Format.
    if (format == null) {
      return fail(Format.REST, 111, "Format \"" + params.get("format") + "\" not found");
    }

    // 3. Method.
    Call call = new Call(params, user, perms, accessToken, consumerKey);
    Object result = answer(params.getOrDefault("method", ""), call);
    if (result instanceof Failure failure) return fail(format, failure.code, failure.message);
    if (result instanceof Answer answer) return answer;
    @SuppressWarnings("unchecked")
    Map<String, Object> ok = (Map<String, Object>) result;
    return ok(format, ok);
  }

  /**
   * The parameters of a REST call: the query's, then a form body's; a name in both keeps the
   * query's value.
   */
  private static Map<String, String> restParameters(RecordedRequest request) {
    Map<String, String> params = new LinkedHashMap<>();
    HttpUrl url = request.getUrl();
    for (int i = 0; i < url.querySize(); i++) {
      String value = url.queryParameterValue(i);
      params.putIfAbsent(url.queryParameterName(i), value == null ? "" : value);
    }
    String contentType = request.getHeaders().get("Content-Type");
    byte[] body = request.body();
    if (body.length > 0
        && contentType != null
        && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      for (Map.Entry<String, String> e : Forms.parse(new String(body, StandardCharsets.UTF_8))) {
        params.putIfAbsent(e.getKey(), e.getValue());
      }
    }
    return params;
  }

  /** The methods this fake serves, in {@code flickr.reflection.getMethods}' order. */
  static final List<String> METHODS =
      List.of(
          "flickr.auth.oauth.checkToken",
          "flickr.people.getInfo",
          "flickr.people.getPhotos",
          "flickr.people.getPublicPhotos",
          "flickr.photos.getInfo",
          "flickr.photos.search",
          "flickr.photos.upload.checkTickets",
          "flickr.photosets.getInfo",
          "flickr.photosets.getList",
          "flickr.photosets.getPhotos",
          "flickr.reflection.getMethods",
          "flickr.test.echo",
          "flickr.test.login",
          "flickr.test.null");

  /**
   * The result of {@code method}: a map of Flickr's JSON shape, a {@link Failure}, or an Answer.
   */
  private Object answer(String method, Call call) {
    FakeFlickr.Stub stub = fake.stubs.get(method);
    if (stub != null) return stubbed(stub, call);
    return switch (method) {
      case "flickr.photosets.getPhotos" -> photosetsGetPhotos(call);
      case "flickr.photosets.getList" -> photosetsGetList(call);
      case "flickr.photosets.getInfo" -> photosetsGetInfo(call);
      case "flickr.photos.search" -> photosSearch(call);
      case "flickr.photos.getInfo" -> photosGetInfo(call);
      case "flickr.people.getPhotos" -> peopleGetPhotos(call);
      case "flickr.people.getPublicPhotos" -> peopleGetPublicPhotos(call);
      case "flickr.people.getInfo" -> peopleGetInfo(call);
      case "flickr.test.login" -> testLogin(call);
      case "flickr.test.echo" -> testEcho(call);
      case "flickr.test.null" -> call.user() == null ? NOT_LOGGED_IN : Map.of();
      case "flickr.reflection.getMethods" -> reflectionGetMethods();
      case "flickr.auth.oauth.checkToken" -> checkToken(call);
      case "flickr.photos.upload.checkTickets" -> fake.uploads.checkTickets(call.param("tickets"));
      default -> new Failure(112, "Method \"" + method + "\" not found");
    };
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
      Map<String, Object> item = photosetItem(set, user);
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

  /** A photoset as {@code getList} and {@code getInfo} describe it. */
  private Map<String, Object> photosetItem(FakeFlickrData.Photoset set, FakeFlickrData.User user) {
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
    return item;
  }

  private Object photosetsGetInfo(Call call) {
    String id = call.param("photoset_id");
    FakeFlickrData.Photoset set = id == null ? null : fake.data.photoset(id);
    if (set == null) return new Failure(1, "Photoset not found");
    Map<String, Object> item = photosetItem(set, fake.data.user(set.owner()));
    item.put("coverphoto_server", "0");
    item.put("coverphoto_farm", 0);
    return Map.of("photoset", item);
  }

  private Object photosGetInfo(Call call) {
    String id = call.param("photo_id");
    FakeFlickrData.Photo p = id == null ? null : fake.data.photo(id);
    if (p == null) return new Failure(1, "Photo \"" + id + "\" not found (invalid ID)");
    FakeFlickrData.User owner = fake.data.user(p.owner());
    Map<String, Object> photo = new LinkedHashMap<>();
    photo.put("id", p.id());
    photo.put("secret", p.secret());
    photo.put("server", p.server());
    photo.put("farm", p.farm());
    photo.put("dateuploaded", Long.toString(p.dateUpload()));
    photo.put("isfavorite", 0);
    photo.put("license", "0");
    photo.put("safety_level", "0");
    photo.put("rotation", 0);
    photo.put("originalformat", "jpg");
    photo.put("views", "0");
    photo.put("media", "photo");
    Map<String, Object> ownerMap = new LinkedHashMap<>();
    ownerMap.put("nsid", p.owner());
    ownerMap.put("username", owner == null ? "" : owner.username());
    ownerMap.put("realname", owner == null ? "" : owner.fullname());
    ownerMap.put("location", "");
    ownerMap.put("iconserver", "0");
    ownerMap.put("iconfarm", 0);
    ownerMap.put("path_alias", null);
    photo.put("owner", ownerMap);
    photo.put("title", Map.of("_content", p.title()));
    photo.put("description", Map.of("_content", p.description()));
    photo.put("visibility", Map.of("ispublic", 1, "isfriend", 0, "isfamily", 0));
    Map<String, Object> dates = new LinkedHashMap<>();
    dates.put("posted", Long.toString(p.dateUpload()));
    dates.put(
        "taken",
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .format(
                java.time.LocalDateTime.ofEpochSecond(
                    p.dateUpload(), 0, java.time.ZoneOffset.UTC)));
    dates.put("takengranularity", 0);
    dates.put("takenunknown", "0");
    dates.put("lastupdate", Long.toString(p.dateUpload()));
    photo.put("dates", dates);
    photo.put("editability", Map.of("cancomment", 0, "canaddmeta", 0));
    photo.put("publiceditability", Map.of("cancomment", 1, "canaddmeta", 0));
    photo.put("usage", Map.of("candownload", 1, "canblog", 0, "canprint", 0, "canshare", 1));
    photo.put("comments", Map.of("_content", "0"));
    photo.put("notes", Map.of("note", List.of()));
    photo.put("people", Map.of("haspeople", 0));
    List<Object> tags = new ArrayList<>();
    for (String tag : p.tags()) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("id", p.owner().replace("@", "-") + "-" + p.id() + "-" + tag);
      t.put("author", p.owner());
      t.put("authorname", owner == null ? "" : owner.username());
      t.put("raw", tag);
      t.put("_content", tag);
      t.put("machine_tag", 0);
      tags.add(t);
    }
    photo.put("tags", Map.of("tag", tags));
    Map<String, Object> url = new LinkedHashMap<>();
    url.put("type", "photopage");
    url.put("_content", "https://www.flickr.com/photos/" + p.owner() + "/" + p.id() + "/");
    photo.put("urls", Map.of("url", List.of(url)));
    return Map.of("photo", photo);
  }

  private Object peopleGetInfo(Call call) {
    String id = call.param("user_id");
    FakeFlickrData.User user = id == null ? null : fake.data.user(id);
    if (user == null) return new Failure(1, "User not found");
    List<FakeFlickrData.Photo> photos = fake.data.photosOf(user.nsid());
    Map<String, Object> person = new LinkedHashMap<>();
    person.put("id", user.nsid());
    person.put("nsid", user.nsid());
    person.put("ispro", 0);
    person.put("is_deleted", 0);
    person.put("iconserver", "0");
    person.put("iconfarm", 0);
    person.put("path_alias", null);
    person.put("has_stats", 0);
    person.put("username", Map.of("_content", user.username()));
    person.put("realname", Map.of("_content", user.fullname()));
    person.put("location", Map.of("_content", ""));
    person.put("description", Map.of("_content", ""));
    person.put(
        "photosurl", Map.of("_content", "https://www.flickr.com/photos/" + user.nsid() + "/"));
    person.put(
        "profileurl", Map.of("_content", "https://www.flickr.com/people/" + user.nsid() + "/"));
    person.put(
        "mobileurl", Map.of("_content", "https://m.flickr.com/photostream.gne?id=" + user.nsid()));
    Map<String, Object> stats = new LinkedHashMap<>();
    long first = photos.stream().mapToLong(FakeFlickrData.Photo::dateUpload).min().orElse(0);
    stats.put("firstdate", Map.of("_content", Long.toString(first)));
    stats.put("count", Map.of("_content", photos.size()));
    person.put("photos", stats);
    return Map.of("person", person);
  }

  private static Object testEcho(Call call) {
    Map<String, Object> echo = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : call.params().entrySet()) {
      echo.put(e.getKey(), Map.of("_content", e.getValue()));
    }
    return echo;
  }

  private static Object reflectionGetMethods() {
    List<Object> methods = new ArrayList<>();
    for (String method : METHODS) methods.add(Map.of("_content", method));
    return Map.of("methods", Map.of("method", methods));
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
    // The date filters and the sort are read by FakeFlickrData from the parameters as sent.
    List<FakeFlickrData.Photo> found =
        fake.data.search(text, tags, call.param("tag_mode"), owner, call.params());
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

  private static Object stubbed(FakeFlickr.Stub stub, Call call) {
    try {
      if (stub instanceof CannedAnswers.Canned canned) return canned.answer(call.params());
      Map<String, ?> content =
          stub.answer(
              new FakeFlickr.StubCall(
                  call.params(), call.user() == null ? null : call.user().nsid(), call.perms()));
      if (content == null) throw new NullPointerException("the stub returned null");
      return content;
    } catch (FakeFlickr.StubFailure failure) {
      return new Failure(failure.code(), failure.getMessage());
    }
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

  /**
   * {@code flickr.auth.oauth.checkToken}, as Flickr documents it: {@code api_key} and {@code
   * oauth_token} as plain parameters; or signed with the token.
   */
  private Object checkToken(Call call) {
    FakeFlickrData.User user = call.user();
    String token = call.token();
    String perms = call.perms();
    if (user == null) {
      Tokens.State state = fake.tokens.get(call.param("oauth_token"));
      if (state == null
          || state.kind != Tokens.Kind.ACCESS
          || !state.consumerKey.equals(call.consumerKey())) {
        return new Failure(98, "Invalid token");
      }
      user = state.user;
      token = state.value;
      perms = state.perms;
    }
    Map<String, Object> userMap = new LinkedHashMap<>();
    userMap.put("nsid", user.nsid());
    userMap.put("username", user.username());
    userMap.put("fullname", user.fullname());
    Map<String, Object> oauth = new LinkedHashMap<>();
    oauth.put("token", Map.of("_content", token));
    oauth.put("perms", Map.of("_content", perms));
    oauth.put("user", userMap);
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

  /** {@code content} with {@code stat} ok, in {@code format}. */
  private static Answer ok(Format format, Map<String, ?> content) {
    if (!format.json()) return Answer.of(200, XML, Xml.ok(content));
    Map<String, Object> value = new LinkedHashMap<>(content);
    value.put("stat", "ok");
    return json(format, value);
  }

  private static Answer json(Format format, Map<String, Object> value) {
    String json = Json.write(value);
    if (format.callback() == null) return Answer.of(200, JSON, json);
    return Answer.of(200, JAVASCRIPT, format.callback() + "(" + json + ")");
  }

  /** Flickr's {@code stat=fail} answer, HTTP 200, in {@code format}. */
  private static Answer fail(Format format, int code, String message) {
    if (!format.json()) return Answer.of(200, XML, Xml.fail(code, message));
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("stat", "fail");
    value.put("code", code);
    value.put("message", message);
    return json(format, value);
  }

  private static Answer html(int code, String content) {
    return Answer.of(
        code,
        HTML,
        "<!DOCTYPE html>\n<html><head><title>Flickr</title></head><body>\n"
            + content
            + "\n</body></html>\n");
  }

  private static String escape(String s) {
    return Xml.escape(s);
  }
}
