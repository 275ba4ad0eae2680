package dev.oksign;

import dev.oksign.internal.AuthorizationHeader;
import dev.oksign.internal.BaseString;
import dev.oksign.internal.FormBodies;
import dev.oksign.internal.OAuth;
import dev.oksign.internal.ParameterList;
import dev.oksign.internal.Percent;
import dev.oksign.internal.RsaSha1SignatureMethod;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
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
 *   <li>the header parses, no protocol parameter is repeated or spread over two places (unless
 *       {@link Builder#lenientPlacement}): {@code parameter_rejected};
 *   <li>{@code oauth_consumer_key}, {@code oauth_signature_method}, {@code oauth_signature} and,
 *       except with PLAINTEXT, {@code oauth_timestamp} and {@code oauth_nonce} are present: {@code
 *       parameter_absent};
 *   <li>{@code oauth_version}, if sent, is {@code 1.0}: {@code version_rejected}; {@code
 *       oauth_nonce} is at most 128 characters: {@code parameter_rejected};
 *   <li>the signature method is one of {@link Builder#signatureMethods}, or RSA-SHA1 where {@link
 *       Builder#rsaSha1PublicKeys} is set: {@code signature_method_rejected}; so is a method that
 *       reveals the secrets (PLAINTEXT) on a URL that is not {@code https}, unless {@link
 *       Builder#acceptCleartextSecrets(boolean)} allows it;
 *   <li>the consumer key is known <em>for that method</em>: {@code consumer_key_unknown}, or {@code
 *       signature_method_rejected} for a consumer known only for the other kind; the token, if any,
 *       is known: {@code token_rejected};
 *   <li>the timestamp is within {@link Builder#timestampWindow} of the clock: {@code
 *       timestamp_refused};
 *   <li>the signature matches, compared in constant time: {@code signature_invalid};
 *   <li>an {@code oauth_body_hash}, if sent, matches the body received and the body is not a form:
 *       {@code parameter_rejected};
 *   <li>the nonce was not used before with this consumer, token and timestamp: {@code nonce_used}.
 *       Only requests that passed every other check are recorded, so unsigned junk cannot fill the
 *       {@link NonceStore}.
 * </ol>
 *
 * <p><b>What it guarantees, per consumer.</b> A request passes only if it was signed with the key
 * of the consumer it names, by a method that consumer is allowed: a shared-secret method (HMAC,
 * PLAINTEXT, your own) only with the consumer's non-empty secret from {@link
 * Builder#clientSecrets}, RSA-SHA1 only with the public key registered for that consumer by {@link
 * Builder#rsaSha1PublicKeys}. An empty secret is refused, never used as a key (an HMAC keyed with
 * {@code "&"} is one anyone can make). A request passes once per nonce within the window, and with
 * the default {@link NonceStore#inMemory()} one consumer's traffic cannot push another consumer's
 * nonces out or get its requests refused.
 *
 * <p><b>What a deployment must still do.</b> Serve over TLS: the verifier sees only the URL it is
 * given, and the signature protects the request's integrity, not its confidentiality (and not the
 * body, unless the client sends {@code oauth_body_hash}). Give every instance of a server one
 * shared {@link NonceStore} (with an atomic add-if-absent and an expiry of the window): a store in
 * one JVM does not see a replay sent to another instance. Keep the clock in sync, keep the secret
 * and key lookups authoritative (a revoked consumer or token must return null), and rate-limit
 * before verifying: each check costs an HMAC or an RSA verification.
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
  private final Function<String, PublicKey> rsaSha1PublicKeys;
  private final boolean acceptCleartextSecrets;

  /** The longest {@code oauth_nonce} accepted; longer ones are refused with parameter_rejected. */
  static final int MAX_NONCE_LENGTH = 128;

  private static final String RSA_SHA1 = "RSA-SHA1";
  private final boolean lenientPlacement;

  private OAuth1Verifier(Builder builder) {
    this.clientSecrets = builder.clientSecrets;
    this.tokenSecrets = builder.tokenSecrets;
    this.clock = builder.clock;
    this.timestampWindow = builder.timestampWindow;
    this.nonceStore = builder.nonceStore != null ? builder.nonceStore : NonceStore.inMemory();
    this.signatureMethods = builder.signatureMethods;
    this.rsaSha1PublicKeys = builder.rsaSha1PublicKeys;
    this.acceptCleartextSecrets = builder.acceptCleartextSecrets;
    this.lenientPlacement = builder.lenientPlacement;
  }

  /**
   * Returns a builder: HMAC-SHA1 and HMAC-SHA256, a window of 5 minutes, the UTC system clock, an
   * in-memory nonce store, no token known, no RSA key, PLAINTEXT (if accepted) over https only.
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
   * read from {@code headers}; a form body is read for its parameters, any body for an {@code
   * oauth_body_hash}.
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
   * Verifies an OkHttp {@link Request}, as built by a client or by a test. The body is read (for a
   * form's parameters or an {@code oauth_body_hash}) unless it is one-shot or duplex; such a body
   * counts as empty.
   *
   * @throws IOException if reading the body fails
   */
  public Verification verify(Request request) throws IOException {
    RequestBody body = request.body();
    MediaType contentType = body == null ? null : body.contentType();
    byte[] bytes = null;
    if (body != null && !body.isOneShot() && !body.isDuplex()) {
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
    if (places.size() > 1 && !lenientPlacement) {
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
    String nonce = protocol.get(OAuth.NONCE);
    if (nonce != null && nonce.length() > MAX_NONCE_LENGTH) {
      return refused(
          OAuthProblem.PARAMETER_REJECTED,
          "oauth_nonce is "
              + nonce.length()
              + " characters long; at most "
              + MAX_NONCE_LENGTH
              + " are accepted",
          baseString,
          protocol);
    }
    boolean rsa = RSA_SHA1.equals(methodName) && rsaSha1PublicKeys != null;
    SignatureMethod signatureMethod = rsa ? null : signatureMethods.get(methodName);
    if (!rsa && signatureMethod == null) {
      return refused(
          OAuthProblem.SIGNATURE_METHOD_REJECTED,
          methodName + " is not accepted; accepted: " + acceptedMethods(),
          baseString,
          protocol);
    }
    if (!rsa && signatureMethod.revealsSecrets() && !url.isHttps() && !acceptCleartextSecrets) {
      return refused(
          OAuthProblem.SIGNATURE_METHOD_REJECTED,
          methodName
              + " over plain "
              + url.scheme()
              + " carries the secrets in the clear: accepted over https only"
              + " (acceptCleartextSecrets)",
          baseString,
          protocol);
    }

    // 5. Credentials, bound to the method: a consumer signs with its secret or its RSA key.
    String consumerKey = protocol.get(OAuth.CONSUMER_KEY);
    String clientSecret = null;
    PublicKey publicKey = null;
    if (rsa) {
      publicKey = rsaSha1PublicKeys.apply(consumerKey);
      if (publicKey == null) {
        return refused(
            hasSecret(consumerKey)
                ? OAuthProblem.SIGNATURE_METHOD_REJECTED
                : OAuthProblem.CONSUMER_KEY_UNKNOWN,
            "consumer key " + consumerKey + " has no RSA-SHA1 public key",
            baseString,
            protocol);
      }
    } else {
      clientSecret = clientSecrets == null ? null : clientSecrets.apply(consumerKey);
      if (clientSecret == null || clientSecret.isEmpty()) {
        boolean rsaOnly = rsaSha1PublicKeys != null && rsaSha1PublicKeys.apply(consumerKey) != null;
        return refused(
            rsaOnly ? OAuthProblem.SIGNATURE_METHOD_REJECTED : OAuthProblem.CONSUMER_KEY_UNKNOWN,
            "consumer key "
                + consumerKey
                + (rsaOnly
                    ? " signs with RSA-SHA1 only, not " + methodName
                    : clientSecret == null
                        ? " is unknown"
                        : " has an empty secret, which is no key: refused"),
            baseString,
            protocol);
      }
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
    boolean signed =
        rsa
            ? RsaSha1SignatureMethod.verifying(publicKey).verify(baseString, signature, "", "")
            : signatureMethod.verify(baseString, signature, clientSecret, tokenSecret);
    if (!signed) {
      return refused(
          OAuthProblem.SIGNATURE_INVALID,
          "the signature does not match the base string computed here (debug_sbs), signed with"
              + " the secrets of consumer "
              + consumerKey
              + (token == null ? " and no token" : " and token " + token),
          baseString,
          protocol);
    }

    // 8. The body hash (OAuth Request Body Hash, §3.2): signed, so checked once the signature is.
    String bodyHash = protocol.get(OAuth.BODY_HASH);
    if (bodyHash != null) {
      String wrong = checkBodyHash(bodyHash, methodName, contentType, body);
      if (wrong != null) {
        return refused(OAuthProblem.PARAMETER_REJECTED, wrong, baseString, protocol);
      }
    }

    // 9. Nonce (§3.3), recorded only once everything else holds.
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

  private boolean hasSecret(String consumerKey) {
    String secret = clientSecrets == null ? null : clientSecrets.apply(consumerKey);
    return secret != null && !secret.isEmpty();
  }

  private List<String> acceptedMethods() {
    List<String> names = new ArrayList<>(signatureMethods.keySet());
    if (rsaSha1PublicKeys != null) names.add(RSA_SHA1);
    return names;
  }

  /**
   * Null if {@code bodyHash} is the Base64 digest of {@code body} (SHA-256 for a method named
   * {@code *SHA256}, else SHA-1, as the signer computes it), else why not. A form body is signed
   * parameter by parameter and never carries a body hash (the extension's §3.2).
   */
  private static String checkBodyHash(
      String bodyHash, String methodName, MediaType contentType, byte[] body) {
    if (FormBodies.isForm(contentType)) {
      return "oauth_body_hash is not allowed with a form body, whose parameters are signed";
    }
    String algorithm = methodName.endsWith("SHA256") ? "SHA-256" : "SHA-1";
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is not available", e);
    }
    String expected =
        Base64.getEncoder().encodeToString(digest.digest(body == null ? new byte[0] : body));
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII), bodyHash.getBytes(StandardCharsets.UTF_8))) {
      return "oauth_body_hash does not match the "
          + algorithm
          + " of the "
          + (body == null ? 0 : body.length)
          + "-byte body received";
    }
    return null;
  }

  /**
   * Adds the pairs of {@code placed}, the query or a form body, to {@code params}, and its protocol
   * parameters, decoded, to {@code protocol} ({@code oauth_signature} to that map only); names
   * {@code where} in {@code places} if it held any. Returns a protocol parameter's name given a
   * second time, or null. With {@link Builder#lenientPlacement}, one given again in another place
   * with the same value counts once.
   */
  private String split(
      ParameterList placed,
      String where,
      Map<String, String> protocol,
      ParameterList params,
      List<String> places) {
    boolean any = false;
    List<String> seenHere = lenientPlacement ? new ArrayList<>(2) : null;
    for (int i = 0; i < placed.size(); i++) {
      String name = placed.encodedName(i);
      String value = placed.encodedValue(i);
      if (name.startsWith(OAuth.PREFIX)) {
        any = true;
        String decodedName = Percent.decode(name, false);
        String decodedValue = Percent.decode(value, false);
        String previous = protocol.putIfAbsent(decodedName, decodedValue);
        if (previous != null) {
          if (lenientPlacement
              && previous.equals(decodedValue)
              && !seenHere.contains(decodedName)) {
            seenHere.add(decodedName); // also in another place, with the same value: counted once
            continue;
          }
          return decodedName;
        }
        if (lenientPlacement) seenHere.add(decodedName);
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
        + acceptedMethods()
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
    private Function<String, PublicKey> rsaSha1PublicKeys;
    private boolean acceptCleartextSecrets;
    private boolean lenientPlacement;

    Builder() {}

    /**
     * Whether the protocol parameters may be split between the {@code Authorization} header, the
     * query and a form body, as Flickr accepts them; false by default, where RFC 5849 §3.5 wants
     * them all in one place and a split is refused with {@code parameter_rejected}.
     *
     * <p>When true, the parameters of every place are merged and signed together (Flickr's {@code
     * debug_sbs} for a {@code POST request_token} with {@code oauth_callback} in the query and the
     * rest in the header reads {@code oauth_callback=oob&oauth_consumer_key=...}). A parameter sent
     * in two places with the same value counts once; with two values, or twice in one place, it is
     * still refused with {@code parameter_rejected}.
     */
    public Builder lenientPlacement(boolean lenientPlacement) {
      this.lenientPlacement = lenientPlacement;
      return this;
    }

    /**
     * Looks up the client (consumer) secret of a consumer key, for the shared-secret methods (HMAC,
     * PLAINTEXT, your own); returns null for a consumer that has none, such as an unknown key or
     * one that signs with RSA-SHA1 only. An empty secret is refused like an unknown key: it is no
     * key. Required unless {@link #rsaSha1PublicKeys} is set.
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
     * The accepted shared-secret signature methods, by their {@link SignatureMethod#name()};
     * HMAC-SHA1 and HMAC-SHA256 by default. Each is verified with the consumer's secret from {@link
     * #clientSecrets}. RSA-SHA1 is not one of them: its keys are per consumer, see {@link
     * #rsaSha1PublicKeys}.
     *
     * @throws IllegalArgumentException if empty, or if a method is named RSA-SHA1
     */
    public Builder signatureMethods(SignatureMethod... signatureMethods) {
      if (signatureMethods.length == 0) {
        throw new IllegalArgumentException("signatureMethods is empty");
      }
      this.signatureMethods = methods(signatureMethods);
      return this;
    }

    /**
     * Accepts RSA-SHA1 (RFC 5849 §3.4.3) from the consumers this function gives a public key for;
     * it returns null for a consumer without one, whose RSA-SHA1 requests are refused. A consumer
     * with a key and no secret in {@link #clientSecrets} can sign with RSA-SHA1 only.
     *
     * <pre>{@code
     * OAuth1Verifier verifier = OAuth1Verifier.builder()
     *     .rsaSha1PublicKeys(consumers::publicKey)   // consumer key -> PublicKey, null if none
     *     .build();
     * }</pre>
     */
    public Builder rsaSha1PublicKeys(Function<String, PublicKey> rsaSha1PublicKeys) {
      if (rsaSha1PublicKeys == null) throw new NullPointerException("rsaSha1PublicKeys == null");
      this.rsaSha1PublicKeys = rsaSha1PublicKeys;
      return this;
    }

    /**
     * Whether to accept a method whose signature is the secrets themselves (PLAINTEXT) on a URL
     * that is not {@code https}, where anyone on the path reads both secrets and can sign as the
     * consumer from then on; false by default. RFC 5849 allows it, for providers without TLS or
     * behind a proxy that terminates TLS and passes on an {@code http} URL (better: pass the URL
     * the client used).
     */
    public Builder acceptCleartextSecrets(boolean acceptCleartextSecrets) {
      this.acceptCleartextSecrets = acceptCleartextSecrets;
      return this;
    }

    private static Map<String, SignatureMethod> methods(SignatureMethod... methods) {
      Map<String, SignatureMethod> map = new LinkedHashMap<>();
      for (SignatureMethod method : methods) {
        if (method == null) throw new NullPointerException("signatureMethods has a null");
        if (method.name().equals(RSA_SHA1)) {
          throw new IllegalArgumentException(
              "RSA-SHA1 is verified with each consumer's public key: use rsaSha1PublicKeys");
        }
        map.put(method.name(), method);
      }
      return Collections.unmodifiableMap(map);
    }

    /**
     * Returns the verifier.
     *
     * @throws IllegalStateException if neither {@code clientSecrets} nor {@code rsaSha1PublicKeys}
     *     was set
     */
    public OAuth1Verifier build() {
      if (clientSecrets == null && rsaSha1PublicKeys == null) {
        throw new IllegalStateException(
            "clientSecrets == null: give the function that looks up a consumer key's secret (or"
                + " rsaSha1PublicKeys for RSA-SHA1 consumers)");
      }
      return new OAuth1Verifier(this);
    }
  }
}
