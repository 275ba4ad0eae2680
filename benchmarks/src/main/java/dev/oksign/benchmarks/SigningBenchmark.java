package dev.oksign.benchmarks;

import com.github.scribejava.core.builder.ServiceBuilder;
import com.github.scribejava.core.builder.api.DefaultApi10a;
import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Verb;
import com.github.scribejava.core.oauth.OAuth10aService;
import com.github.scribejava.core.services.TimestampService;
import com.google.api.client.auth.oauth.OAuthHmacSigner;
import com.google.api.client.auth.oauth.OAuthParameters;
import com.google.api.client.http.GenericUrl;
import dev.oksign.OAuth1Signer;
import dev.oksign.Placement;
import dev.oksign.SignatureMethod;
import dev.oksign.SigningOptions;
import dev.oksign.Token;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import oauth.signpost.exception.OAuthException;
import oauth.signpost.http.HttpParameters;
import okhttp3.FormBody;
import okhttp3.Request;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import se.akerfeldt.okhttp.signpost.OkHttpOAuthConsumer;

/**
 * Signing one {@link Request}, start to finish, with oksign and with the libraries a user would
 * otherwise pick, next to the HMAC-SHA1 floor. Every method returns what a caller sends: a new
 * {@code okhttp3.Request} carrying the {@code Authorization} header (the floor returns the raw
 * HMAC, the part no signer can skip).
 *
 * <p>One instance is shared by all benchmark threads, as one signer is shared by all the calls of
 * an {@code OkHttpClient}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SigningBenchmark {
  private static final String HMAC_SHA1 = "HmacSHA1";

  @Param({"request_token", "photos_search", "form_post"})
  public String workload;

  Workload w;
  private OAuth1Signer oksign;
  private OkHttpOAuthConsumer signpost;
  private OAuth10aService scribe;
  private OAuth1AccessToken scribeToken;
  private OAuthHmacSigner googleSigner;
  private Mac floorMac;
  private byte[] floorBaseString;
  private OAuth1Signer oksignQuery;
  private OAuth1Signer oksignFormBody;
  private OAuth1Signer oksignSha256;
  private OAuth1Signer oksignNoToken;
  private Request formRequest;
  private Request[] users;
  private int turn;

  @Setup
  public void setUp() throws IOException, GeneralSecurityException {
    w = Workload.of(workload);

    oksign =
        OAuth1Signer.builder()
            .clientCredentials(Workload.CONSUMER_KEY, Workload.CONSUMER_SECRET)
            .token(w.token == null ? null : new Token(w.token, w.tokenSecret))
            .clock(Clock.fixed(Instant.ofEpochSecond(Workload.TIMESTAMP), ZoneOffset.UTC))
            .nonces(() -> Workload.NONCE)
            .build();

    oksignQuery = oksign.newBuilder().placement(Placement.QUERY).build();
    oksignFormBody = oksign.newBuilder().placement(Placement.FORM_BODY).build();
    oksignSha256 = oksign.newBuilder().signatureMethod(SignatureMethod.HMAC_SHA256).build();
    formRequest = w.asForm();
    // Two users of one client, each request tagged with its user's token (one Token object each,
    // as a server keeps them), signed alternately by a signer that has no token of its own.
    oksignNoToken = oksign.newBuilder().token(null).build();
    users =
        new Request[] {
          w.request.newBuilder().tag(Token.class, new Token("alice", "alice-secret")).build(),
          w.request.newBuilder().tag(Token.class, new Token("bob", "bob-secret")).build()
        };

    signpost = new FixedSignpostConsumer(Workload.CONSUMER_KEY, Workload.CONSUMER_SECRET);
    signpost.setTokenWithSecret(w.token, w.tokenSecret);
    if (w.callback != null) {
      HttpParameters additional = new HttpParameters();
      additional.put("oauth_callback", w.callback, true);
      signpost.setAdditionalParameters(additional);
    }

    scribe =
        new ServiceBuilder(Workload.CONSUMER_KEY)
            .apiSecret(Workload.CONSUMER_SECRET)
            .build(FixedScribeApi.INSTANCE);
    scribeToken =
        w.token == null
            ? new OAuth1AccessToken("", "")
            : new OAuth1AccessToken(w.token, w.tokenSecret);

    googleSigner = new OAuthHmacSigner();
    googleSigner.clientSharedSecret = Workload.CONSUMER_SECRET;
    googleSigner.tokenSharedSecret = w.tokenSecret == null ? "" : w.tokenSecret;

    // The floor: the HMAC of the finished base string with a ready key, nothing else.
    floorBaseString = oksign.baseString(w.request).getBytes(StandardCharsets.UTF_8);
    String key = Workload.CONSUMER_SECRET + "&" + (w.tokenSecret == null ? "" : w.tokenSecret);
    floorMac = Mac.getInstance(HMAC_SHA1);
    floorMac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), HMAC_SHA1));

    checkSignatures();
  }

  /**
   * Before anything is measured, every method must give the expected signature: the one Flickr's
   * documentation gives for {@code request_token}, else the one ScribeJava and Signpost agree on. A
   * peer that gets it wrong is named on standard error, so that its time is read for what it is; an
   * oksign or floor that gets it wrong stops the run.
   */
  private void checkSignatures() throws GeneralSecurityException {
    try {
      Map<String, String> peers = new LinkedHashMap<>();
      peers.put("signpost", signatureOf(signpost()));
      peers.put("scribejava", signatureOf(scribejava()));
      peers.put("google", signatureOf(google()));
      String expected;
      if (w == Workload.REQUEST_TOKEN) {
        expected = Workload.REQUEST_TOKEN_SIGNATURE;
      } else {
        expected = peers.get("scribejava");
        if (!expected.equals(peers.get("signpost"))) {
          throw new IllegalStateException(
              "ScribeJava and Signpost disagree on " + workload + ": no reference signature");
        }
      }
      String ours = signatureOf(oksign());
      String floor = Base64.getEncoder().encodeToString(hmacFloor());
      if (!ours.equals(expected) || !floor.equals(expected)) {
        throw new IllegalStateException(
            "oksign gives " + ours + " and the floor " + floor + ", not " + expected);
      }
      for (Map.Entry<String, String> peer : peers.entrySet()) {
        if (!peer.getValue().equals(expected)) {
          System.err.println(
              peer.getKey()
                  + " signs "
                  + workload
                  + " wrongly ("
                  + peer.getValue()
                  + ", not "
                  + expected
                  + "): its time is not comparable");
        }
      }
    } catch (IOException | OAuthException | CloneNotSupportedException e) {
      throw new IllegalStateException("a signer failed on " + workload, e);
    }
  }

  private static final Pattern SIGNATURE = Pattern.compile("oauth_signature=\"([^\"]*)\"");

  /** The signature of a signed request's {@code Authorization} header, decoded. */
  static String signatureOf(Request signed) {
    String authorization = signed.header("Authorization");
    Matcher matcher = SIGNATURE.matcher(authorization == null ? "" : authorization);
    if (!matcher.find()) throw new IllegalStateException("no oauth_signature: " + authorization);
    return URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
  }

  /**
   * oksign: {@code signer.sign(request)}. The callback's {@link SigningOptions} are made anew for
   * each call, and a copy of the request tagged with them, as a token flow does: that is the
   * caller's share of passing a callback, as adding it to their request is each peer's.
   */
  @Benchmark
  public Request oksign() throws IOException {
    return oksign.sign(withCallback(w.request));
  }

  /** oksign, the same request with the protocol parameters in the query. */
  @Benchmark
  public Request oksignQuery() throws IOException {
    return oksignQuery.sign(withCallback(w.request));
  }

  /**
   * oksign, the protocol parameters in the form body: of {@code form_post} itself, or for the other
   * workloads the same request as a POST whose form body holds the query's parameters.
   */
  @Benchmark
  public Request oksignFormBody() throws IOException {
    return oksignFormBody.sign(withCallback(formRequest));
  }

  /** oksign with HMAC-SHA256, in the header. */
  @Benchmark
  public Request oksignHmacSha256() throws IOException {
    return oksignSha256.sign(withCallback(w.request));
  }

  /** oksign, one user: each request tagged with the same {@link Token}. */
  @Benchmark
  public Request oksignOneUser() throws IOException {
    return oksignNoToken.sign(withCallback(users[0]));
  }

  /** oksign, two users taking turns: each request tagged with its user's {@link Token}. */
  @Benchmark
  public Request oksignTwoUsers() throws IOException {
    turn ^= 1;
    return oksignNoToken.sign(withCallback(users[turn]));
  }

  private Request withCallback(Request request) {
    if (w.callback == null) return request;
    return request
        .newBuilder()
        .tag(SigningOptions.class, SigningOptions.builder().callback(w.callback).build())
        .build();
  }

  /** Signpost 2.1.1 through okhttp-signpost 1.1.0: {@code consumer.sign(request).unwrap()}. */
  @Benchmark
  public Request signpost() throws OAuthException {
    return (Request) signpost.sign(w.request).unwrap();
  }

  /** ScribeJava 8.3.3: the request converted to an {@code OAuthRequest}, signed, and back. */
  @Benchmark
  public Request scribejava() {
    Request request = w.request;
    OAuthRequest oauthRequest =
        new OAuthRequest(Verb.valueOf(request.method()), request.url().toString());
    if (request.body() instanceof FormBody form) {
      for (int i = 0, n = form.size(); i < n; i++) {
        oauthRequest.addBodyParameter(form.name(i), form.value(i));
      }
    }
    if (w.callback != null) oauthRequest.addOAuthParameter("oauth_callback", w.callback);
    scribe.signRequest(scribeToken, oauthRequest);
    return request
        .newBuilder()
        .header("Authorization", oauthRequest.getHeaders().get("Authorization"))
        .build();
  }

  /**
   * google-oauth-client 1.36.0. It signs the URL's query parameters only, so the fields of a form
   * body are copied into the URL it signs (not the one sent); without that its form signatures are
   * wrong.
   */
  @Benchmark
  public Request google() throws GeneralSecurityException {
    Request request = w.request;
    GenericUrl url = new GenericUrl(request.url().toString());
    if (request.body() instanceof FormBody form) {
      for (int i = 0, n = form.size(); i < n; i++) {
        url.put(form.name(i), form.value(i));
      }
    }
    OAuthParameters parameters = new OAuthParameters();
    parameters.signer = googleSigner;
    parameters.consumerKey = Workload.CONSUMER_KEY;
    parameters.token = w.token;
    parameters.callback = w.callback;
    parameters.nonce = Workload.NONCE;
    parameters.timestamp = Long.toString(Workload.TIMESTAMP);
    parameters.version = "1.0";
    parameters.computeSignature(request.method(), url);
    return request
        .newBuilder()
        .header("Authorization", parameters.getAuthorizationHeader())
        .build();
  }

  /**
   * The physical limit: HMAC-SHA1 of the precomputed base string bytes with a cached, initialised
   * {@code Mac}, cloned per call so that it is safe across threads.
   */
  @Benchmark
  public byte[] hmacFloor() throws CloneNotSupportedException {
    return ((Mac) floorMac.clone()).doFinal(floorBaseString);
  }

  /** Signpost's consumer, with the nonce and timestamp fixed. */
  static final class FixedSignpostConsumer extends OkHttpOAuthConsumer {
    private static final long serialVersionUID = 1L;

    FixedSignpostConsumer(String consumerKey, String consumerSecret) {
      super(consumerKey, consumerSecret);
    }

    @Override
    protected String generateNonce() {
      return Workload.NONCE;
    }

    @Override
    protected String generateTimestamp() {
      return Long.toString(Workload.TIMESTAMP);
    }
  }

  /** A ScribeJava API with the nonce and timestamp fixed. Only signing is used, no endpoint. */
  static final class FixedScribeApi extends DefaultApi10a {
    static final FixedScribeApi INSTANCE = new FixedScribeApi();

    private static final TimestampService FIXED =
        new TimestampService() {
          @Override
          public String getTimestampInSeconds() {
            return Long.toString(Workload.TIMESTAMP);
          }

          @Override
          public String getNonce() {
            return Workload.NONCE;
          }
        };

    @Override
    public TimestampService getTimestampService() {
      return FIXED;
    }

    @Override
    public String getRequestTokenEndpoint() {
      return "https://www.flickr.com/services/oauth/request_token";
    }

    @Override
    public String getAccessTokenEndpoint() {
      return "https://www.flickr.com/services/oauth/access_token";
    }

    @Override
    protected String getAuthorizationBaseUrl() {
      return "https://www.flickr.com/services/oauth/authorize";
    }
  }
}
