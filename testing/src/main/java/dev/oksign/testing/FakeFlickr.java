package dev.oksign.testing;

import dev.oksign.ClientCredentials;
import dev.oksign.NonceStore;
import dev.oksign.OAuth1Verifier;
import dev.oksign.SignatureMethod;
import dev.oksign.Token;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;

/**
 * A fake Flickr: a real HTTP server on loopback that checks every request's OAuth 1.0a signature as
 * Flickr does and answers as Flickr does, for tests and offline demos.
 *
 * <pre>{@code
 * try (FakeFlickr fake = FakeFlickr.builder().build()) {
 *   fake.start();
 *   Flickr flickr = Flickr.builder()
 *       .clientCredentials(fake.clientCredentials())
 *       .restBaseUrl(fake.restBaseUrl())
 *       .oauthBaseUrl(fake.oauthBaseUrl())
 *       .build();
 *   ...
 * }
 * }</pre>
 *
 * <p>It serves, under {@code http://127.0.0.1:PORT}:
 *
 * <ul>
 *   <li>{@code /services/oauth/request_token}, {@code /services/oauth/authorize} and {@code
 *       /services/oauth/access_token}: the three-legged flow. Authorization is automatic, by the
 *       demo user {@link FakeFlickrData#DEMO_USER_NSID}: with the {@code oob} callback the
 *       authorize page shows a verifier such as {@code 123-456-789}, otherwise it redirects to the
 *       callback with {@code oauth_token} and {@code oauth_verifier}.
 *   <li>{@code /services/rest/}: {@code flickr.photosets.getPhotos}, {@code getList} and {@code
 *       getInfo}, {@code flickr.photos.search} and {@code getInfo}, {@code
 *       flickr.people.getPhotos}, {@code getPublicPhotos} and {@code getInfo}, {@code
 *       flickr.test.login}, {@code echo} and {@code null}, {@code flickr.reflection.getMethods},
 *       {@code flickr.auth.oauth.checkToken} (signed, or with {@code api_key} and {@code
 *       oauth_token} as documented), and any method {@link #stub stubbed}, over {@link
 *       FakeFlickrData}. In Flickr's XML ({@code format=rest}, the default: {@code <rsp
 *       stat="ok">...</rsp>}, {@code <rsp stat="fail"><err code=".." msg=".."/></rsp>}) or JSON
 *       ({@code format=json}: wrapped in {@code jsonFlickrApi(...)}, or the {@code jsoncallback}
 *       given, unless {@code nojsoncallback=1}), both written from the same values, with Flickr's
 *       quirks: the same field as a number in one method and a string in another, {@code "perpage"}
 *       next to {@code "per_page"}, {@code {"_content": ...}} wrappers (an element's text in XML),
 *       the {@code extras} {@code description}, {@code date_upload}, {@code owner_name}, {@code
 *       tags} and {@code url_sq} to {@code url_l}, errors as HTTP 200 with {@code stat=fail}, at
 *       most 4,000 results per search. Errors come in Flickr's order: the signature (or the {@code
 *       api_key} of an unsigned call) first, then the format (111), then the method (112).
 *   <li>{@code /services/upload/} and {@code /services/replace/}: photo uploads, as {@code
 *       multipart/form-data} signed over every field but the photo, answered in Flickr's XML; and
 *       {@code flickr.photos.upload.checkTickets} on the REST endpoint. See {@link
 *       FakeFlickrUploads}.
 * </ul>
 *
 * <p>Every signed request is checked with {@link OAuth1Verifier} (HMAC-SHA1 only, as Flickr; the
 * OAuth parameters may be split between header, query and body, as Flickr takes them, unless {@link
 * Builder#strictPlacement()}): a refusal is HTTP 401 with Flickr's form body, {@code
 * oauth_problem=signature_invalid&debug_sbs=...}, and likewise {@code timestamp_refused}, {@code
 * nonce_used}, {@code token_rejected} and {@code consumer_key_unknown}. REST calls without OAuth
 * may pass an {@code api_key} instead, for public data.
 *
 * <p>It serves on a small HTTP/1.1 server of its own over JDK sockets, not on OkHttp's
 * MockWebServer, so it runs with OkHttp 4.12 as well as 5.x on the class path; its {@code Date}
 * header follows the {@link Builder#clock(Clock)}, as a server whose clock is off would. It listens
 * on the loopback interface only. The testing module's README lists, behaviour by behaviour, what
 * Flickr does, what the fake does and the evidence. Data and tokens are generated from seeds, so
 * two runs give the same answers; timestamps are checked against the {@link Builder#clock(Clock)}.
 * Thread-safe.
 */
public final class FakeFlickr implements AutoCloseable {
  /**
   * The client credentials a fake accepts unless built with others: a Flickr-shaped API key and
   * secret, which work nowhere else.
   */
  public static final ClientCredentials DEMO_CREDENTIALS =
      new ClientCredentials("0ae8ff1e6f0a4e6d8c7b5a4f3e2d1c0b", "5a1c3e7f9b2d4f60");

  /** The path of the REST endpoint. */
  public static final String REST_PATH = "/services/rest/";

  /** The path under which the three OAuth endpoints lie. */
  public static final String OAUTH_PATH = "/services/oauth/";

  final FakeFlickrData data;
  final Clock clock;
  final Map<String, String> clientSecrets;
  final ClientCredentials firstCredentials;
  final int searchResultCap;
  final Tokens tokens;
  final OAuth1Verifier verifier;
  final ConcurrentLinkedDeque<Fault> faults = new ConcurrentLinkedDeque<>();
  final FakeFlickrUploads uploads;
  final boolean signedForFlickrUrls;
  final Map<String, Stub> stubs = new java.util.concurrent.ConcurrentHashMap<>();
  private final FakeFlickrDispatcher dispatcher;
  private final AtomicInteger requestCount = new AtomicInteger();
  private final BlockingQueue<RecordedRequest> requests = new LinkedBlockingQueue<>();
  private LoopbackHttpServer server;
  private volatile int port = -1;
  private volatile boolean started;

  private FakeFlickr(Builder builder) {
    this.data = builder.data != null ? builder.data : FakeFlickrData.generate();
    this.clock = builder.clock;
    Map<String, String> secrets = new LinkedHashMap<>();
    List<ClientCredentials> credentials =
        builder.credentials.isEmpty() ? List.of(DEMO_CREDENTIALS) : builder.credentials;
    for (ClientCredentials c : credentials) secrets.put(c.key(), c.secret());
    this.clientSecrets = Map.copyOf(secrets);
    this.firstCredentials = credentials.get(0);
    this.searchResultCap = builder.searchResultCap;
    this.tokens = new Tokens(data.seed());
    this.verifier =
        OAuth1Verifier.builder()
            .clientSecrets(clientSecrets::get)
            .tokenSecrets(tokens::secret)
            .clock(clock)
            .timestampWindow(builder.timestampWindow)
            .nonceStore(builder.nonceStore != null ? builder.nonceStore : NonceStore.inMemory())
            .signatureMethods(SignatureMethod.HMAC_SHA1)
            .lenientPlacement(!builder.strictPlacement)
            .build();
    this.uploads = new FakeFlickrUploads(this);
    this.signedForFlickrUrls = builder.signedForFlickrUrls;
    this.dispatcher = new FakeFlickrDispatcher(this);
  }

  /** Returns a builder: the demo credentials, the default data, the system clock. */
  public static Builder builder() {
    return new Builder();
  }

  /** Starts the server on a free port of the loopback interface. */
  public void start() throws IOException {
    start(0);
  }

  /**
   * Starts the server on {@code port} of the loopback interface; 0 for a free one.
   *
   * @throws IOException if the port cannot be bound
   * @throws IllegalStateException if already started
   */
  public synchronized void start(int port) throws IOException {
    if (started) throw new IllegalStateException("already started on port " + this.port);
    LoopbackHttpServer server = new LoopbackHttpServer(this::handle, clock, port);
    this.server = server;
    this.port = server.port();
    started = true;
  }

  /** Records one request, then answers it as the dispatcher says. */
  private Answer handle(RecordedRequest request) {
    requestCount.incrementAndGet();
    requests.add(request);
    return dispatcher.dispatch(request);
  }

  /** The port the server listens on. */
  public int port() {
    checkStarted();
    return port;
  }

  /**
   * The URL of {@code path} on this server, such as {@code http://127.0.0.1:50123/services/rest/}.
   */
  public HttpUrl url(String path) {
    checkStarted();
    return new HttpUrl.Builder()
        .scheme("http")
        .host(InetAddress.getLoopbackAddress().getHostAddress())
        .port(port)
        .build()
        .resolve(path);
  }

  /** The REST endpoint, Flickr's {@code https://api.flickr.com/services/rest/} here. */
  public HttpUrl restBaseUrl() {
    return url(REST_PATH);
  }

  /**
   * The base of the OAuth endpoints, Flickr's {@code https://www.flickr.com/services/oauth/} here.
   */
  public HttpUrl oauthBaseUrl() {
    return url(OAUTH_PATH);
  }

  /**
   * The base of the upload endpoints {@code upload/} and {@code replace/}, Flickr's {@code
   * https://up.flickr.com/services/} here. See {@link FakeFlickrUploads}.
   */
  public HttpUrl uploadBaseUrl() {
    return url("/services/");
  }

  /** The upload endpoints: what they received, and their tickets. */
  public FakeFlickrUploads uploads() {
    return uploads;
  }

  /** The request token endpoint. */
  public HttpUrl requestTokenUrl() {
    return url(OAUTH_PATH + "request_token");
  }

  /** The page where a user authorizes a request token. */
  public HttpUrl authorizationUrl() {
    return url(OAUTH_PATH + "authorize");
  }

  /** The access token endpoint. */
  public HttpUrl accessTokenUrl() {
    return url(OAUTH_PATH + "access_token");
  }

  /** The client credentials the fake accepts (the first, if it was given several). */
  public ClientCredentials clientCredentials() {
    return firstCredentials;
  }

  /** The data served. */
  public FakeFlickrData data() {
    return data;
  }

  /**
   * Issues an access token of the demo user with {@code read} permission for the first client
   * credentials, as if the token flow had run: for tests of calls that need a user.
   */
  public Token issueAccessToken() {
    return issueAccessToken(firstCredentials.key(), data.demoUser().nsid(), "read");
  }

  /**
   * Issues an access token of user {@code nsid} with {@code perms} ({@code read}, {@code write} or
   * {@code delete}) for the consumer {@code consumerKey}.
   *
   * @throws IllegalArgumentException if the consumer, user or permission is unknown
   */
  public Token issueAccessToken(String consumerKey, String nsid, String perms) {
    if (!clientSecrets.containsKey(consumerKey)) {
      throw new IllegalArgumentException("consumer key " + consumerKey + " is not configured");
    }
    FakeFlickrData.User user = data.user(nsid);
    if (user == null) throw new IllegalArgumentException("no user " + nsid + " in the data");
    if (Tokens.permsLevel(perms) < 0) {
      throw new IllegalArgumentException("perms is not read, write or delete: " + perms);
    }
    Tokens.State state = tokens.newAccessToken(consumerKey, user, perms);
    return new Token(state.value, state.secret);
  }

  /**
   * Makes the next request fail with {@code fault}; faults queued together hit consecutive
   * requests, in order.
   */
  public void enqueueFault(Fault fault) {
    if (fault == null) throw new NullPointerException("fault == null");
    faults.add(fault);
  }

  /** The number of requests received so far. */
  public int requestCount() {
    return requestCount.get();
  }

  /**
   * Returns the next request received (in the order they arrived), waiting up to {@code timeout},
   * or null if none came: to assert what a client sent.
   */
  public RecordedRequest takeRequest(long timeout, TimeUnit unit) throws InterruptedException {
    return requests.poll(timeout, unit);
  }

  /**
   * Serves {@code method} with {@code stub}, in place of what the fake would answer (code 112 for a
   * method it does not know). The call is checked like any other first (signature or {@code
   * api_key}, then format); the stub's map is written in the format the call asked for, XML or
   * JSON, as Flickr writes it: give it in Flickr's JSON shape, without {@code stat}.
   *
   * <pre>{@code
   * fake.stub("flickr.galleries.getPhotos", call -> Map.of(
   *     "photos", Map.of("page", 1, "pages", 1, "perpage", 100, "total", 0, "photo", List.of())));
   * }</pre>
   *
   * <p>To answer {@code stat=fail}, the stub throws {@link StubFailure}.
   */
  public void stub(String method, Stub stub) {
    if (method == null) throw new NullPointerException("method == null");
    if (stub == null) throw new NullPointerException("stub == null");
    stubs.put(method, stub);
  }

  /**
   * Serves the canned answers in {@code dir} as {@link #stub stubs}: {@code METHOD.json}, Flickr's
   * JSON answer (with or without {@code "stat":"ok"}; {@code "stat":"fail"} with {@code code} and
   * {@code message} answers a failure), served in both formats; and {@code METHOD.xml}, Flickr's
   * XML answer, served as is to calls in {@code format=rest}. Other files are ignored.
   *
   * @return the methods stubbed, sorted
   * @throws IOException if the directory or a file cannot be read, or a JSON file does not parse
   */
  public List<String> stubsFrom(java.nio.file.Path dir) throws IOException {
    Map<String, CannedAnswers.Canned> canned = CannedAnswers.read(dir);
    stubs.putAll(canned);
    return List.copyOf(canned.keySet());
  }

  /** An answer to a REST method the test supplies: see {@link #stub}. */
  @FunctionalInterface
  public interface Stub {
    /**
     * The content of the answer, in Flickr's JSON shape, without {@code stat}: maps, lists,
     * strings, numbers, booleans; {@code {"_content": ...}} for an element's text in XML.
     *
     * @throws StubFailure to answer Flickr's {@code stat=fail}
     */
    Map<String, ?> answer(StubCall call);
  }

  /** A REST call given to a {@link Stub}, once its signature was checked. Immutable. */
  public static final class StubCall {
    private final Map<String, String> params;
    private final String userNsid;
    private final String perms;

    StubCall(Map<String, String> params, String userNsid, String perms) {
      this.params = Map.copyOf(params);
      this.userNsid = userNsid;
      this.perms = perms;
    }

    /** The parameters of the query and of a form body, the query's first. */
    public Map<String, String> params() {
      return params;
    }

    /** The parameter {@code name}, or null. */
    public String param(String name) {
      return params.get(name);
    }

    /** The NSID of the user whose access token signed the call, or null. */
    public String userNsid() {
      return userNsid;
    }

    /** The permission of that token ({@code read}, {@code write}, {@code delete}), or null. */
    public String perms() {
      return perms;
    }

    @Override
    public String toString() {
      return "StubCall[" + params.get("method") + ", user=" + userNsid + "]";
    }
  }

  /** Thrown by a {@link Stub} to answer Flickr's {@code stat=fail} with a code and message. */
  public static final class StubFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int code;

    /** Fails with Flickr's error {@code code} and {@code message}. */
    public StubFailure(int code, String message) {
      super(message);
      this.code = code;
    }

    /** Flickr's error code. */
    public int code() {
      return code;
    }
  }

  /** Stops the server. Safe to call more than once. */
  @Override
  public synchronized void close() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  private void checkStarted() {
    if (!started) throw new IllegalStateException("FakeFlickr is not started: call start()");
  }

  /**
   * The URL whose base string a request's signature is checked against: {@code url} itself, or
   * under {@link Builder#signedForFlickrUrls()} the Flickr URL it stands for.
   */
  HttpUrl signedUrl(HttpUrl url) {
    if (!signedForFlickrUrls) return url;
    String path = url.encodedPath();
    String host =
        path.startsWith("/services/upload") || path.startsWith("/services/replace")
            ? "up.flickr.com"
            : path.startsWith(OAUTH_PATH) ? "www.flickr.com" : "api.flickr.com";
    return url.newBuilder().scheme("https").host(host).port(443).build();
  }

  /** Names the URLs and the consumer key; never a secret. */
  @Override
  public String toString() {
    return "FakeFlickr["
        + (started ? "http://127.0.0.1:" + port : "not started")
        + ", consumerKey="
        + firstCredentials.key()
        + "]";
  }

  /** Builds a {@link FakeFlickr}. */
  public static final class Builder {
    private final List<ClientCredentials> credentials = new ArrayList<>();
    private Clock clock = Clock.systemUTC();
    private FakeFlickrData data;
    private Duration timestampWindow = Duration.ofMinutes(5);
    private int searchResultCap = 4_000;
    private NonceStore nonceStore;
    private boolean strictPlacement;
    private boolean signedForFlickrUrls;

    Builder() {}

    /**
     * Checks each signature against the Flickr URL the request stands for ({@code
     * https://api.flickr.com/services/rest}, {@code https://www.flickr.com/services/oauth/...},
     * {@code https://up.flickr.com/services/upload}), not the fake's own: for clients that
     * hard-code and sign Flickr's URLs, and can be pointed at the fake only below their signing (a
     * transport that swaps the host), as if the fake stood behind a TLS proxy for Flickr's hosts.
     * Off by default.
     */
    public Builder signedForFlickrUrls() {
      this.signedForFlickrUrls = true;
      return this;
    }

    /**
     * Where the fake remembers the nonces it accepted; a new {@link NonceStore#inMemory()} per fake
     * by default. Give several fakes one store (such as a Redis one) so that a request replayed to
     * another fake of a farm is refused with {@code nonce_used}.
     */
    public Builder nonceStore(NonceStore nonceStore) {
      if (nonceStore == null) throw new NullPointerException("nonceStore == null");
      this.nonceStore = nonceStore;
      return this;
    }

    /**
     * Refuses OAuth parameters split between the {@code Authorization} header, the query and the
     * body, as RFC 5849 §3.5 wants and {@link OAuth1Verifier} does by default, with {@code
     * parameter_rejected}. By default the fake accepts them split, as Flickr does: see {@link
     * OAuth1Verifier.Builder#lenientPlacement(boolean)} and the testing module's README.
     */
    public Builder strictPlacement() {
      this.strictPlacement = true;
      return this;
    }

    /**
     * Adds client credentials the fake accepts. If none is added, {@link #DEMO_CREDENTIALS} is the
     * only one.
     */
    public Builder clientCredentials(ClientCredentials clientCredentials) {
      if (clientCredentials == null) throw new NullPointerException("clientCredentials == null");
      credentials.add(clientCredentials);
      return this;
    }

    /** Adds the consumer {@code key} with {@code secret}. */
    public Builder clientCredentials(String key, String secret) {
      return clientCredentials(new ClientCredentials(key, secret));
    }

    /** The clock {@code oauth_timestamp} is checked against; the UTC system clock by default. */
    public Builder clock(Clock clock) {
      if (clock == null) throw new NullPointerException("clock == null");
      this.clock = clock;
      return this;
    }

    /** How far a timestamp may be from the clock; 5 minutes by default. */
    public Builder timestampWindow(Duration timestampWindow) {
      if (timestampWindow == null) throw new NullPointerException("timestampWindow == null");
      if (timestampWindow.isNegative()) {
        throw new IllegalArgumentException("timestampWindow is negative: " + timestampWindow);
      }
      this.timestampWindow = timestampWindow;
      return this;
    }

    /** The data to serve; {@link FakeFlickrData#generate()} by default. */
    public Builder data(FakeFlickrData data) {
      if (data == null) throw new NullPointerException("data == null");
      this.data = data;
      return this;
    }

    /**
     * How many results a search reaches at most, 4,000 as on Flickr: pages past it repeat the last
     * page within it, while {@code total} still counts every match.
     */
    public Builder searchResultCap(int searchResultCap) {
      if (searchResultCap < 1) {
        throw new IllegalArgumentException("searchResultCap < 1: " + searchResultCap);
      }
      this.searchResultCap = searchResultCap;
      return this;
    }

    /** Returns the fake, not yet started. */
    public FakeFlickr build() {
      return new FakeFlickr(this);
    }
  }
}
