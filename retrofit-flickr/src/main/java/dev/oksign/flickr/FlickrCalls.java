package dev.oksign.flickr;

import dev.oksign.OAuth1Signer;
import dev.oksign.SigningOptions;
import dev.oksign.Token;
import dev.oksign.flickr.internal.Wire;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import retrofit2.Invocation;

/**
 * The one place Flickr's conventions are applied, as an application interceptor, so that what it
 * adds is signed by the network interceptor after it:
 *
 * <ul>
 *   <li>{@code method} (from {@link FlickrMethod}), {@code format=json} and {@code
 *       nojsoncallback=1} in the query, or in the form body of a {@code @FormUrlEncoded} POST;
 *   <li>a call with a token is signed and carries no {@code api_key}; a call without any token
 *       carries {@code api_key} and is sent unsigned;
 *   <li>the rate limiter, for every attempt;
 *   <li>overload answers (HTTP 429, {@code stat=fail} code 105) retried with exponential backoff a
 *       bounded number of times;
 *   <li>HTTP errors, bodies that are not JSON, and {@code stat=fail} answers thrown as {@link
 *       FlickrException}, whatever the method's return type.
 * </ul>
 */
final class FlickrCalls implements Interceptor {
  /** Error answers are a few hundred bytes; success answers are not examined beyond this. */
  private static final long PEEK_BYTES = 8192;

  private static final int SNIPPET_CHARS = 200;

  private static final Set<String> RESERVED =
      Collections.unmodifiableSet(
          new HashSet<>(
              Arrays.asList(Wire.METHOD, Wire.FORMAT, Wire.NOJSONCALLBACK, Wire.API_KEY)));

  private final OAuth1Signer signer;
  private final RateLimiter rateLimiter;
  private final int maxRetries;
  private final long backoffNanos;
  private final long maxBackoffNanos;
  private final Sleeper sleeper;

  FlickrCalls(
      OAuth1Signer signer,
      RateLimiter rateLimiter,
      int maxRetries,
      long backoffNanos,
      long maxBackoffNanos,
      Sleeper sleeper) {
    this.signer = signer;
    this.rateLimiter = rateLimiter;
    this.maxRetries = maxRetries;
    this.backoffNanos = backoffNanos;
    this.maxBackoffNanos = maxBackoffNanos;
    this.sleeper = sleeper;
  }

  /** The Flickr method named on the Retrofit method that made {@code request}, or null. */
  static String flickrMethod(Request request) {
    Invocation invocation = request.tag(Invocation.class);
    if (invocation == null) return null;
    FlickrMethod annotation = invocation.method().getAnnotation(FlickrMethod.class);
    return annotation == null ? null : annotation.value();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    String method = flickrMethod(request);
    if (method == null) {
      // Not a Flickr REST method (an upload, say): counted, signed if in scope, left alone.
      acquire();
      return chain.proceed(request);
    }
    request = withConventions(request, method);

    for (int attempt = 0; ; attempt++) {
      acquire();
      Response response = chain.proceed(request);
      // The start of the body, read once for both the retry decision and the checks.
      okhttp3.ResponseBody peeked;
      try {
        peeked = response.isSuccessful() ? response.peekBody(PEEK_BYTES) : null;
      } catch (IOException | RuntimeException e) {
        response.close(); // the body failed as it was read
        throw e;
      }
      boolean json = peeked != null && Envelope.startsWithObject(peeked.source());
      Envelope failure = json ? Envelope.failureIn(peeked.source()) : null;
      long delay = attempt < maxRetries ? retryDelay(response, failure, attempt) : -1;
      if (delay >= 0) {
        response.close();
        sleep(delay);
        continue;
      }
      return checked(response, peeked, json, failure, method);
    }
  }

  /**
   * True if the request is signed with a token: one of its {@link SigningOptions} or {@link Token}
   * tag (as {@code Flickr.withToken} and uploads give it), else the signer's, unless the options
   * say {@link SigningOptions#withoutToken()}.
   */
  private boolean signedWithToken(Request request) {
    SigningOptions options = request.tag(SigningOptions.class);
    if (options != null && options.withoutToken()) return false;
    return (options != null && options.token() != null)
        || request.tag(Token.class) != null
        || signer.token() != null;
  }

  /**
   * Adds the conventions: to the form body of a {@code @FormUrlEncoded} POST, where Flickr's write
   * methods take their arguments, else to the query. A caller's own {@code method}, {@code format},
   * {@code nojsoncallback} or {@code api_key} is replaced.
   */
  Request withConventions(Request request, String method) {
    boolean signed = signedWithToken(request);
    Request.Builder out = request.newBuilder();
    if (!signed) out.tag(Unsigned.class, Unsigned.INSTANCE);
    if (request.body() instanceof FormBody form) {
      FormBody.Builder builder = new FormBody.Builder().add(Wire.METHOD, method);
      for (int i = 0, size = form.size(); i < size; i++) {
        if (RESERVED.contains(form.name(i))) continue;
        builder.addEncoded(form.encodedName(i), form.encodedValue(i));
      }
      builder.add(Wire.FORMAT, Wire.FORMAT_JSON).add(Wire.NOJSONCALLBACK, Wire.NOJSONCALLBACK_ON);
      if (!signed) builder.add(Wire.API_KEY, signer.clientCredentials().key());
      return out.method(request.method(), builder.build()).build();
    }
    HttpUrl url = request.url();
    HttpUrl.Builder builder = url.newBuilder().query(null);
    builder.addQueryParameter(Wire.METHOD, method);
    for (int i = 0, size = url.querySize(); i < size; i++) {
      String name = url.queryParameterName(i);
      if (RESERVED.contains(name)) continue;
      builder.addQueryParameter(name, url.queryParameterValue(i));
    }
    builder.addQueryParameter(Wire.FORMAT, Wire.FORMAT_JSON);
    builder.addQueryParameter(Wire.NOJSONCALLBACK, Wire.NOJSONCALLBACK_ON);
    if (!signed) builder.addQueryParameter(Wire.API_KEY, signer.clientCredentials().key());
    return out.url(builder.build()).build();
  }

  private void acquire() throws IOException {
    if (rateLimiter != null) rateLimiter.acquire();
  }

  private void sleep(long nanos) throws InterruptedIOException {
    try {
      sleeper.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted =
          new InterruptedIOException("interrupted while backing off from Flickr's overload answer");
      interrupted.initCause(e);
      throw interrupted;
    }
  }

  /**
   * How long to wait before retrying {@code response}, or -1 if it is not an overload answer.
   * Honours {@code Retry-After} (in seconds) on HTTP 429, up to the largest backoff.
   */
  long retryDelay(Response response, Envelope failure, int attempt) {
    boolean overloaded =
        response.code() == 429
            || (failure != null && failure.code == FlickrError.SERVICE_UNAVAILABLE.code());
    if (!overloaded) return -1;
    long backoff = backoffNanos;
    for (int i = 0; i < attempt && backoff < maxBackoffNanos; i++) backoff *= 2;
    backoff = Math.min(maxBackoffNanos, backoff);
    String retryAfter = response.header("Retry-After");
    if (retryAfter != null) {
      try {
        long seconds = Long.parseLong(retryAfter.trim());
        if (seconds >= 0) return Math.min(maxBackoffNanos, TimeUnit.SECONDS.toNanos(seconds));
      } catch (NumberFormatException ignored) {
        // An HTTP date: use the backoff.
      }
    }
    return backoff;
  }

  /**
   * The exception for an HTTP error answer to {@code method}, with the start of its body. Closes
   * {@code response}.
   */
  static FlickrException httpError(String method, Response response) throws IOException {
    String snippet;
    try {
      snippet = Envelope.snippet(response.peekBody(PEEK_BYTES).source(), SNIPPET_CHARS);
    } finally {
      response.close();
    }
    return FlickrException.unexpected(
        method,
        response.code(),
        "HTTP " + response.code() + (response.message().isEmpty() ? "" : " " + response.message()),
        snippet,
        null);
  }

  /**
   * Returns {@code response} if it is a readable answer; else closes it and throws. {@code peeked}
   * is the start of a successful answer's body, {@code json} whether it opens a JSON object, and
   * {@code failure} the {@code stat=fail} answer it holds, if any.
   */
  private static Response checked(
      Response response, okhttp3.ResponseBody peeked, boolean json, Envelope failure, String method)
      throws IOException {
    if (!response.isSuccessful()) throw httpError(method, response);
    if (!json) {
      String snippet = Envelope.snippet(peeked.source(), SNIPPET_CHARS);
      okhttp3.MediaType type = response.body().contentType();
      response.close();
      throw FlickrException.unexpected(
          method,
          response.code(),
          "the answer is not JSON" + (type == null ? "" : " but " + type),
          snippet,
          null);
    }
    if (failure != null) {
      response.close();
      throw FlickrException.fail(method, failure.code, failure.message);
    }
    return response;
  }
}
