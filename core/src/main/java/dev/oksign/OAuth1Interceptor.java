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
 * with no OAuth parameter at all. As an application interceptor it signs the first attempt only: a
 * retry would then resend the same nonce, and a redirect would carry a signature made for another
 * URL.
 *
 * <p><b>Scope.</b> A client is often shared by several APIs, so the interceptor signs only requests
 * whose host is one of those it was built with ({@link Builder#host(String)}, exact and
 * case-insensitive) or lies under a domain it was given ({@link Builder#domain(String)}), and only
 * over {@code https} unless {@link Builder#allowHttp(boolean)} says otherwise. There is no "sign
 * everything" default: {@link Builder#build()} refuses an empty scope.
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
  private final boolean allowHttp;
  private final boolean clockSkewCorrection;
  private final boolean resendUnsafeMethods;
  private final boolean throwOnRefusal;
  private final AtomicLong clockOffsetSeconds = new AtomicLong();
  private final Interceptor clockSkewRetry = new ClockSkewRetry();

  /** Computes the base string of a signed request, as a server would; knows no secret. */
  private static final OAuth1Verifier BASE_STRINGS =
      OAuth1Verifier.builder().clientSecrets(consumerKey -> null).build();

  /** Refusals are short forms; a longer body is read only this far. */
  private static final long MAX_REFUSAL_BYTES = 64 * 1024;

  private OAuth1Interceptor(Builder builder) {
    this.signer = builder.signer;
    this.hosts = Collections.unmodifiableList(new ArrayList<>(builder.hosts));
    this.domains = Collections.unmodifiableList(new ArrayList<>(builder.domains));
    this.allowHttp = builder.allowHttp;
    this.clockSkewCorrection = builder.clockSkewCorrection;
    this.resendUnsafeMethods = builder.resendUnsafeMethods;
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

  /** True if a request to {@code url} would be signed. */
  public boolean inScope(HttpUrl url) {
    if (!allowHttp && !url.isHttps()) return false;
    String host = url.host().toLowerCase(Locale.ROOT);
    if (hosts.contains(host)) return true;
    for (String domain : domains) {
      if (host.equals(domain) || host.endsWith("." + domain)) return true;
    }
    return false;
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
   * OkHttp lets a network interceptor call {@code proceed} only once, which is why the retry lives
   * here.
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
    if (!inScope(request.url())) return chain.proceed(request);
    long usedOffset = clockOffsetSeconds.get();
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
    String ourBaseString = signed.baseString();
    if (ourBaseString == null) {
      // The signer's fast path may skip the string: recompute it from what was sent.
      ourBaseString = BASE_STRINGS.verify(signed.signedRequest()).baseString();
    }
    OAuthProblemException refusal =
        OAuthProblemException.of(
            request.method() + " " + request.url(), code, body, headerFields, ourBaseString, null);
    if (clockSkewCorrection
        && OAuthProblem.TIMESTAMP_REFUSED.wireName().equals(form.get(OAuth.PROBLEM))) {
      refusal.clockCorrected = correctClock(response, form, usedOffset);
    }
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
        if (refused == null || !refused.clockCorrected) return response;
        response.close(); // throwOnRefusal(false): retry as below, answer the retry's response
        return chain.proceed(chain.request());
      } catch (OAuthProblemException e) {
        if (!e.clockCorrected) throw e;
        try {
          return chain.proceed(chain.request());
        } catch (OAuthProblemException again) {
          again.addSuppressed(e);
          throw again;
        }
      }
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
     * Whether to sign requests over plain {@code http} to hosts in scope; false by default. Only
     * for local tests and providers without TLS: the signed parameters travel in the clear.
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
     * @throws IllegalStateException if no host or domain was given
     */
    public OAuth1Interceptor build() {
      if (hosts.isEmpty() && domains.isEmpty()) {
        throw new IllegalStateException(
            "hosts is empty: name the hosts this interceptor may sign for, so that credentials"
                + " never reach another API that shares the client");
      }
      return new OAuth1Interceptor(this);
    }
  }
}
