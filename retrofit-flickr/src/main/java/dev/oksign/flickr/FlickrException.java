package dev.oksign.flickr;

import dev.oksign.OAuth1Exception;

/**
 * A Flickr call that failed: Flickr's own error answer ({@code {"stat":"fail","code":N,
 * "message":"..."}}, sent with HTTP 200), an HTTP error, or a body that is not the JSON Flickr
 * sends (an HTML outage page, say). An {@link java.io.IOException}, so it comes out of {@code
 * Call.execute()}, {@code Callback.onFailure} and a failed {@code CompletableFuture} alike.
 *
 * <pre>{@code
 * try {
 *   flickr.test().login().execute();
 * } catch (FlickrException e) {
 *   if (e.isAuthentication()) reauthorize();      // 96..100: signature, token, permissions, key
 *   else if (e.error() == FlickrError.SERVICE_UNAVAILABLE) retryLater();
 *   else throw e;
 * }
 * }</pre>
 *
 * <p>The message never holds a secret: it names the Flickr method, the code and Flickr's message,
 * or the HTTP status and the start of the body.
 */
public class FlickrException extends OAuth1Exception {
  private static final long serialVersionUID = 1L;

  /** The code of failures that are not Flickr's {@code stat=fail} answer. */
  public static final int NO_CODE = 0;

  private final String method;
  private final int code;
  private final String flickrMessage;
  private final int httpStatus;
  private final String bodySnippet;

  private FlickrException(
      String message,
      String method,
      int code,
      String flickrMessage,
      int httpStatus,
      String bodySnippet,
      Throwable cause) {
    super(message, cause);
    this.method = method;
    this.code = code;
    this.flickrMessage = flickrMessage;
    this.httpStatus = httpStatus;
    this.bodySnippet = bodySnippet;
  }

  /**
   * Returns the exception for Flickr's {@code {"stat":"fail","code":code,"message":message}} answer
   * to {@code method}.
   */
  public static FlickrException fail(String method, int code, String message) {
    FlickrError error = FlickrError.of(code);
    return new FlickrException(
        (method == null ? "Flickr" : method)
            + " failed: "
            + code
            + " "
            + message
            + (error != null && error.isAuthentication() ? " (" + error + ")" : ""),
        method,
        code,
        message,
        200,
        null,
        null);
  }

  /**
   * Returns the exception for an answer that is not Flickr's JSON: an HTTP error ({@code
   * httpStatus} outside 2xx) or an unreadable body; {@code detail} says what was wrong, {@code
   * bodySnippet} is the start of the body, or null.
   */
  public static FlickrException unexpected(
      String method, int httpStatus, String detail, String bodySnippet, Throwable cause) {
    return new FlickrException(
        (method == null ? "Flickr" : method)
            + " failed: "
            + detail
            + (bodySnippet == null || bodySnippet.isEmpty() ? "" : ": " + bodySnippet),
        method,
        NO_CODE,
        null,
        httpStatus,
        bodySnippet,
        cause);
  }

  /** The Flickr method called, such as {@code flickr.photos.search}, or null if unknown. */
  public String method() {
    return method;
  }

  /** Flickr's error code, or {@link #NO_CODE} if Flickr did not answer with one. */
  public int code() {
    return code;
  }

  /** Flickr's error message, or null if Flickr did not answer with one. */
  public String flickrMessage() {
    return flickrMessage;
  }

  /** The HTTP status of the answer: 200 for Flickr's own error answers. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The start of a body that was not Flickr's JSON, or null. */
  public String bodySnippet() {
    return bodySnippet;
  }

  /** The shared error of {@link #code()}, or null if it is method-specific or absent. */
  public FlickrError error() {
    return code == NO_CODE ? null : FlickrError.of(code);
  }

  /**
   * True if the credentials were refused: signature, token, permissions or API key (codes 96 to
   * 100), or HTTP 401.
   */
  public boolean isAuthentication() {
    FlickrError error = error();
    return (error != null && error.isAuthentication()) || httpStatus == 401;
  }

  /** True if Flickr was overloaded or unavailable (code 105, HTTP 429 or 503). */
  public boolean isRetryable() {
    return code == FlickrError.SERVICE_UNAVAILABLE.code() || httpStatus == 429 || httpStatus == 503;
  }
}
