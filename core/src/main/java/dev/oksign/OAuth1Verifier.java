package dev.oksign;

import dev.oksign.internal.AuthorizationHeader;
import dev.oksign.internal.BaseString;
import dev.oksign.internal.FormBodies;
import dev.oksign.internal.OAuth;
import dev.oksign.internal.ParameterList;
import dev.oksign.internal.Percent;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;

/**
 * Checks signed requests on the server side (RFC 5849 §3.2), with the same base string code the
 * signer uses: for a provider, a fake server in tests, or a test of one's own signing.
 *
 * <pre>{@code
 * OAuth1Verifier verifier = OAuth1Verifier.builder()
 *     .clientSecrets(key -> key.equals("my-key") ? "my-secret" : null)
 *     .tokenSecrets(tokens::get)   // token value -> secret, null if unknown
 *     .build();
 * Verification v = verifier.verify("GET", url, headers, null);
 * if (!v.isValid()) respond(401, v.responseBody());
 * }</pre>
 *
 * <p>The protocol parameters may come in the {@code Authorization} header, the query or an {@code
 * application/x-www-form-urlencoded} body, but all in one of them (§3.5). The checks, in order,
 * each with the {@code oauth_problem} it answers:
 *
 * <ol>
 *   <li>the header parses, no protocol parameter is repeated or spread over two places: {@code
 *       parameter_rejected};
 *   <li>{@code oauth_consumer_key}, {@code oauth_signature_method}, {@code oauth_signature} and,
 *       except with PLAINTEXT, {@code oauth_timestamp} and {@code oauth_nonce} are present: {@code
 *       parameter_absent};
 *   <li>{@code oauth_version}, if sent, is {@code 1.0}: {@code version_rejected};
 *   <li>the signature method is one of {@link Builder#signatureMethods}: {@code
 *       signature_method_rejected};
 *   <li>the consumer key is known: {@code consumer_key_unknown}; the token, if any, is known:
 *       {@code token_rejected};
 *   <li>the timestamp is within {@link Builder#timestampWindow} of the clock: {@code
 *       timestamp_refused};
 *   <li>the signature matches, compared in constant time: {@code signature_invalid};
 *   <li>the nonce was not used before with this consumer, token and timestamp: {@code nonce_used}.
 *       Only requests that passed every other check are recorded, so unsigned junk cannot fill the
 *       {@link NonceStore}.
 * </ol>
 *
 * <p>Built once, immutable and thread-safe if the secret functions and nonce store are.
 */
public final class OAuth1Verifier {
  private final Function<String, String> clientSecrets;
  private final Function<String, String> tokenSecrets;
  private final Clock clock;
  private final Duration timestampWindow;
  private final NonceStore nonceStore;
  private final Map<String, SignatureMethod> signatureMethods;

  private OAuth1Verifier(Builder builder) {
    this.clientSecrets = builder.clientSecrets;
    this.tokenSecrets = builder.tokenSecrets;
    this.clock = builder.clock;
    this.timestampWindow = builder.timestampWindow;
    this.nonceStore = builder.nonceStore != null ? builder.nonceStore : NonceStore.inMemory();
    this.signatureMethods = builder.signatureMethods;
  }

  /**
   * Returns a builder: HMAC-SHA1 and HMAC-SHA256, a window of 5 minutes, the UTC system clock, an
   * in-memory nonce store, no token known.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Verifies a request whose protocol parameters are all in the header, query or form body. */
  public Verification verify(String method, HttpUrl url, Headers headers, byte[] body) {
    return verify(method, url, headers, body, Collections.emptyList());
  }

  /**
   * Verifies a request with {@code additionalSignedParameters}: parameters the client signed that
   * are neither in the query nor in a form body, such as the text fields of a {@code
   * multipart/form-data} upload (Flickr's upload API signs them). The content type of the body is
   * read from {@code headers}; only a form body is read.
   *
   * @param method the HTTP method, such as {@code POST}
   * @param url the URL the request was made to, as the client saw it
   * @param headers the request headers
   * @param body the body bytes, or null for none
   * @param additionalSignedParameters decoded name and value pairs, in any order
   */
  public Verification verify(
      String method,
      HttpUrl url,
      Headers headers,
      byte[] body,
      List<Map.Entry<String, String>> additionalSignedParameters) {
    String contentType = headers.get("Content-Type");
    return verify(
        method,
        url,
        headers,
        contentType == null ? null : MediaType.parse(contentType),
        body,
        additionalSignedParameters);
  }

  /**
   * Verifies an OkHttp {@link Request}, as built by a client or by a test. A form body is read, so
   * it must be one that can be written more than once.
   *
   * @throws IOException if reading the body fails
   */
  public Verification verify(Request request) throws IOException {
    RequestBody body = request.body();
    MediaType contentType = body == null ? null : body.contentType();
    byte[] bytes = null;
    if (body != null && FormBodies.isForm(contentType)) {
      Buffer buffer = new Buffer();
      body.writeTo(buffer);
      bytes = buffer.readByteArray();
    }
    SigningOptions options = request.tag(SigningOptions.class);
    List<Map.Entry<String, String>> extra =
        options == null ? Collections.emptyList() : options.signedParameters();
    return verify(request.method(), request.url(), request.headers(), contentType, bytes, extra);
  }

  private Verification verify(
      String method,
      HttpUrl url,
      Headers headers,
      MediaType contentType,
      byte[] body,
      List<Map.Entry<String, String>> additionalSignedParameters) {
    Map<String, String> protocol = new LinkedHashMap<>();
    ParameterList params = new ParameterList(16);
    List<String> places = new ArrayList<>(1);

    // 1. The Authorization header (§3.5.1): realm is not signed.
    String header = null;
    for (String value : headers.values(OAuth.AUTHORIZATION)) {
      if (!AuthorizationHeader.isOAuth(value)) continue;
      if (header != null) {
        return refused(
            OAuthProblem.PARAMETER_REJECTED, "two OAuth Authorization headers", protocol);
      }
      header = value;
    }
    if (header != null) {
      List<Map.Entry<String, String>> pairs;
      try {
        pairs = AuthorizationHeader.parse(header);
      } catch (IllegalArgumentException e) {
        return refused(OAuthProblem.PARAMETER_REJECTED, e.getMessage(), protocol);
      }
      for (Map.Entry<String, String> pair : pairs) {
        String name = Percent.decode(pair.getKey(), false);
        if (name.equals(OAuth.REALM)) continue;
        String value = Percent.decode(pair.getValue(), false);
        if (protocol.putIfAbsent(name, value) != null) {
          return refused(
              OAuthProblem.PARAMETER_REJECTED,
              name + " appears twice in the Authorization header",
              protocol);
        }
        if (!name.equals(OAuth.SIGNATURE)) params.add(name, value);
      }
      places.add("the Authorization header");
    }

    // 2. The query (§3.5.3, §3.4.1.3.1).
    ParameterList query = new ParameterList(url.querySize());
    query.addQuery(url);
    String repeated = split(query, "query", protocol, params, places);
    if (repeated != null) {
      return refused(OAuthProblem.PARAMETER_REJECTED, twice(repeated, places, "query"), protocol);
    }

    // 3. A form body (§3.5.2, §3.4.1.3.1). Any other body is not signed.
    if (body != null && FormBodies.isForm(contentType)) {
      Charset charset = FormBodies.charset(contentType);
      ParameterList form = new ParameterList(16);
      FormBodies.parse(new String(body, charset), charset, form);
      repeated = split(form, "body", protocol, params, places);
      if (repeated != null) {
        return refused(OAuthProblem.PARAMETER_REJECTED, twice(repeated, places, "body"), protocol);
      }
    }
    if (places.size() > 1) {
      return refused(
          OAuthProblem.PARAMETER_REJECTED,
          "protocol parameters are in both "
              + places.get(0)
              + " and "
              + places.get(1)
              + ": they must be in one place only (RFC 5849 §3.5)",
          protocol);
    }

    for (Map.Entry<String, String> e : additionalSignedParameters) {
      params.add(e.getKey(), e.getValue());
    }
    params.sort();
    String baseString = new String(BaseString.of(method, url, params), StandardCharsets.UTF_8);

    // 4. The required parameters (§3.1).
    String methodName = protocol.get(OAuth.SIGNATURE_METHOD);
    boolean plaintext = "PLAINTEXT".equals(methodName);
    List<String> absent = new ArrayList<>();
    for (String required :
        plaintext
            ? Arrays.asList(OAuth.CONSUMER_KEY, OAuth.SIGNATURE_METHOD, OAuth.SIGNATURE)
            : Arrays.asList(
                OAuth.CONSUMER_KEY,
                OAuth.SIGNATURE_METHOD,
                OAuth.SIGNATURE,
                OAuth.TIMESTAMP,
                OAuth.NONCE)) {
      if (protocol.get(required) == null || protocol.get(required).isEmpty()) absent.add(required);
    }
    if (!absent.isEmpty()) {
      return new Verification(
          OAuthProblem.PARAMETER_ABSENT.wireName(),
          "missing " + String.join(", ", absent),
          baseString,
          protocol,
          absent,
          null);
    }
    String version = protocol.get(OAuth.VERSION);
    if (version != null && !version.equals(OAuth.VERSION_1_0)) {
      return refused(
          OAuthProblem.VERSION_REJECTED,
          "oauth_version is " + version + ", not 1.0",
          baseString,
          protocol);
    }
    SignatureMethod signatureMethod = signatureMethods.get(methodName);
    if (signatureMethod == null) {
      return refused(
          OAuthProblem.SIGNATURE_METHOD_REJECTED,
          methodName + " is not accepted; accepted: " + signatureMethods.keySet(),
          baseString,
          protocol);
    }

    // 5. Credentials.
    String consumerKey = protocol.get(OAuth.CONSUMER_KEY);
    String clientSecret = clientSecrets.apply(consumerKey);
    if (clientSecret == null) {
      return refused(
          OAuthProblem.CONSUMER_KEY_UNKNOWN,
          "consumer key " + consumerKey + " is unknown",
          baseString,
          protocol);
    }
    String token = protocol.get(OAuth.TOKEN);
    String tokenSecret = "";
    if (token != null && !token.isEmpty()) {
      tokenSecret = tokenSecrets.apply(token);
      if (tokenSecret == null) {
        return refused(
            OAuthProblem.TOKEN_REJECTED, "token " + token + " is unknown", baseString, protocol);
      }
    } else {
      token = null;
    }

    // 6. Timestamp (§3.3).
    long now = clock.instant().getEpochSecond();
    long window = timestampWindow.getSeconds();
    long timestamp = now;
    String timestampValue = protocol.get(OAuth.TIMESTAMP);
    if (timestampValue != null) {
      try {
        timestamp = Long.parseLong(timestampValue);
      } catch (NumberFormatException e) {
        return refused(
            OAuthProblem.PARAMETER_REJECTED,
            "oauth_timestamp is not a number of seconds: " + timestampValue,
            baseString,
            protocol);
      }
      if (timestamp < now - window || timestamp > now + window) {
        return new Verification(
            OAuthProblem.TIMESTAMP_REFUSED.wireName(),
            "oauth_timestamp "
                + timestamp
                + " is "
                + Math.abs(now - timestamp)
                + " seconds "
                + (timestamp < now ? "behind" : "ahead of")
                + " the server's clock ("
                + now
                + "); accepted: within "
                + window
                + " seconds",
            baseString,
            protocol,
            Collections.<String>emptyList(),
            (now - window) + "-" + (now + window));
      }
    }

    // 7. Signature (§3.2), constant time for the HMAC and PLAINTEXT methods.
    String signature = protocol.get(OAuth.SIGNATURE);
    if (!signatureMethod.verify(baseString, signature, clientSecret, tokenSecret)) {
      return refused(
          OAuthProblem.SIGNATURE_INVALID,
          "the signature does not match the base string computed here (debug_sbs), signed with"
              + " the secrets of consumer "
              + consumerKey
              + (token == null ? " and no token" : " and token " + token),
          baseString,
          protocol);
    }

    // 8. Nonce (§3.3), recorded only once everything else holds.
    String nonce = protocol.get(OAuth.NONCE);
    if (nonce != null && !nonceStore.record(consumerKey, token, timestamp, nonce, now - window)) {
      return refused(
          OAuthProblem.NONCE_USED,
          "oauth_nonce " + nonce + " was already used with timestamp " + timestamp,
          baseString,
          protocol);
    }
    return new Verification(
        null, "valid", baseString, protocol, Collections.<String>emptyList(), null);
  }

  /**
   * Adds the pairs of {@code placed}, the query or a form body, to {@code params}, and its protocol
   * parameters, decoded, to {@code protocol} ({@code oauth_signature} to that map only); names
   * {@code where} in {@code places} if it held any. Returns a protocol parameter's name given a
   * second time, or null.
   */
  private static String split(
      ParameterList placed,
      String where,
      Map<String, String> protocol,
      ParameterList params,
      List<String> places) {
    boolean any = false;
    for (int i = 0; i < placed.size(); i++) {
      String name = placed.encodedName(i);
      String value = placed.encodedValue(i);
      if (name.startsWith(OAuth.PREFIX)) {
        any = true;
        String decodedName = Percent.decode(name, false);
        if (protocol.putIfAbsent(decodedName, Percent.decode(value, false)) != null) {
          return decodedName;
        }
        if (decodedName.equals(OAuth.SIGNATURE)) continue;
      }
      params.addEncoded(name, value);
    }
    if (any) places.add("the " + where);
    return null;
  }

  private static String twice(String name, List<String> places, String where) {
    return name
        + (places.isEmpty()
            ? " appears twice in the " + where
            : " appears in both " + places.get(0))
        + (places.isEmpty() ? "" : " and the " + where);
  }

  private static Verification refused(
      OAuthProblem problem, String message, Map<String, String> protocol) {
    return refused(problem, message, null, protocol);
  }

  private static Verification refused(
      OAuthProblem problem, String message, String baseString, Map<String, String> protocol) {
    return new Verification(
        problem.wireName(), message, baseString, protocol, Collections.<String>emptyList(), null);
  }

  /** Names the accepted methods and the window; never a secret. */
  @Override
  public String toString() {
    return "OAuth1Verifier[signatureMethods="
        + signatureMethods.keySet()
        + ", timestampWindow="
        + timestampWindow
        + ", nonceStore="
        + nonceStore
        + "]";
  }

  /** Builds an {@link OAuth1Verifier}. */
  public static final class Builder {
    private Function<String, String> clientSecrets;
    private Function<String, String> tokenSecrets = token -> null;
    private Clock clock = Clock.systemUTC();
    private Duration timestampWindow = Duration.ofMinutes(5);
    private NonceStore nonceStore;
    private Map<String, SignatureMethod> signatureMethods =
        methods(SignatureMethod.HMAC_SHA1, SignatureMethod.HMAC_SHA256);

    Builder() {}

    /**
     * Looks up the client (consumer) secret of a consumer key; returns null for an unknown key.
     * Required. For RSA-SHA1 clients, whose secret is not used, return an empty string.
     */
    public Builder clientSecrets(Function<String, String> clientSecrets) {
      if (clientSecrets == null) throw new NullPointerException("clientSecrets == null");
      this.clientSecrets = clientSecrets;
      return this;
    }

    /**
     * Looks up the secret of a token value (request token or access token); returns null for an
     * unknown token. By default no token is known: only requests without a token can pass.
     */
    public Builder tokenSecrets(Function<String, String> tokenSecrets) {
      if (tokenSecrets == null) throw new NullPointerException("tokenSecrets == null");
      this.tokenSecrets = tokenSecrets;
      return this;
    }

    /** The clock timestamps are checked against; {@link Clock#systemUTC()} by default. */
    public Builder clock(Clock clock) {
      if (clock == null) throw new NullPointerException("clock == null");
      this.clock = clock;
      return this;
    }

    /**
     * How far {@code oauth_timestamp} may be from the clock, either way; 5 minutes by default. The
     * nonce store forgets nonces older than this.
     */
    public Builder timestampWindow(Duration timestampWindow) {
      if (timestampWindow == null) throw new NullPointerException("timestampWindow == null");
      if (timestampWindow.isNegative() || timestampWindow.getSeconds() < 1) {
        throw new IllegalArgumentException(
            "timestampWindow must be at least one second: " + timestampWindow);
      }
      this.timestampWindow = timestampWindow;
      return this;
    }

    /** Where used nonces are remembered; a new {@link NonceStore#inMemory()} by default. */
    public Builder nonceStore(NonceStore nonceStore) {
      if (nonceStore == null) throw new NullPointerException("nonceStore == null");
      this.nonceStore = nonceStore;
      return this;
    }

    /**
     * The accepted signature methods, by their {@link SignatureMethod#name()}; HMAC-SHA1 and
     * HMAC-SHA256 by default. For RSA-SHA1 pass {@link SignatureMethod#rsaSha1Verifying}.
     */
    public Builder signatureMethods(SignatureMethod... signatureMethods) {
      if (signatureMethods.length == 0) {
        throw new IllegalArgumentException("signatureMethods is empty");
      }
      this.signatureMethods = methods(signatureMethods);
      return this;
    }

    private static Map<String, SignatureMethod> methods(SignatureMethod... methods) {
      Map<String, SignatureMethod> map = new LinkedHashMap<>();
      for (SignatureMethod method : methods) {
        if (method == null) throw new NullPointerException("signatureMethods has a null");
        map.put(method.name(), method);
      }
      return Collections.unmodifiableMap(map);
    }

    /**
     * Returns the verifier.
     *
     * @throws IllegalStateException if {@code clientSecrets} was not set
     */
    public OAuth1Verifier build() {
      if (clientSecrets == null) {
        throw new IllegalStateException(
            "clientSecrets == null: give the function that looks up a consumer key's secret");
      }
      return new OAuth1Verifier(this);
    }
  }
}
