package dev.oksign;

import dev.oksign.internal.FormResponse;
import dev.oksign.internal.OAuth;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The three-legged token flow of RFC 5849 §2: temporary credentials (the request token), the user's
 * authorization in a browser, and the access token. Built once, immutable and thread-safe.
 *
 * <pre>{@code
 * TokenFlow flow = TokenFlow.builder()
 *     .clientCredentials(ClientCredentials.of(apiKey, apiSecret))
 *     .requestTokenUrl("https://www.flickr.com/services/oauth/request_token")
 *     .authorizationUrl("https://www.flickr.com/services/oauth/authorize")
 *     .accessTokenUrl("https://www.flickr.com/services/oauth/access_token")
 *     .build();
 * Token requestToken = flow.requestToken("oob");
 * System.out.println(flow.authorizationUrl(requestToken, Map.of("perms", "read")));
 * String verifier = readLine();                  // Flickr shows it as 123-456-789
 * AccessToken access = flow.accessToken(requestToken, verifier);
 * }</pre>
 *
 * <p>Each leg is signed by an {@link OAuth1Interceptor} scoped to the hosts of the token endpoints:
 * the first with no token and {@code oauth_callback}; the last with the request token, its secret
 * in the signing key, and {@code oauth_verifier}. Plain {@code http} endpoints are allowed because
 * they are configured explicitly.
 *
 * <p>Every failure is an {@link OAuthProblemException}: an {@code oauth_problem} (with a diagnosis
 * for {@code signature_invalid}), an error status, a body that is not a form, a form without {@code
 * oauth_token} or {@code oauth_token_secret}, {@code oauth_callback_confirmed} not {@code true}. On
 * {@code timestamp_refused} the flow corrects its clock offset from the server's {@code Date} and
 * retries once with a fresh nonce; see {@link #clockOffset()}.
 */
public final class TokenFlow {
  private final HttpUrl requestTokenUrl;
  private final HttpUrl authorizationUrl;
  private final HttpUrl accessTokenUrl;
  private final String httpMethod;
  private final OAuth1Interceptor interceptor;
  private final OkHttpClient client;

  private TokenFlow(Builder builder) {
    this.requestTokenUrl = builder.requestTokenUrl;
    this.authorizationUrl = builder.authorizationUrl;
    this.accessTokenUrl = builder.accessTokenUrl;
    this.httpMethod = builder.httpMethod;
    OAuth1Signer.Builder signer =
        (builder.signer != null ? builder.signer.newBuilder() : OAuth1Signer.builder())
            .token(null)
            .placement(Placement.AUTHORIZATION_HEADER)
            .bodyHash(false)
            .clientCredentials(builder.clientCredentials)
            .signatureMethod(builder.signatureMethod)
            .clock(builder.clock);
    if (builder.nonces != null) signer.nonces(builder.nonces);
    Set<String> hosts = new LinkedHashSet<>();
    hosts.add(requestTokenUrl.host());
    hosts.add(accessTokenUrl.host());
    OAuth1Interceptor.Builder scope =
        OAuth1Interceptor.builder(signer.build())
            .allowHttp(!requestTokenUrl.isHttps() || !accessTokenUrl.isHttps())
            .clockSkewCorrection(builder.clockSkewCorrection);
    for (String host : hosts) scope.host(host);
    this.interceptor = scope.build();
    OkHttpClient.Builder clientBuilder =
        (builder.client != null ? builder.client : new OkHttpClient()).newBuilder();
    // A client that already signs for these hosts would sign twice: the flow signs on its own.
    clientBuilder.networkInterceptors().removeIf(i -> i instanceof OAuth1Interceptor);
    clientBuilder.interceptors().removeIf(TokenFlow::isClockSkewRetry);
    this.client =
        clientBuilder
            .addInterceptor(interceptor.clockSkewRetry())
            .addNetworkInterceptor(interceptor)
            .build();
  }

  private static boolean isClockSkewRetry(Interceptor interceptor) {
    return interceptor.getClass().getEnclosingClass() == OAuth1Interceptor.class;
  }

  /** Returns a builder; the three URLs and the client credentials are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder that signs as {@code signer} does: its client credentials, signature method,
   * clock, nonces, realm and {@code oauth_version}, each of which the builder can still change. The
   * signer's token and placement are not used: the flow signs in the {@code Authorization} header,
   * the first leg with no token, the last with the request token. The three URLs are required.
   *
   * <pre>{@code
   * TokenFlow flow = TokenFlow.builder(signer)
   *     .requestTokenUrl("https://www.flickr.com/services/oauth/request_token")
   *     .authorizationUrl("https://www.flickr.com/services/oauth/authorize")
   *     .accessTokenUrl("https://www.flickr.com/services/oauth/access_token")
   *     .build();
   * }</pre>
   */
  public static Builder builder(OAuth1Signer signer) {
    if (signer == null) throw new NullPointerException("signer == null");
    Builder builder = new Builder();
    builder.signer = signer;
    builder.clientCredentials = signer.clientCredentials;
    builder.signatureMethod = signer.signatureMethod;
    builder.clock = signer.clock;
    builder.nonces = signer.nonces;
    return builder;
  }

  /**
   * Obtains temporary credentials (RFC 5849 §2.1): a request token and its secret.
   *
   * @param callback the absolute URI the provider sends the user back to (a web page, or an app's
   *     own scheme such as {@code x-oauthflow-flickr://callback}), or {@code oob} for a verifier
   *     the user copies by hand
   * @throws OAuthProblemException if the provider refuses, or answers without {@code oauth_token},
   *     {@code oauth_token_secret} or {@code oauth_callback_confirmed=true}
   * @throws IOException if the request fails
   */
  public Token requestToken(String callback) throws IOException {
    if (callback == null) throw new NullPointerException("callback == null");
    if (!callback.equals(OAuth.OOB) && !isAbsoluteUri(callback)) {
      throw new IllegalArgumentException(
          "callback must be an absolute URI (https://... or an app's own scheme://...) or oob, not "
              + callback);
    }
    SigningOptions options = SigningOptions.builder().withoutToken().callback(callback).build();
    Map<String, String> form = call("request_token", requestTokenUrl, options, true);
    return new Token(form.get(OAuth.TOKEN), form.get(OAuth.TOKEN_SECRET));
  }

  /** Returns the URL to send the user to, to authorize {@code requestToken} (RFC 5849 §2.2). */
  public HttpUrl authorizationUrl(Token requestToken) {
    return authorizationUrl(requestToken, Collections.<String, String>emptyMap());
  }

  /**
   * Returns the URL to send the user to, to authorize {@code requestToken} (RFC 5849 §2.2), with
   * provider parameters such as Flickr's {@code perms=read|write|delete}.
   */
  public HttpUrl authorizationUrl(Token requestToken, Map<String, String> extraParameters) {
    if (requestToken == null) throw new NullPointerException("requestToken == null");
    HttpUrl.Builder url =
        authorizationUrl.newBuilder().addQueryParameter(OAuth.TOKEN, requestToken.value());
    for (Map.Entry<String, String> e : extraParameters.entrySet()) {
      url.addQueryParameter(e.getKey(), e.getValue());
    }
    return url.build();
  }

  /**
   * Exchanges the authorized request token for an access token (RFC 5849 §2.3). The request is
   * signed with the request token and its secret. The verifier is sent as typed, white space around
   * it trimmed: Flickr's {@code 123-456-789} keeps its dashes.
   *
   * @throws OAuthProblemException if the provider refuses, or answers without {@code oauth_token}
   *     or {@code oauth_token_secret}
   * @throws IOException if the request fails
   */
  public AccessToken accessToken(Token requestToken, String verifier) throws IOException {
    if (requestToken == null) throw new NullPointerException("requestToken == null");
    if (verifier == null) throw new NullPointerException("verifier == null");
    String trimmed = verifier.trim();
    if (trimmed.isEmpty()) throw new IllegalArgumentException("verifier is empty");
    SigningOptions options = SigningOptions.builder().token(requestToken).verifier(trimmed).build();
    Map<String, String> form = call("access_token", accessTokenUrl, options, false);
    Map<String, String> others = new LinkedHashMap<>(form);
    others.remove(OAuth.TOKEN);
    others.remove(OAuth.TOKEN_SECRET);
    return new AccessToken(new Token(form.get(OAuth.TOKEN), form.get(OAuth.TOKEN_SECRET)), others);
  }

  /**
   * Reads the callback URL the browser landed on (RFC 5849 §2.2) and returns its token and
   * verifier, once it checked the token is {@code requestToken}'s.
   *
   * @throws OAuth1Exception if the user denied access, a parameter is missing, or the token is not
   *     the one this flow issued (a callback from another attempt, or forged)
   */
  public Callback parseCallback(HttpUrl landedOn, Token requestToken) throws OAuth1Exception {
    if (landedOn == null) throw new NullPointerException("landedOn == null");
    if (requestToken == null) throw new NullPointerException("requestToken == null");
    return checkCallback(landedOn, requestToken);
  }

  /**
   * Reads the callback URI an app received, whatever its scheme: {@code https} for a web app, or an
   * app's own, such as Android's {@code
   * x-oauthflow-flickr://callback?oauth_token=...&oauth_verifier=...} (which {@link HttpUrl} cannot
   * hold). The query, up to any {@code #}, is read with the same checks as {@link
   * #parseCallback(HttpUrl, Token)}.
   *
   * @param landedOn the URI as received, for example Android's {@code intent.getData().toString()}
   * @param requestToken the request token this flow issued, kept across the browser round trip
   * @throws OAuth1Exception if the user denied access, a parameter is missing, or the token is not
   *     the one this flow issued (a callback from another attempt, or forged)
   */
  public Callback parseCallback(String landedOn, Token requestToken) throws OAuth1Exception {
    if (landedOn == null) throw new NullPointerException("landedOn == null");
    if (requestToken == null) throw new NullPointerException("requestToken == null");
    int fragment = landedOn.indexOf('#');
    int end = fragment < 0 ? landedOn.length() : fragment;
    int question = landedOn.indexOf('?');
    String query = question < 0 || question > end ? null : landedOn.substring(question + 1, end);
    // The query is decoded by OkHttp, as for an HttpUrl: the scheme and host are only a carrier.
    HttpUrl carrier = CALLBACK_CARRIER.newBuilder().encodedQuery(query).build();
    return checkCallback(carrier, requestToken);
  }

  /**
   * Reads the callback URI an app received, whatever its scheme; see {@link #parseCallback(String,
   * Token)}.
   *
   * @throws OAuth1Exception if the user denied access, a parameter is missing, or the token is not
   *     the one this flow issued
   */
  public Callback parseCallback(URI landedOn, Token requestToken) throws OAuth1Exception {
    if (landedOn == null) throw new NullPointerException("landedOn == null");
    return parseCallback(landedOn.toString(), requestToken);
  }

  private static boolean isAbsoluteUri(String uri) {
    try {
      return new URI(uri).isAbsolute();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static final HttpUrl CALLBACK_CARRIER = HttpUrl.get("https://callback.invalid/");

  private static Callback checkCallback(HttpUrl landedOn, Token requestToken)
      throws OAuth1Exception {
    String problem = landedOn.queryParameter(OAuth.PROBLEM);
    String denied = landedOn.queryParameter("denied");
    if (problem != null || denied != null) {
      throw new OAuth1Exception(
          "the user did not authorize the request token"
              + (problem != null ? ": oauth_problem=" + problem : ": denied"));
    }
    String token = landedOn.queryParameter(OAuth.TOKEN);
    String verifier = landedOn.queryParameter(OAuth.VERIFIER);
    if (token == null || token.isEmpty()) {
      throw new OAuth1Exception("the callback URL has no oauth_token");
    }
    if (!token.equals(requestToken.value())) {
      throw new OAuth1Exception(
          "the callback carries oauth_token "
              + token
              + ", not "
              + requestToken.value()
              + " that this flow issued: it belongs to another attempt, or is forged");
    }
    if (verifier == null || verifier.trim().isEmpty()) {
      throw new OAuth1Exception("the callback URL has no oauth_verifier");
    }
    return new Callback(token, verifier.trim());
  }

  /**
   * The offset from the local clock to the provider's, learned from a {@code timestamp_refused};
   * zero until then.
   */
  public Duration clockOffset() {
    return interceptor.clockOffset();
  }

  private Map<String, String> call(
      String step, HttpUrl url, SigningOptions options, boolean callbackConfirmed)
      throws IOException {
    Request request =
        new Request.Builder()
            .url(url)
            .method(httpMethod, httpMethod.equals("POST") ? RequestBody.create(new byte[0]) : null)
            .tag(SigningOptions.class, options)
            .build();
    try (Response response = client.newCall(request).execute()) {
      ResponseBody body = response.body();
      String text = body.string();
      Map<String, String> form = response.isSuccessful() ? FormResponse.parse(text) : null;
      if (form == null || form.get(OAuth.PROBLEM) != null) {
        throw OAuthProblemException.of(step, response.code(), text, null, null);
      }
      for (String required : new String[] {OAuth.TOKEN, OAuth.TOKEN_SECRET}) {
        String value = form.get(required);
        if (value == null || value.isEmpty()) {
          throw OAuthProblemException.of(
              step, response.code(), text, null, "the answer has no " + required);
        }
      }
      String confirmed = form.get(OAuth.CALLBACK_CONFIRMED);
      if (callbackConfirmed && !"true".equals(confirmed)) {
        throw OAuthProblemException.of(
            step,
            response.code(),
            text,
            null,
            OAuth.CALLBACK_CONFIRMED
                + (confirmed == null ? " is missing" : " is " + confirmed)
                + ", not true: the provider does not confirm the callback as OAuth 1.0a requires");
      }
      return form;
    }
  }

  /** Names the endpoints; never a secret. */
  @Override
  public String toString() {
    return "TokenFlow[requestTokenUrl="
        + requestTokenUrl
        + ", authorizationUrl="
        + authorizationUrl
        + ", accessTokenUrl="
        + accessTokenUrl
        + ", consumerKey="
        + interceptor.signer().clientCredentials().key()
        + "]";
  }

  /**
   * What the provider appended to the callback URL: the request token and the verifier to pass to
   * {@link TokenFlow#accessToken(Token, String)}.
   *
   * @param token the {@code oauth_token}, checked to be the request token's
   * @param verifier the {@code oauth_verifier}
   */
  public record Callback(String token, String verifier) {}

  /** Builds a {@link TokenFlow}. */
  public static final class Builder {
    private ClientCredentials clientCredentials;
    private HttpUrl requestTokenUrl;
    private HttpUrl authorizationUrl;
    private HttpUrl accessTokenUrl;
    private OkHttpClient client;
    private String httpMethod = "POST";
    private SignatureMethod signatureMethod = SignatureMethod.HMAC_SHA1;
    private Clock clock = Clock.systemUTC();
    private Supplier<String> nonces;
    private boolean clockSkewCorrection = true;
    private OAuth1Signer signer;

    Builder() {}

    /** The consumer key and secret (Flickr's API key and secret). Required. */
    public Builder clientCredentials(ClientCredentials clientCredentials) {
      if (clientCredentials == null) throw new NullPointerException("clientCredentials == null");
      this.clientCredentials = clientCredentials;
      return this;
    }

    /** The consumer key and secret. Required. */
    public Builder clientCredentials(String consumerKey, String consumerSecret) {
      return clientCredentials(new ClientCredentials(consumerKey, consumerSecret));
    }

    /** The temporary credential request endpoint (RFC 5849 §2.1). Required. */
    public Builder requestTokenUrl(HttpUrl url) {
      this.requestTokenUrl = checkUrl(url, "requestTokenUrl");
      return this;
    }

    /** The temporary credential request endpoint (RFC 5849 §2.1). Required. */
    public Builder requestTokenUrl(String url) {
      return requestTokenUrl(parse(url, "requestTokenUrl"));
    }

    /** The resource owner authorization endpoint (RFC 5849 §2.2). Required. */
    public Builder authorizationUrl(HttpUrl url) {
      this.authorizationUrl = checkUrl(url, "authorizationUrl");
      return this;
    }

    /** The resource owner authorization endpoint (RFC 5849 §2.2). Required. */
    public Builder authorizationUrl(String url) {
      return authorizationUrl(parse(url, "authorizationUrl"));
    }

    /** The token request endpoint (RFC 5849 §2.3). Required. */
    public Builder accessTokenUrl(HttpUrl url) {
      this.accessTokenUrl = checkUrl(url, "accessTokenUrl");
      return this;
    }

    /** The token request endpoint (RFC 5849 §2.3). Required. */
    public Builder accessTokenUrl(String url) {
      return accessTokenUrl(parse(url, "accessTokenUrl"));
    }

    /**
     * The client to make the two requests with, to share its connection pool, timeouts and proxy; a
     * new one by default. Any {@link OAuth1Interceptor} it carries is left out of the flow's copy,
     * which signs on its own.
     */
    public Builder client(OkHttpClient client) {
      if (client == null) throw new NullPointerException("client == null");
      this.client = client;
      return this;
    }

    /**
     * The HTTP method of the request_token and access_token requests: {@code POST} (the RFC's, by
     * default) or {@code GET}.
     */
    public Builder httpMethod(String httpMethod) {
      if (httpMethod == null) throw new NullPointerException("httpMethod == null");
      String m = httpMethod.toUpperCase(Locale.ROOT);
      if (!m.equals("POST") && !m.equals("GET")) {
        throw new IllegalArgumentException("httpMethod must be POST or GET, not " + httpMethod);
      }
      this.httpMethod = m;
      return this;
    }

    /** The signature method; {@link SignatureMethod#HMAC_SHA1} by default. */
    public Builder signatureMethod(SignatureMethod signatureMethod) {
      if (signatureMethod == null) throw new NullPointerException("signatureMethod == null");
      this.signatureMethod = signatureMethod;
      return this;
    }

    /** The clock timestamps are read from; {@link Clock#systemUTC()} by default. */
    public Builder clock(Clock clock) {
      if (clock == null) throw new NullPointerException("clock == null");
      this.clock = clock;
      return this;
    }

    /** The source of nonces; 128 random bits each by default. */
    public Builder nonces(Supplier<String> nonces) {
      if (nonces == null) throw new NullPointerException("nonces == null");
      this.nonces = nonces;
      return this;
    }

    /**
     * Whether to correct the clock offset on {@code timestamp_refused} and retry once; true by
     * default.
     */
    public Builder clockSkewCorrection(boolean clockSkewCorrection) {
      this.clockSkewCorrection = clockSkewCorrection;
      return this;
    }

    private static HttpUrl parse(String url, String name) {
      if (url == null) throw new NullPointerException(name + " == null");
      HttpUrl parsed = HttpUrl.parse(url);
      if (parsed == null) {
        throw new IllegalArgumentException(name + " is not an http or https URL: " + url);
      }
      return parsed;
    }

    private static HttpUrl checkUrl(HttpUrl url, String name) {
      if (url == null) throw new NullPointerException(name + " == null");
      return url;
    }

    /**
     * Returns the flow.
     *
     * @throws IllegalStateException if the credentials or a URL is missing; the message names it
     */
    public TokenFlow build() {
      if (clientCredentials == null) throw new IllegalStateException("clientCredentials == null");
      if (requestTokenUrl == null) throw new IllegalStateException("requestTokenUrl == null");
      if (authorizationUrl == null) throw new IllegalStateException("authorizationUrl == null");
      if (accessTokenUrl == null) throw new IllegalStateException("accessTokenUrl == null");
      return new TokenFlow(this);
    }
  }
}
