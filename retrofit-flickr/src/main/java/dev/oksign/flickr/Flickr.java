package dev.oksign.flickr;

import com.squareup.moshi.Moshi;
import dev.oksign.ClientCredentials;
import dev.oksign.OAuth1Interceptor;
import dev.oksign.OAuth1Signer;
import dev.oksign.Token;
import dev.oksign.TokenFlow;
import dev.oksign.flickr.internal.FlickrJsonAdapters;
import dev.oksign.flickr.internal.Wire;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;

/**
 * Flickr's REST API as Retrofit services, signed with OAuth 1.0a. Built once, immutable and
 * thread-safe; share one instance.
 *
 * <pre>{@code
 * Flickr flickr = Flickr.builder()
 *     .clientCredentials(apiKey, apiSecret)
 *     .token(accessToken)                   // optional
 *     .client(okHttpClient)                 // optional: extended, never replaced
 *     .build();
 * User me = flickr.test().login().execute().body();
 * PhotoPage seals = flickr.photos().search(SearchQuery.builder().text("seal").build())
 *     .execute().body();
 * }</pre>
 *
 * <p><b>Conventions, applied once.</b> Every call of a {@link FlickrMethod}-annotated interface
 * method, built in or {@linkplain #create(Class) your own}, goes through one application
 * interceptor that adds {@code method=...}, {@code format=json} and {@code nojsoncallback=1} before
 * signing, so they are signed too. The signing interceptor is core's {@link OAuth1Interceptor},
 * installed as a <em>network</em> interceptor (each retry and redirect is signed afresh) and scoped
 * to the hosts of the configured base URLs, so that the client's other traffic is never signed.
 *
 * <p><b>Signed or not.</b> A call made with a token (this instance's, a {@link #withToken(Token)}
 * view's, or a per-call {@code @Tag Token} parameter) is signed and carries {@code
 * oauth_consumer_key} and no {@code api_key}: Flickr refuses some signed calls that also carry
 * {@code api_key}. A call made without any token is sent unsigned with {@code api_key} alone, which
 * is how Flickr documents its public methods; the consumer secret then never takes part.
 *
 * <p><b>Errors.</b> Flickr answers failures with HTTP 200 and {@code
 * {"stat":"fail","code":N,"message":"..."}}; those, HTTP errors and bodies that are not JSON all
 * come out as {@link FlickrException}, from {@code execute()}, {@code enqueue()} and {@code
 * CompletableFuture} return types alike. Overload answers (HTTP 429, code 105) are first retried
 * with exponential backoff, {@link Builder#maxRetries(int)} times.
 *
 * <p><b>Clock skew.</b> A call refused with {@code timestamp_refused} (this machine's clock off by
 * more than Flickr's window) teaches the signer Flickr's clock, from the answer's {@code Date}, and
 * is made once more with the corrected timestamp, as {@link #tokenFlow()} does; later calls are
 * signed with the offset from the start. An upload streamed from an {@code InputStream} is never
 * sent twice: its refusal is thrown. A refusal that stands is an {@link
 * dev.oksign.OAuthProblemException} whose message names the timestamp sent, the range Flickr
 * accepts and the skew.
 */
public final class Flickr {
  /** Flickr's REST endpoint. */
  public static final String REST_BASE_URL = "https://api.flickr.com/services/rest/";

  /**
   * The base of Flickr's OAuth endpoints {@code request_token}, {@code authorize}, {@code
   * access_token}.
   */
  public static final String OAUTH_BASE_URL = "https://www.flickr.com/services/oauth/";

  /** The base of Flickr's upload endpoints {@code upload/} and {@code replace/}. */
  public static final String UPLOAD_BASE_URL = "https://up.flickr.com/services/";

  private final ClientCredentials clientCredentials;
  private final Token token;
  private final HttpUrl restBaseUrl;
  private final HttpUrl oauthBaseUrl;
  private final HttpUrl uploadBaseUrl;
  private final OkHttpClient client;
  private final OkHttpClient userClient;
  private final OAuth1Signer signer;
  private final TokenFlow tokenFlow;
  private final Moshi moshi;
  private final Retrofit retrofit;
  private final FlickrPhotos photos;
  private final FlickrPhotosets photosets;
  private final FlickrPeople people;
  private final FlickrTest test;
  private final FlickrAuth auth;
  private final FlickrUploads uploads;

  private Flickr(Builder builder) {
    this.clientCredentials = builder.clientCredentials;
    this.token = builder.token;
    this.restBaseUrl = builder.restBaseUrl;
    this.oauthBaseUrl = builder.oauthBaseUrl;
    this.uploadBaseUrl = builder.uploadBaseUrl;
    this.userClient = builder.client != null ? builder.client : new OkHttpClient();

    OAuth1Signer.Builder signerBuilder =
        (builder.signer != null ? builder.signer.newBuilder() : OAuth1Signer.builder())
            .clientCredentials(clientCredentials)
            .token(token);
    if (builder.clock != null) signerBuilder.clock(builder.clock);
    if (builder.nonces != null) signerBuilder.nonces(builder.nonces);
    this.signer = signerBuilder.build();

    // The token flow signs on its own, so it gets the user's client, not the REST one.
    TokenFlow.Builder flow =
        TokenFlow.builder(signer)
            .requestTokenUrl(oauthBaseUrl.resolve(Wire.REQUEST_TOKEN))
            .authorizationUrl(oauthBaseUrl.resolve(Wire.AUTHORIZE))
            .accessTokenUrl(oauthBaseUrl.resolve(Wire.ACCESS_TOKEN))
            .httpMethod("GET")
            .client(userClient);
    this.tokenFlow = flow.build();

    OkHttpClient.Builder clientBuilder = userClient.newBuilder();
    // A signer the client already has for Flickr's hosts would sign twice; this one replaces it.
    clientBuilder
        .networkInterceptors()
        .removeIf(
            i ->
                i instanceof OAuth1Interceptor oauth
                    && (oauth.inScope(restBaseUrl) || oauth.inScope(uploadBaseUrl)));
    // One interceptor for both hosts, each scoped by scheme, host and port.
    OAuth1Interceptor signing =
        OAuth1Interceptor.builder(signer).scope(restBaseUrl).scope(uploadBaseUrl).build();
    this.client =
        clientBuilder
            // Core's retry, as TokenFlow uses it: a call refused with timestamp_refused after which
            // the signer learned the provider's clock is made once more (through the rate limiter
            // again). A call whose body can be sent only once (a streamed photo) is never made
            // again: the refusal says so.
            .addInterceptor(signing.clockSkewRetry())
            .addInterceptor(
                new FlickrCalls(
                    signer,
                    builder.rateLimiter,
                    builder.maxRetries,
                    builder.backoff.toNanos(),
                    builder.maxBackoff.toNanos(),
                    builder.sleeper))
            .addNetworkInterceptor(new FlickrSigning(signing))
            .build();
    Moshi userMoshi = builder.moshi != null ? builder.moshi : new Moshi.Builder().build();
    this.moshi = userMoshi.newBuilder().add(FlickrJsonAdapters.FACTORY).build();
    this.retrofit = retrofit(client);
    this.photos = retrofit.create(FlickrPhotos.class);
    this.photosets = retrofit.create(FlickrPhotosets.class);
    this.people = retrofit.create(FlickrPeople.class);
    this.test = retrofit.create(FlickrTest.class);
    this.auth = retrofit.create(FlickrAuth.class);
    this.uploads = new FlickrUploads(client, uploadBaseUrl, token);
  }

  /** A view of {@code base} whose calls are made with {@code token}. */
  private Flickr(Flickr base, Token token) {
    this.clientCredentials = base.clientCredentials;
    this.token = token;
    this.restBaseUrl = base.restBaseUrl;
    this.oauthBaseUrl = base.oauthBaseUrl;
    this.uploadBaseUrl = base.uploadBaseUrl;
    this.userClient = base.userClient;
    this.signer = base.signer.newBuilder().token(token).build();
    this.tokenFlow = base.tokenFlow;
    this.client = base.client;
    this.moshi = base.moshi;
    OkHttpClient shared = base.client;
    Call.Factory withToken =
        request ->
            shared.newCall(
                request.tag(Token.class) != null
                    ? request
                    : request.newBuilder().tag(Token.class, token).build());
    this.retrofit = base.retrofit.newBuilder().callFactory(withToken).build();
    this.photos = retrofit.create(FlickrPhotos.class);
    this.photosets = retrofit.create(FlickrPhotosets.class);
    this.people = retrofit.create(FlickrPeople.class);
    this.test = retrofit.create(FlickrTest.class);
    this.auth = retrofit.create(FlickrAuth.class);
    this.uploads = new FlickrUploads(client, uploadBaseUrl, token);
  }

  private Retrofit retrofit(OkHttpClient client) {
    return new Retrofit.Builder()
        .baseUrl(restBaseUrl)
        .client(client)
        .addConverterFactory(new FlickrConverterFactory(moshi))
        .build();
  }

  /** Returns a builder with Flickr's endpoints as base URLs. */
  public static Builder builder() {
    return new Builder();
  }

  /** {@code flickr.photos.*}. */
  public FlickrPhotos photos() {
    return photos;
  }

  /** {@code flickr.photosets.*}. */
  public FlickrPhotosets photosets() {
    return photosets;
  }

  /** {@code flickr.people.*}. */
  public FlickrPeople people() {
    return people;
  }

  /** {@code flickr.test.*}. */
  public FlickrTest test() {
    return test;
  }

  /** {@code flickr.auth.oauth.*}. */
  public FlickrAuth auth() {
    return auth;
  }

  /**
   * Photo upload and replace ({@code upload/}, {@code replace/} under the {@linkplain
   * #uploadBaseUrl() upload base URL}), signed with this instance's token, which needs {@code
   * write} permission. See {@link FlickrUploads}.
   */
  public FlickrUploads uploads() {
    return uploads;
  }

  /**
   * Returns an implementation of {@code service}, an interface of your own whose methods are
   * annotated with {@link FlickrMethod} and a Retrofit HTTP method ({@code @GET(".")}, or
   * {@code @POST(".")} with {@code @FormUrlEncoded}). Its calls get the same conventions, signing,
   * scope, rate limit, retries and error mapping as the built-in services; its {@link Page} results
   * work with {@link Paging}. Return types: {@code Call<T>} or {@code CompletableFuture<T>}, where
   * {@code T} is one of this package's models, a type your {@link Builder#moshi(Moshi) Moshi}
   * reads, {@code ResponseBody} or {@code Void}.
   *
   * @throws IllegalArgumentException if {@code service} is not an interface, or one of its abstract
   *     methods lacks {@link FlickrMethod}
   */
  public <T> T create(Class<T> service) {
    if (!service.isInterface()) {
      throw new IllegalArgumentException(service.getName() + " is not an interface");
    }
    for (Method method : service.getMethods()) {
      if (method.isDefault() || Modifier.isStatic(method.getModifiers())) continue;
      FlickrMethod annotation = method.getAnnotation(FlickrMethod.class);
      if (annotation == null) {
        throw new IllegalArgumentException(
            service.getSimpleName()
                + "."
                + method.getName()
                + " has no @FlickrMethod: name the Flickr method it calls, such as"
                + " @FlickrMethod(\"flickr.photos.getInfo\")");
      }
      if (!annotation.value().startsWith("flickr.")) {
        throw new IllegalArgumentException(
            service.getSimpleName()
                + "."
                + method.getName()
                + ": @FlickrMethod(\""
                + annotation.value()
                + "\") is not a Flickr method name, which starts with flickr.");
      }
    }
    return retrofit.create(service);
  }

  /**
   * Returns a view of this instance whose calls are made with {@code token}: one {@code Flickr}
   * serving many users. The view shares the client, the connections and the rate limiter. A
   * per-call {@code @Tag Token} parameter still wins.
   */
  public Flickr withToken(Token token) {
    if (token == null) throw new NullPointerException("token == null");
    return new Flickr(this, token);
  }

  /** The token calls are made with unless they say otherwise, or null. */
  public Token token() {
    return token;
  }

  /** The client credentials; their {@code toString()} hides the secret. */
  public ClientCredentials clientCredentials() {
    return clientCredentials;
  }

  /** The REST base URL. */
  public HttpUrl restBaseUrl() {
    return restBaseUrl;
  }

  /** The base URL of the OAuth endpoints. */
  public HttpUrl oauthBaseUrl() {
    return oauthBaseUrl;
  }

  /** The base URL of the upload endpoints ({@code upload/}, {@code replace/}). */
  public HttpUrl uploadBaseUrl() {
    return uploadBaseUrl;
  }

  /**
   * The client every call goes through: the one given to the builder, extended with the
   * conventions, the rate limiter and signing scoped to the REST and upload hosts. Use it for
   * requests the Retrofit services do not cover, such as uploads (sign a multipart body's text
   * fields with {@code SigningOptions.signedParameter}); they are signed with this instance's
   * token, or a {@code Token} tag.
   */
  public OkHttpClient client() {
    return client;
  }

  /**
   * The signer of this instance's calls (credentials, token, clock, nonces), to compare base
   * strings with {@link OAuth1Signer#report(okhttp3.Request)} when Flickr answers "Invalid
   * signature". Calls made without any token are sent unsigned instead.
   */
  public OAuth1Signer signer() {
    return signer;
  }

  /**
   * The token flow preset for Flickr: {@code request_token}, {@code authorize} and {@code
   * access_token} under the {@linkplain #oauthBaseUrl() OAuth base URL}, requested with GET as
   * Flickr documents them, with this instance's credentials, clock, nonces and client (without the
   * REST signing, which the flow does on its own).
   *
   * <pre>{@code
   * TokenFlow flow = flickr.tokenFlow();
   * Token requestToken = flow.requestToken("oob");
   * System.out.println(flickr.authorizationUrl(requestToken, Perms.WRITE));
   * AccessToken access = flow.accessToken(requestToken, verifierTheUserTypes);
   * Flickr alice = flickr.withToken(access.token());   // access.parameter("user_nsid")...
   * }</pre>
   */
  public TokenFlow tokenFlow() {
    return tokenFlow;
  }

  /**
   * The page a user authorizes {@code requestToken} at, asking for {@code perms}: {@code
   * .../oauth/authorize?oauth_token=...&perms=...}.
   */
  public HttpUrl authorizationUrl(Token requestToken, Perms perms) {
    if (requestToken == null) throw new NullPointerException("requestToken == null");
    if (perms == null) throw new NullPointerException("perms == null");
    return tokenFlow.authorizationUrl(
        requestToken, Collections.singletonMap(Wire.PERMS, perms.wireName()));
  }

  /** Names the endpoints, the key and the token; never a secret. */
  @Override
  public String toString() {
    return "Flickr[rest="
        + restBaseUrl
        + ", oauth="
        + oauthBaseUrl
        + ", upload="
        + uploadBaseUrl
        + ", "
        + clientCredentials
        + ", token="
        + token
        + "]";
  }

  /** Builds a {@link Flickr}. */
  public static final class Builder {
    private ClientCredentials clientCredentials;
    private Token token;
    private HttpUrl restBaseUrl = HttpUrl.get(REST_BASE_URL);
    private HttpUrl oauthBaseUrl = HttpUrl.get(OAUTH_BASE_URL);
    private HttpUrl uploadBaseUrl = HttpUrl.get(UPLOAD_BASE_URL);
    private OkHttpClient client;
    private Clock clock;
    private Supplier<String> nonces;
    private Moshi moshi;
    private RateLimiter rateLimiter;
    private int maxRetries = 3;
    private Duration backoff = Duration.ofSeconds(1);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private Sleeper sleeper = Sleeper.SYSTEM;

    private OAuth1Signer signer;

    Builder() {}

    /**
     * Signs as {@code signer} does: its client credentials, token, clock, nonces, signature method
     * and realm, for an application that already has a signer for Flickr. Its placement is used
     * too: keep the default header. The setters of this builder still change each of them.
     */
    public Builder signer(OAuth1Signer signer) {
      if (signer == null) throw new NullPointerException("signer == null");
      this.signer = signer;
      this.clientCredentials = signer.clientCredentials();
      this.token = signer.token();
      return this;
    }

    /** The application's API key and secret. Required. */
    public Builder clientCredentials(ClientCredentials clientCredentials) {
      if (clientCredentials == null) throw new NullPointerException("clientCredentials == null");
      this.clientCredentials = clientCredentials;
      return this;
    }

    /** The application's API key and secret. Required. */
    public Builder clientCredentials(String consumerKey, String consumerSecret) {
      return clientCredentials(new ClientCredentials(consumerKey, consumerSecret));
    }

    /**
     * The access token calls are made with, or null (the default) for calls without a user, sent
     * unsigned with {@code api_key}.
     */
    public Builder token(Token token) {
      this.token = token;
      return this;
    }

    /** The REST endpoint; default {@value Flickr#REST_BASE_URL}. Must end in {@code /}. */
    public Builder restBaseUrl(String restBaseUrl) {
      return restBaseUrl(parse("restBaseUrl", restBaseUrl));
    }

    /** The REST endpoint; default {@value Flickr#REST_BASE_URL}. Must end in {@code /}. */
    public Builder restBaseUrl(HttpUrl restBaseUrl) {
      this.restBaseUrl = checkBase("restBaseUrl", restBaseUrl);
      return this;
    }

    /** The base of the OAuth endpoints; default {@value Flickr#OAUTH_BASE_URL}. */
    public Builder oauthBaseUrl(String oauthBaseUrl) {
      return oauthBaseUrl(parse("oauthBaseUrl", oauthBaseUrl));
    }

    /** The base of the OAuth endpoints; default {@value Flickr#OAUTH_BASE_URL}. */
    public Builder oauthBaseUrl(HttpUrl oauthBaseUrl) {
      this.oauthBaseUrl = checkBase("oauthBaseUrl", oauthBaseUrl);
      return this;
    }

    /** The base of the upload endpoints; default {@value Flickr#UPLOAD_BASE_URL}. */
    public Builder uploadBaseUrl(String uploadBaseUrl) {
      return uploadBaseUrl(parse("uploadBaseUrl", uploadBaseUrl));
    }

    /** The base of the upload endpoints; default {@value Flickr#UPLOAD_BASE_URL}. */
    public Builder uploadBaseUrl(HttpUrl uploadBaseUrl) {
      this.uploadBaseUrl = checkBase("uploadBaseUrl", uploadBaseUrl);
      return this;
    }

    /**
     * The client to make calls with, which is extended with {@code newBuilder()} and never changed:
     * its interceptors, proxy, timeouts and connection pool all apply, except an {@link
     * OAuth1Interceptor} in scope for the REST or upload host, which would sign twice and is left
     * out of the extended copy. Default: a new {@code OkHttpClient}.
     */
    public Builder client(OkHttpClient client) {
      this.client = client;
      return this;
    }

    /** The clock signatures are timestamped with; default the system clock. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** The nonce source; default a secure random one. */
    public Builder nonces(Supplier<String> nonces) {
      this.nonces = nonces;
      return this;
    }

    /**
     * The Moshi instance to read the answers of your own interfaces with; this module's adapters
     * are added to it. Default: a plain {@code Moshi}.
     */
    public Builder moshi(Moshi moshi) {
      this.moshi = moshi;
      return this;
    }

    /**
     * A budget every call of this instance waits for; default none. See {@link RateLimiter} for
     * sharing one budget across processes.
     */
    public Builder rateLimiter(RateLimiter rateLimiter) {
      this.rateLimiter = rateLimiter;
      return this;
    }

    /**
     * How many times an overload answer (HTTP 429, or code 105 "service currently unavailable") is
     * retried, waiting 1, 2, 4... seconds (or HTTP 429's {@code Retry-After}), at most 30 seconds;
     * default 3, 0 to never retry.
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) throw new IllegalArgumentException("maxRetries < 0: " + maxRetries);
      this.maxRetries = maxRetries;
      return this;
    }

    /** For tests: waits without sleeping. */
    Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    private static HttpUrl parse(String name, String url) {
      if (url == null) throw new NullPointerException(name + " == null");
      HttpUrl parsed = HttpUrl.parse(url);
      if (parsed == null)
        throw new IllegalArgumentException(name + " is not an http(s) URL: " + url);
      return parsed;
    }

    private static HttpUrl checkBase(String name, HttpUrl url) {
      if (url == null) throw new NullPointerException(name + " == null");
      if (!url.encodedPath().endsWith("/")) {
        throw new IllegalArgumentException(name + " must end in /: " + url);
      }
      if (url.querySize() > 0 || url.fragment() != null) {
        throw new IllegalArgumentException(name + " must have no query or fragment: " + url);
      }
      return url;
    }

    /**
     * Returns the client.
     *
     * @throws IllegalStateException if the client credentials are missing
     */
    public Flickr build() {
      if (clientCredentials == null) {
        throw new IllegalStateException(
            "clientCredentials == null: Flickr needs the API key and secret");
      }
      return new Flickr(this);
    }
  }
}
