package dev.oksign;

import dev.oksign.internal.AuthorizationHeader;
import dev.oksign.internal.FormResponse;
import dev.oksign.internal.OAuth;
import dev.oksign.internal.Percent;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProtocolException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * An OkHttp interceptor that signs each request to the hosts it is scoped to, with an {@link
 * OAuth1Signer}, and leaves every other request untouched.
 *
 * <pre>{@code
 * OkHttpClient client = existingClient.newBuilder()
 *     .addNetworkInterceptor(OAuth1Interceptor.create(signer, "api.flickr.com"))
 *     .build();
 * }</pre>
 *
 * <p><b>Add it as a network interceptor.</b> There it runs once per attempt that reaches the
 * network, so every retry and every followed redirect is signed anew, with a fresh nonce and
 * timestamp, for the URL it is really sent to; and a redirect to a host outside the scope leaves
 * with no OAuth parameter at all, whatever the placement and the redirect code. In the application
 * slot ({@code addInterceptor}) it refuses every request in its scope with a {@link
 * SigningException} that says to use {@code addNetworkInterceptor}, and sends nothing. It has to:
 * OkHttp follows redirects and retries <em>below</em> the application slot, from the request the
 * interceptor passed on, so a {@code 307}/{@code 308} would resend a signed form body (with
 * PLAINTEXT, both secrets) to whatever host or scheme the server names, a {@code 301}/{@code
 * 302}/{@code 303} would carry a query-placed signature to it, and a retry would resend the same
 * nonce. No signing there can be made safe for every placement and redirect code, so there is none.
 * The interceptor tells the slots apart by {@link Interceptor.Chain#connection()}, which OkHttp
 * gives network interceptors only.
 *
 * <p><b>Scope.</b> A client is often shared by several APIs, so the interceptor signs only requests
 * whose host is one of those it was built with ({@link Builder#host(String)}, exact and
 * case-insensitive), lies under a domain it was given ({@link Builder#domain(String)}), or matches
 * the scheme, host and port of a URL it was given ({@link Builder#scope(HttpUrl)}). Hosts and
 * domains match any port; a scope URL matches its own port only. One interceptor covers every host
 * of an API, such as Flickr's {@code api.flickr.com} and {@code up.flickr.com}. Requests outside
 * the scope pass untouched. A host or domain is signed over {@code https} only, unless {@link
 * Builder#allowHttp(boolean)} says otherwise; a scope URL names its scheme itself. A request to a
 * host in the scope that would not be signed because it uses plain {@code http} is not sent
 * unsigned: it fails with a {@link SigningException} naming the host, the scheme and {@code
 * allowHttp}, before anything is sent. There is no "sign everything" default: {@link
 * Builder#build()} refuses an empty scope.
 *
 * <p><b>Redirects of form-placed requests.</b> With {@link Placement#FORM_BODY}, OkHttp follows a
 * {@code 301}/{@code 302}/{@code 303} after a POST with a GET that has no body. The POST was
 * processed; failing the GET would make a caller who retries apply it twice. So that follow-up (a
 * request without a body in a call whose own request had one) is signed with its protocol
 * parameters in the query ({@link Placement#QUERY}), the only place left; a {@code 307}/{@code 308}
 * keeps the body and is signed in it anew. A call made without a body is still refused.
 *
 * <p><b>Failures.</b> A request that cannot be signed fails with a {@link SigningException} before
 * anything is sent. A refusal by the server (a 4xx response to a signed request whose form body
 * holds {@code oauth_problem}, as Flickr's 401s do) fails with an {@link OAuthProblemException}
 * that carries the status, the problem, the provider's advice and, for {@code signature_invalid}, a
 * diagnosis comparing the server's {@code debug_sbs} with the base string we signed. Other error
 * responses are returned as they are. Both are {@link IOException}s, as OkHttp requires.
 *
 * <p><b>Clock skew.</b> On {@code timestamp_refused} the interceptor reads the server's {@code
 * Date} header and signs every later request with the corrected time ({@link #clockOffset()}). To
 * also retry the refused call once, add {@link #clockSkewRetry()} as an application interceptor:
 * OkHttp lets a network interceptor send a request only once.
 *
 * <pre>{@code
 * OAuth1Interceptor oauth = OAuth1Interceptor.create(signer, "api.flickr.com");
 * OkHttpClient client = new OkHttpClient.Builder()
 *     .addInterceptor(oauth.clockSkewRetry())   // application slot: one retry on timestamp_refused
 *     .addNetworkInterceptor(oauth)             // network slot: signs every attempt
 *     .build();
 * }</pre>
 */
public final class OAuth1Interceptor implements Interceptor {
  private final OAuth1Signer signer;
  private final List<String> hosts;
  private final List<String> domains;
  private final List<HttpUrl> urls;
  private final boolean allowHttp;
  private final boolean clockSkewCorrection;
  private final boolean resendUnsafeMethods;
  private final boolean throwOnRefusal;
  private final AtomicLong clockOffsetSeconds = new AtomicLong();
  private final Interceptor clockSkewRetry = new ClockSkewRetry();

  /**
   * The signer with {@link Placement#QUERY} when the signer places in the form body, for the GET
   * that follows a redirected POST; else the signer itself.
   */
  private final OAuth1Signer bodilessSigner;

  /** Refusals are short forms; a longer body is read only this far. */
  private static final long MAX_REFUSAL_BYTES = 64 * 1024;

  private OAuth1Interceptor(Builder builder) {
    this.signer = builder.signer;
    this.hosts = Collections.unmodifiableList(new ArrayList<>(builder.hosts));
    this.domains = Collections.unmodifiableList(new ArrayList<>(builder.domains));
    this.urls = Collections.unmodifiableList(new ArrayList<>(builder.urls));
    this.allowHttp = builder.allowHttp;
    this.clockSkewCorrection = builder.clockSkewCorrection;
    this.resendUnsafeMethods = builder.resendUnsafeMethods;
    this.bodilessSigner =
        signer.placement() == Placement.FORM_BODY
            ? signer.newBuilder().placement(Placement.QUERY).build()
            : signer;
    this.throwOnRefusal = builder.throwOnRefusal;
  }

  /**
   * Returns an interceptor that signs with {@code signer} the {@code https} requests to exactly the
   * given hosts.
   */
  public static OAuth1Interceptor create(OAuth1Signer signer, String... hosts) {
    Builder builder = builder(signer);
    for (String host : hosts) builder.host(host);
    return builder.build();
  }

  /** Returns a builder of an interceptor signing with {@code signer}. */
  public static Builder builder(OAuth1Signer signer) {
    return new Builder(signer);
  }

  /** Returns a builder holding this interceptor's configuration. */
  public Builder newBuilder() {
    Builder builder = new Builder(signer);
    builder.hosts.addAll(hosts);
    builder.domains.addAll(domains);
    builder.urls.addAll(urls);
    builder.allowHttp = allowHttp;
    builder.clockSkewCorrection = clockSkewCorrection;
    builder.resendUnsafeMethods = resendUnsafeMethods;
    builder.throwOnRefusal = throwOnRefusal;
    return builder;
  }

  /** The signer. */
  public OAuth1Signer signer() {
    return signer;
  }

  /**
   * True if a request to {@code url} would be signed. A request to a host in the scope over plain
   * {@code http} that is not allowed is not signed but refused (see the class documentation).
   */
  public boolean inScope(HttpUrl url) {
    return scopeOf(url) == SIGN;
  }

  private static final int OUTSIDE = 0;
  private static final int SIGN = 1;
  private static final int REFUSE_HTTP = 2;

  /** Whether {@code url} is signed, outside the scope, or a scope host over a refused scheme. */
  private int scopeOf(HttpUrl url) {
    String host = url.host().toLowerCase(Locale.ROOT);
    boolean named = hosts.contains(host);
    for (int i = 0; !named && i < domains.size(); i++) {
      String domain = domains.get(i);
      named = host.equals(domain) || host.endsWith("." + domain);
    }
    if (named && (allowHttp || url.isHttps())) return SIGN;
    boolean hostOfUrl = false;
    for (HttpUrl scope : urls) {
      if (!scope.host().equals(host)) continue;
      if (scope.scheme().equals(url.scheme()) && scope.port() == url.port()) return SIGN;
      hostOfUrl = true;
    }
    return (named || hostOfUrl) && !url.isHttps() ? REFUSE_HTTP : OUTSIDE;
  }

  /**
   * The offset added to the signer's clock for {@code oauth_timestamp}: zero until a server refuses
   * a timestamp, then the server's clock minus ours, as read from its {@code Date} header (or the
   * middle of its {@code oauth_acceptable_timestamps}). Kept for every later request.
   */
  public Duration clockOffset() {
    return Duration.ofSeconds(clockOffsetSeconds.get());
  }

  /**
   * Returns the companion of this interceptor for the <em>application</em> slot: it retries a call
   * once when this interceptor, in the network slot, saw {@code timestamp_refused} and corrected
   * its clock offset. The retry goes through the network slot again, so it is signed with a fresh
   * nonce and the corrected timestamp. A second refusal is thrown, never retried: there is no loop.
   * A call whose body is one-shot or duplex is not retried either (its bytes were spent on the
   * first attempt): its refusal says so. OkHttp lets a network interceptor call {@code proceed}
   * only once, which is why the retry lives here.
   *
   * <pre>{@code
   * OAuth1Interceptor oauth = OAuth1Interceptor.create(signer, "api.flickr.com");
   * OkHttpClient client = new OkHttpClient.Builder()
   *     .addInterceptor(oauth.clockSkewRetry())
   *     .addNetworkInterceptor(oauth)
   *     .build();
   * }</pre>
   */
  public Interceptor clockSkewRetry() {
    return clockSkewRetry;
  }

  /**
   * Signs the request if it is in scope, sends it, and turns an OAuth refusal (a 4xx response whose
   * form body, or {@code WWW-Authenticate: OAuth} header, holds {@code oauth_problem}) into an
   * {@link OAuthProblemException} carrying the base string we signed, so that {@code
   * signature_invalid} comes with a {@link OAuthProblemException#diagnosis() diagnosis}. On {@code
   * timestamp_refused} the clock offset is corrected first, unless {@link
   * Builder#clockSkewCorrection(boolean)} turned that off. With {@link
   * Builder#throwOnRefusal(boolean) throwOnRefusal(false)} the refusal is returned as the
   * provider's response instead, the exception reachable through {@link
   * OAuthProblemException#from(Response)}.
   */
  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    int scope = scopeOf(request.url());
    if (scope == OUTSIDE) return chain.proceed(request);
    if (chain.connection() == null) {
      throw new SigningException(
          "OAuth1Interceptor was added with addInterceptor, the application slot, where OkHttp would"
              + " resend what it signs to wherever a redirect points: add it with"
              + " addNetworkInterceptor (request to "
              + request.url().host()
              + " not sent)");
    }
    if (scope == REFUSE_HTTP) {
      throw new SigningException(
          "request to "
              + request.url().host()
              + " is in this interceptor's scope but uses plain "
              + request.url().scheme()
              + ": not sending it unsigned. Use https, or allowHttp(true) (or a scope URL with"
              + " http) for a provider without TLS");
    }
    long usedOffset = clockOffsetSeconds.get();
    OAuth1Signer signer = this.signer;
    if (request.body() == null
        && signer != bodilessSigner
        && chain.call().request().body() != null) {
      signer = bodilessSigner; // the redirect of a form POST: see the class documentation
    }
    SigningReport signed = signer.compute(request, usedOffset, true);
    Response response;
    try {
      response = chain.proceed(signed.signedRequest());
    } catch (IOException e) {
      throw resendGuard(request, e);
    }
    int code = response.code();
    if (code < 400 || code >= 500) return response;
    String body = response.peekBody(MAX_REFUSAL_BYTES).string();
    Map<String, String> form = FormResponse.parse(body);
    Map<String, String> headerFields = null;
    if (form == null || form.get(OAuth.PROBLEM) == null) {
      headerFields = problemHeader(response);
      if (headerFields == null) return response;
      form = headerFields;
    }
    boolean clockCorrected =
        clockSkewCorrection
            && OAuthProblem.TIMESTAMP_REFUSED.wireName().equals(form.get(OAuth.PROBLEM))
            && correctClock(response, form, usedOffset);
    OAuthProblemException refusal =
        OAuthProblemException.of(
            request.method() + " " + request.url(),
            code,
            body,
            headerFields,
            signed.baseString(),
            null,
            clockCorrected);
    if (!throwOnRefusal) {
      Request tagged =
          response.request().newBuilder().tag(OAuthProblemException.class, refusal).build();
      return response.newBuilder().request(tagged).build();
    }
    response.close();
    throw refusal;
  }

  /**
   * OkHttp sends a request again when its connection fails, even after the request went out (a
   * stale pooled connection). For a POST or PATCH that resend would carry a fresh nonce, so the
   * server's replay check, which would have refused an identical resend, lets it through: the write
   * may be applied twice. Such failures are therefore turned into a {@link ProtocolException},
   * which OkHttp does not retry, unless {@link Builder#resendUnsafeMethods(boolean)} allows the
   * resend.
   */
  private IOException resendGuard(Request request, IOException e) {
    if (resendUnsafeMethods
        || e instanceof ProtocolException
        || e instanceof InterruptedIOException
        || !(request.method().equals("POST") || request.method().equals("PATCH"))) {
      return e;
    }
    ProtocolException stop =
        new ProtocolException(
            request.method()
                + " "
                + request.url().redact()
                + " failed after it may have reached the server; not sending it again with a"
                + " fresh signature, which could apply it twice: "
                + e);
    stop.initCause(e);
    return stop;
  }

  /**
   * The fields of a {@code WWW-Authenticate: OAuth ...} header holding {@code oauth_problem}, as
   * the Problem Reporting extension allows in place of a form body; null if there is none.
   */
  private static Map<String, String> problemHeader(Response response) {
    for (String value : response.headers("WWW-Authenticate")) {
      if (!AuthorizationHeader.isOAuth(value)) continue;
      Map<String, String> fields = new LinkedHashMap<>();
      try {
        for (Map.Entry<String, String> e : AuthorizationHeader.parse(value)) {
          fields.putIfAbsent(
              Percent.decode(e.getKey(), false), Percent.decode(e.getValue(), false));
        }
      } catch (IllegalArgumentException malformed) {
        continue;
      }
      if (fields.get(OAuth.PROBLEM) != null) return fields;
    }
    return null;
  }

  /**
   * Learns the server's clock from a refusal; true if the offset now differs from the one the
   * refused request was signed with (another call may have learned it meanwhile).
   */
  private boolean correctClock(Response response, Map<String, String> form, long usedOffset) {
    long ours = signer.clock().instant().getEpochSecond();
    Long server = null;
    Date date = response.headers().getDate("Date");
    if (date != null) {
      server = date.getTime() / 1000;
    } else {
      String acceptable = form.get(OAuth.ACCEPTABLE_TIMESTAMPS);
      int dash = acceptable == null ? -1 : acceptable.indexOf('-');
      if (dash > 0) {
        try {
          long min = Long.parseLong(acceptable.substring(0, dash).trim());
          long max = Long.parseLong(acceptable.substring(dash + 1).trim());
          server = min + (max - min) / 2;
        } catch (NumberFormatException ignored) {
          // Not a range: nothing to learn from.
        }
      }
    }
    if (server == null) return false;
    long offset = server - ours;
    clockOffsetSeconds.set(offset);
    return offset != usedOffset;
  }

  /** Names the scope and the signer; never a secret. */
  @Override
  public String toString() {
    return "OAuth1Interceptor[hosts="
        + hosts
        + ", domains="
        + domains
        + (urls.isEmpty() ? "" : ", urls=" + urls)
        + ", allowHttp="
        + allowHttp
        + ", signer="
        + signer
        + "]";
  }

  /** Retries once, at application level, a call refused for a timestamp the network slot fixed. */
  private static final class ClockSkewRetry implements Interceptor {
    @Override
    public Response intercept(Chain chain) throws IOException {
      try {
        Response response = chain.proceed(chain.request());
        OAuthProblemException refused = OAuthProblemException.from(response);
        // throwOnRefusal(false): the refusal came back as a response. A one-shot body is not
        // resent; the caller gets the refusal as it came.
        if (refused == null || !refused.clockCorrected() || isOneShot(chain.request())) {
          return response;
        }
        response.close();
        return chain.proceed(chain.request());
      } catch (OAuthProblemException e) {
        if (!e.clockCorrected()) throw e;
        if (isOneShot(chain.request())) {
          // Its bytes are gone: a resend would carry an empty or partial body. OkHttp never
          // retries such a body either.
          throw e.notRetried(
              "the request body is one-shot and was already sent, so it cannot be sent again with"
                  + " the corrected clock; the next request is signed with it");
        }
        try {
          return chain.proceed(chain.request());
        } catch (OAuthProblemException again) {
          again.addSuppressed(e);
          throw again;
        }
      }
    }

    private static boolean isOneShot(Request request) {
      RequestBody body = request.body();
      return body != null && (body.isOneShot() || body.isDuplex());
    }

    @Override
    public String toString() {
      return "OAuth1Interceptor.clockSkewRetry()";
    }
  }

  /** Builds an {@link OAuth1Interceptor}. */
  public static final class Builder {
    private final OAuth1Signer signer;
    private final List<String> hosts = new ArrayList<>();
    private final List<String> domains = new ArrayList<>();
    private final List<HttpUrl> urls = new ArrayList<>();
    private boolean allowHttp;
    private boolean clockSkewCorrection = true;
    private boolean resendUnsafeMethods;
    private boolean throwOnRefusal = true;

    Builder(OAuth1Signer signer) {
      if (signer == null) throw new NullPointerException("signer == null");
      this.signer = signer;
    }

    /**
     * Whether a POST or PATCH whose connection failed after it may have been sent can be sent again
     * (OkHttp's {@code retryOnConnectionFailure}), signed anew; false by default. A resend carries
     * a fresh nonce, so the server cannot tell it from a new request, and a write can be applied
     * twice. When false, such a failure is reported as a {@link ProtocolException} (which OkHttp
     * does not retry) whose cause is the original failure. Idempotent methods (GET, HEAD, PUT,
     * DELETE) are always resent as OkHttp decides.
     */
    public Builder resendUnsafeMethods(boolean resendUnsafeMethods) {
      this.resendUnsafeMethods = resendUnsafeMethods;
      return this;
    }

    /**
     * Signs requests to exactly {@code host} (case-insensitive), such as {@code api.flickr.com}.
     */
    public Builder host(String host) {
      hosts.add(checkHost(host, "host"));
      return this;
    }

    /**
     * Signs requests to {@code domain} and every host under it: {@code flickr.com} covers {@code
     * api.flickr.com} and {@code www.flickr.com}.
     */
    public Builder domain(String domain) {
      domains.add(checkHost(domain, "domain"));
      return this;
    }

    /**
     * Signs requests with the scheme, host and port of {@code url}, such as {@code
     * https://up.flickr.com/} or a local fake's {@code http://127.0.0.1:8080/}; its path is
     * ignored. Unlike {@link #host(String)}, this matches one port only, and signs plain {@code
     * http} when the URL says so, without {@link #allowHttp(boolean)}.
     */
    public Builder scope(HttpUrl url) {
      if (url == null) throw new NullPointerException("url == null");
      urls.add(
          new HttpUrl.Builder().scheme(url.scheme()).host(url.host()).port(url.port()).build());
      return this;
    }

    /**
     * Whether to sign requests over plain {@code http} to the hosts and domains in scope; false by
     * default, and such requests are then refused rather than sent unsigned. Only for local tests
     * and providers without TLS: the signed parameters travel in the clear.
     */
    public Builder allowHttp(boolean allowHttp) {
      this.allowHttp = allowHttp;
      return this;
    }

    /**
     * Whether to learn the server's clock when it answers {@code timestamp_refused}, and sign later
     * requests with the corrected time (see {@link OAuth1Interceptor#clockSkewRetry()} for the
     * retry); true by default.
     */
    public Builder clockSkewCorrection(boolean clockSkewCorrection) {
      this.clockSkewCorrection = clockSkewCorrection;
      return this;
    }

    /**
     * Whether a refusal (a 4xx answer carrying {@code oauth_problem}) is thrown as an {@link
     * OAuthProblemException}; true by default. When false, the provider's response is returned
     * unchanged, so code that checks {@code isSuccessful()} (Retrofit's {@code Response}, say) sees
     * it, and the parsed problem and its diagnosis stay reachable through {@link
     * OAuthProblemException#from(Response)}.
     */
    public Builder throwOnRefusal(boolean throwOnRefusal) {
      this.throwOnRefusal = throwOnRefusal;
      return this;
    }

    private static String checkHost(String host, String what) {
      if (host == null) throw new NullPointerException(what + " == null");
      String h = host.trim().toLowerCase(Locale.ROOT);
      if (h.isEmpty()) throw new IllegalArgumentException(what + " is empty");
      if (h.contains("/") || h.contains("*") || h.contains(" ")) {
        throw new IllegalArgumentException(
            what + " must be a bare host name such as api.flickr.com, not " + host);
      }
      if (h.startsWith(".")) h = h.substring(1);
      if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
      return h;
    }

    /**
     * Returns the interceptor.
     *
     * @throws IllegalStateException if no host, domain or scope URL was given
     */
    public OAuth1Interceptor build() {
      if (hosts.isEmpty() && domains.isEmpty() && urls.isEmpty()) {
        throw new IllegalStateException(
            "hosts is empty: name the hosts this interceptor may sign for, so that credentials"
                + " never reach another API that shares the client");
      }
      return new OAuth1Interceptor(this);
    }
  }
}
