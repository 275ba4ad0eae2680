package dev.oksign.benchmarks;

import dev.oksign.SigningOptions;
import okhttp3.FormBody;
import okhttp3.Request;

/**
 * The requests every signer signs, with the same credentials, nonce and timestamp. Each is a plain
 * {@link Request} a user would build; the callback of the first leg rides along as oksign's {@link
 * SigningOptions} tag, which the other signers ignore (they are given it their own way).
 */
enum Workload {
  /** The mission's Flickr vector: the first leg of the token flow, no token. */
  REQUEST_TOKEN(
      "request_token",
      new Request.Builder()
          .url("http://www.flickr.com/services/oauth/request_token")
          .tag(SigningOptions.class, SigningOptions.builder().callback(Workload.CALLBACK).build())
          .build(),
      Workload.CALLBACK,
      null,
      null),

  /** A search with a long query and an access token: the common API call. */
  PHOTOS_SEARCH(
      "photos_search",
      new Request.Builder()
          .url(
              "https://api.flickr.com/services/rest/?method=flickr.photos.search"
                  + "&text=sunset%20over%20the%20sea&tags=beach,ocean"
                  + "&extras=date_upload,owner_name,url_m&per_page=500&page=7"
                  + "&format=json&nojsoncallback=1")
          .build(),
      null,
      Workload.TOKEN,
      Workload.TOKEN_SECRET),

  /** A write with a 12-field form body whose fields are signed too. */
  FORM_POST(
      "form_post",
      new Request.Builder()
          .url("https://api.flickr.com/services/rest/")
          .post(
              new FormBody.Builder()
                  .add("method", "flickr.photos.setMeta")
                  .add("photo_id", "52895184385")
                  .add("title", "Sunset over the sea — Île de Ré, 14 July")
                  .add(
                      "description",
                      "Taken at dusk from the pier (f/8, 1/250 s): waves, gulls & a café crème!")
                  .add("date_taken", "2023-07-14 21:37:02")
                  .add("date_taken_granularity", "0")
                  .add("safety_level", "1")
                  .add("content_type", "1")
                  .add("hidden", "0")
                  .add("is_public", "1")
                  .add("format", "json")
                  .add("nojsoncallback", "1")
                  .build())
          .build(),
      null,
      Workload.TOKEN,
      Workload.TOKEN_SECRET);

  static final String CONSUMER_KEY = "768fe946d252b119746fda82e1599980";
  static final String CONSUMER_SECRET = "1a3c208e172d3edc";
  static final String CALLBACK = "http://www.wackylabs.net/oauth/test";
  static final String NONCE = "C2F26CD5C075BA9050AD8EE90644CF29";
  static final long TIMESTAMP = 1316657628L;
  static final String TOKEN = "72157626737672178-022bbd2f4c2f3432";
  static final String TOKEN_SECRET = "fccb68c4e6103197";

  /** The signature of the mission's vector, as Flickr's documentation gives it. */
  static final String REQUEST_TOKEN_SIGNATURE = "0fhNGlzpFNAsTme/hDfUb5HPB5U=";

  final String id;
  final Request request;

  /** The {@code oauth_callback}, or null. */
  final String callback;

  /** The token, or null for none. */
  final String token;

  /** The token secret, or null for none. */
  final String tokenSecret;

  Workload(String id, Request request, String callback, String token, String tokenSecret) {
    this.id = id;
    this.request = request;
    this.callback = callback;
    this.token = token;
    this.tokenSecret = tokenSecret;
  }

  /**
   * This request with its parameters in a form body: itself if it has one, else a POST whose form
   * body holds the query's parameters (for form-body placement).
   */
  Request asForm() {
    if (request.body() != null) return request;
    FormBody.Builder form = new FormBody.Builder();
    for (int i = 0; i < request.url().querySize(); i++) {
      String value = request.url().queryParameterValue(i);
      form.add(request.url().queryParameterName(i), value == null ? "" : value);
    }
    return request
        .newBuilder()
        .url(request.url().newBuilder().query(null).build())
        .post(form.build())
        .build();
  }

  /** The workload named by a JMH parameter value. */
  static Workload of(String id) {
    for (Workload workload : values()) {
      if (workload.id.equals(id)) return workload;
    }
    throw new IllegalArgumentException("unknown workload: " + id);
  }
}
