package dev.oksign;

import dev.oksign.internal.BaseString;
import dev.oksign.internal.FormBodies;
import dev.oksign.internal.HeaderSigning;
import dev.oksign.internal.HmacSignatureMethod;
import dev.oksign.internal.Nonces;
import dev.oksign.internal.OAuth;
import dev.oksign.internal.ParameterList;
import dev.oksign.internal.Percent;
import dev.oksign.internal.SigningKey;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;

/**
 * Signs OkHttp requests per RFC 5849 (OAuth 1.0a). Built once, immutable and thread-safe.
 *
 * <pre>{@code
 * OAuth1Signer signer = OAuth1Signer.builder()
 *     .clientCredentials(apiKey, apiSecret)
 *     .token(accessToken)            // optional: none before the token flow
 *     .build();
 * Request signed = signer.sign(request);
 * }</pre>
 *
 * <p>What is signed (§3.4.1): the upper-case method; the base string URI (lower-case scheme and
 * host, the port only if not the default, the path as sent); the query parameters; the parameters
 * of an {@code application/x-www-form-urlencoded} body; and the protocol parameters. Other bodies
 * (JSON, multipart, streams) are never read, unless {@link Builder#bodyHash(boolean)} asks for an
 * {@code oauth_body_hash}.
 *
 * <p>Where the protocol parameters go is the {@link Placement}: the {@code Authorization} header by
 * default. A request that already carries an {@code Authorization} header or any {@code oauth_*}
 * parameter is refused with a {@link SigningException} rather than signed twice: OAuth parameters
 * in two places are a classic cause of {@code signature_invalid}. Pass extra protocol parameters
 * such as {@code oauth_callback} through {@link SigningOptions} instead.
 *
 * <p>To sign the requests of an {@code OkHttpClient}, build an {@link OAuth1Interceptor} from the
 * signer.
 */
public final class OAuth1Signer {
  final ClientCredentials clientCredentials;
  final Token token;
  final SignatureMethod signatureMethod;
  final Clock clock;
  final Supplier<String> nonces;
  final boolean includeVersion;
  final Placement placement;
  final String realm;
  final boolean bodyHash;

  /** The consumer key and the signer's token, percent-encoded once (§3.6). */
  private final String encodedConsumerKey;

  private final String encodedToken;

  /**
   * True if every character of the {@code Authorization} header this signer writes is known to be
   * printable ASCII: an HMAC method's name, a printable ASCII realm or none, and percent-encoded
   * names and values. Such a header is added without OkHttp checking it again, character by
   * character.
   */
  private final boolean headerPrintable;

  /** {@code OAuth } and the realm, if any: how every header starts. */
  private final String headerStart;

  /** The hot path for HMAC in a printable header, or null if this signer is not so configured. */
  private final HeaderSigning headerSigning;

  private OAuth1Signer(Builder builder) {
    this.clientCredentials = builder.clientCredentials;
    this.token = builder.token;
    this.signatureMethod = builder.signatureMethod;
    this.clock = builder.clock;
    this.nonces = builder.nonces;
    this.includeVersion = builder.includeVersion;
    this.placement = builder.placement;
    this.realm = builder.realm;
    this.bodyHash = builder.bodyHash;
    this.encodedConsumerKey = Percent.encode(clientCredentials.key());
    this.encodedToken = token == null ? null : Percent.encode(token.value());
    this.headerPrintable =
        signatureMethod instanceof HmacSignatureMethod
            && (realm == null || isPrintableAscii(realm));
    this.headerStart =
        OAuth.AUTH_SCHEME + ' ' + (realm == null ? "" : OAuth.REALM + "=\"" + realm + "\", ");
    this.headerSigning =
        headerPrintable && placement == Placement.AUTHORIZATION_HEADER && !bodyHash
            ? new HeaderSigning(
                (HmacSignatureMethod) signatureMethod,
                clientCredentials.secret(),
                encodedConsumerKey,
                encodedToken,
                includeVersion,
                nonces == Nonces.INSTANCE,
                headerStart)
            : null;
  }

  private static boolean isPrintableAscii(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c >= 0x7f) return false;
    }
    return true;
  }

  /** Returns a builder with the defaults: HMAC-SHA1, header placement, the UTC system clock. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this signer's configuration, to build a variant. */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /** The client credentials; their {@code toString()} hides the secret. */
  public ClientCredentials clientCredentials() {
    return clientCredentials;
  }

  /** The token requests are signed with unless they say otherwise, or null. */
  public Token token() {
    return token;
  }

  /** The signature method. */
  public SignatureMethod signatureMethod() {
    return signatureMethod;
  }

  /** The placement of the protocol parameters. */
  public Placement placement() {
    return placement;
  }

  /** The clock timestamps are read from. */
  public Clock clock() {
    return clock;
  }

  /**
   * Returns {@code request} signed: a new request with the protocol parameters in the configured
   * place. The token is the one in the request's {@link SigningOptions} or {@link Token} tag, else
   * the signer's.
   *
   * @throws SigningException if the request cannot be signed; nothing is changed or sent
   * @throws IOException if reading a form body fails
   */
  public Request sign(Request request) throws IOException {
    return compute(request, 0L, true).signedRequest();
  }

  /**
   * Signs with timestamps moved by {@code clockOffsetSeconds}, for a client that learned the
   * server's clock is ahead ({@code > 0}) or behind.
   */
  Request sign(Request request, long clockOffsetSeconds) throws IOException {
    return compute(request, clockOffsetSeconds, true).signedRequest();
  }

  /**
   * Returns the signature base string (§3.4.1) that {@link #sign(Request)} would sign for {@code
   * request}, with a fresh nonce and timestamp. For debugging: compare it with the server's.
   */
  public String baseString(Request request) throws IOException {
    return compute(request, 0L, false).baseString();
  }

  /**
   * Signs {@code request} and returns every intermediate value: protocol parameters, base string,
   * signature and the placed result. The signing key is available through {@link
   * SigningReport#signingKey()} and is left out of the report's {@code toString()}.
   *
   * <p>Unlike {@link #sign(Request)}, a report is made even for PLAINTEXT over plain {@code http},
   * since nothing is sent.
   */
  public SigningReport report(Request request) throws IOException {
    return compute(request, 0L, false);
  }

  /**
   * Returns the token {@link #sign(Request)} signs {@code request} with, or null for none: the
   * token of the request's {@link SigningOptions} (none if they say {@link
   * SigningOptions#withoutToken() withoutToken}), else its {@link Token} tag, else the signer's
   * own. For a client that treats signed and unsigned calls differently, such as one that adds an
   * API key to the calls it does not sign.
   */
  public Token tokenFor(Request request) {
    return tokenFor(request, request.tag(SigningOptions.class));
  }

  private Token tokenFor(Request request, SigningOptions options) {
    if (options != null && options.withoutToken()) return null;
    if (options != null && options.token() != null) return options.token();
    Token tagged = request.tag(Token.class);
    return tagged != null ? tagged : token;
  }

  SigningReport compute(Request request, long clockOffsetSeconds, boolean forSending)
      throws IOException {
    SigningOptions options = request.tag(SigningOptions.class);
    Token token = tokenFor(request, options);

    HttpUrl url = request.url();
    if (forSending && signatureMethod.revealsSecrets() && !url.isHttps()) {
      throw new SigningException(
          signatureMethod.name()
              + " over plain http would send the secrets in the clear: use https for "
              + url.host());
    }
    if (request.header(OAuth.AUTHORIZATION) != null) {
      throw new SigningException(
          "request to "
              + url.host()
              + " already carries an Authorization header: refusing to sign it twice");
    }

    String urlString = url.toString();
    int queryStart = urlString.indexOf('?');
    // The hot path gives up on an invalid escape in the query, and the check runs after it; on
    // the general path alone it runs first, before a nonce is spent on a request it refuses.
    boolean hotPath = forSending && headerSigning != null;
    if (!hotPath) checkQueryEscapes(url, urlString, queryStart);
    long time = clock.instant().getEpochSecond() + clockOffsetSeconds;
    String nonce = nonces.get();
    if (nonce == null || nonce.isEmpty()) throw new IllegalStateException("nonce source gave none");

    if (hotPath) {
      Request signed =
          headerSigning.sign(
              request,
              urlString,
              queryStart,
              token == null
                  ? null
                  : token == this.token ? encodedToken : Percent.encode(token.value()),
              token == null ? "" : token.secret(),
              options == null ? SigningOptions.NO_PAIRS : options.protocolPairs(),
              options == null
                  ? Collections.<Map.Entry<String, String>>emptyList()
                  : options.signedParameters(),
              time,
              nonce);
      if (signed != null) {
        return new SigningReport(
            signed, Collections.emptyMap(), null, null, null, null, null, null, null, null);
      }
      checkQueryEscapes(url, urlString, queryStart);
    }
    int querySize = url.querySize();
    RequestBody requestBody = request.body();
    int formSize = requestBody instanceof FormBody ? ((FormBody) requestBody).size() : 0;
    ParameterList params = new ParameterList(querySize + formSize + 8);
    for (int i = 0; i < querySize; i++) {
      String name = url.queryParameterName(i);
      String value = url.queryParameterValue(i);
      if (value == null && name.isEmpty()) continue; // "&&": no pair, as form parsers agree
      if (name.startsWith(OAuth.PREFIX)) throw alreadySigned(url, name, "query");
      params.add(name, value);
    }

    // Form parameters (§3.4.1.3.1). Any other body is never read.
    RequestBody body = request.body();
    MediaType contentType = body == null ? null : body.contentType();
    boolean form = body != null && FormBodies.isForm(contentType);
    String rawForm = null;
    if (form) {
      int before = params.size();
      if (body instanceof FormBody formBody) {
        FormBodies.addParameters(formBody, params);
      } else {
        if (body.isOneShot() || body.isDuplex()) {
          throw new SigningException(
              "the form body to "
                  + url.host()
                  + url.encodedPath()
                  + " is one-shot and cannot be read to sign it: use FormBody or a body that can"
                  + " be written twice");
        }
        Charset charset = FormBodies.charset(contentType);
        rawForm = FormBodies.read(body, charset);
        checkEscapes(rawForm, url, "form body");
        FormBodies.parse(rawForm, charset, params);
      }
      for (int i = before; i < params.size(); i++) {
        if (params.encodedName(i).startsWith(OAuth.PREFIX)) {
          throw alreadySigned(url, params.encodedName(i), "form body");
        }
      }
    } else if (placement == Placement.FORM_BODY) {
      throw new SigningException(
          "FORM_BODY placement needs an application/x-www-form-urlencoded body, but the request to "
              + url.host()
              + " has "
              + (body == null ? "no body" : "a body of type " + contentType));
    }

    if (options != null) {
      for (Map.Entry<String, String> e : options.signedParameters()) {
        params.add(e.getKey(), e.getValue());
      }
    }

    // Protocol parameters (§3.4.1.3.1, §3.1), in name order so the header reads sorted.
    ParameterList protocol = new ParameterList(8);
    String bodyHashValue = null;
    if (bodyHash && !form) bodyHashValue = bodyHash(body, url);
    String[] extras = options == null ? SigningOptions.NO_PAIRS : options.protocolPairs();
    String timestamp = Long.toString(time);

    if (bodyHashValue != null) protocol.add(OAuth.BODY_HASH, bodyHashValue);
    protocol.addEncodedAscii(OAuth.CONSUMER_KEY, encodedConsumerKey);
    protocol.addEncodedAscii(OAuth.NONCE, Percent.encode(nonce));
    if (signatureMethod instanceof HmacSignatureMethod) {
      protocol.addEncodedAscii(OAuth.SIGNATURE_METHOD, signatureMethod.name()); // HMAC-SHA*
    } else {
      protocol.addEncoded(OAuth.SIGNATURE_METHOD, signatureMethod.name());
    }
    protocol.addEncodedAscii(OAuth.TIMESTAMP, timestamp);
    if (token != null) {
      protocol.addEncodedAscii(
          OAuth.TOKEN, token == this.token ? encodedToken : Percent.encode(token.value()));
    }
    if (includeVersion) protocol.addEncodedAscii(OAuth.VERSION, OAuth.VERSION_1_0);
    for (int i = 0; i < extras.length; i += 2) protocol.add(extras[i], extras[i + 1]);
    // Added in name order; only extras can be out of place.
    if (extras.length > 0) protocol.sort();
    // Both sorted: the request's few parameters, then the protocol ones merged in.
    params.sort();
    params.mergeSorted(protocol);

    String tokenSecret = token == null ? "" : token.secret();
    String baseString = null;
    String signature = null;
    // The hot path: the base string's bytes streamed into the HMAC (never a string or an array of
    // the whole), the signature encoded at once. Null if the base string is not all ASCII.
    String encodedSignature =
        forSending && signatureMethod instanceof HmacSignatureMethod
            ? ((HmacSignatureMethod) signatureMethod)
                .signEncoded(request.method(), url, params, clientCredentials.secret(), tokenSecret)
            : null;
    if (encodedSignature == null) {
      baseString = BaseString.of(request.method(), url, params);
      signature = signatureMethod.sign(baseString, clientCredentials.secret(), tokenSecret);
      encodedSignature = Percent.encode(signature);
    }

    Request.Builder out = request.newBuilder();
    String authorization = null;
    String formOut = null;
    HttpUrl urlOut = url;
    switch (placement) {
      case AUTHORIZATION_HEADER -> {
        authorization = authorizationHeader(protocol, encodedSignature);
        if (headerPrintable) {
          // No Authorization header yet (refused above), and nothing in this one to check.
          out.headers(
              request
                  .headers()
                  .newBuilder()
                  .addUnsafeNonAscii(OAuth.AUTHORIZATION, authorization)
                  .build());
        } else {
          out.header(OAuth.AUTHORIZATION, authorization);
        }
      }
      case QUERY -> {
        HttpUrl.Builder urlBuilder = url.newBuilder();
        appendQuery(protocol, encodedSignature, urlBuilder);
        urlOut = urlBuilder.build();
        out.url(urlOut);
      }
      case FORM_BODY -> {
        if (rawForm == null) {
          Buffer buffer = new Buffer();
          body.writeTo(buffer);
          rawForm = buffer.readString(FormBodies.charset(contentType));
        }
        Charset formCharset = FormBodies.charset(contentType);
        StringBuilder formBuilder = new StringBuilder(rawForm.length() + 256).append(rawForm);
        appendForm(protocol, encodedSignature, formCharset, url, formBuilder);
        formOut = formBuilder.toString();
        byte[] bytes = formOut.getBytes(formCharset);
        out.method(request.method(), RequestBody.create(bytes, contentType));
        // In the network slot OkHttp has already framed the original body: reframe it.
        if (request.header("Content-Length") != null) {
          out.header("Content-Length", Integer.toString(bytes.length));
        }
      }
    }
    Request signed = out.build();
    if (forSending) {
      // The hot path: skip the report's extra strings, which only report() and baseString() hand
      // out (with HMAC even the base string is never made: only its bytes).
      return new SigningReport(
          signed, Collections.emptyMap(), null, baseString, null, null, null, null, null, null);
    }
    return new SigningReport(
        signed,
        protocolMap(protocol, signature),
        params.normalized(),
        baseString,
        signature,
        signatureMethod.name(),
        SigningKey.of(clientCredentials.secret(), tokenSecret),
        authorization,
        urlOut.toString(),
        formOut);
  }

  /**
   * Refuses a query with a {@code %} that starts no escape, checked in place in the URL string
   * (what {@code encodedQuery()} would cut out of it).
   */
  private static void checkQueryEscapes(HttpUrl url, String urlString, int queryStart)
      throws SigningException {
    if (queryStart < 0) return;
    int fragment = urlString.indexOf('#', queryStart);
    int queryEnd = fragment < 0 ? urlString.length() : fragment;
    if (Percent.firstInvalidEscape(urlString, queryStart + 1, queryEnd) >= 0) {
      checkEscapes(url.encodedQuery(), url, "query");
    }
  }

  /**
   * Refuses a {@code %} that starts no valid escape: servers disagree on what it means (kept
   * literally, dropped, or an error), so no signature can be sure to match.
   */
  private static void checkEscapes(String encoded, HttpUrl url, String where)
      throws SigningException {
    int at = Percent.firstInvalidEscape(encoded);
    if (at >= 0) {
      String escape = encoded.substring(at, Math.min(encoded.length(), at + 3));
      throw new SigningException(
          "the "
              + where
              + " of the request to "
              + url.host()
              + " has an invalid percent-escape '"
              + escape
              + "' at index "
              + at
              + ": encode a literal % as %25");
    }
  }

  private static SigningException alreadySigned(HttpUrl url, String name, String where) {
    return new SigningException(
        "request to "
            + url.host()
            + " already carries "
            + name
            + " in its "
            + where
            + ": pass protocol parameters through SigningOptions, not the request, so they are"
            + " placed once");
  }

  /**
   * {@code OAuth realm="...", name="value", ...}: the protocol parameters in name order, the
   * signature in its place among them. (HMAC in the header usually takes {@link HeaderSigning},
   * which writes the same header as bytes.)
   */
  private String authorizationHeader(ParameterList protocol, String encodedSignature) {
    // Sized exactly: the header is the largest string made, and is copied once more by toString().
    int length = headerStart.length() + OAuth.SIGNATURE.length() + encodedSignature.length() + 5;
    for (int i = 0; i < protocol.size(); i++) {
      length += protocol.encodedName(i).length() + protocol.encodedValue(i).length() + 5;
    }
    StringBuilder header = new StringBuilder(length).append(headerStart);
    boolean signatureWritten = false;
    for (int i = 0; i < protocol.size(); i++) {
      String name = protocol.encodedName(i);
      if (!signatureWritten && name.compareTo(OAuth.SIGNATURE) > 0) {
        header.append(OAuth.SIGNATURE).append("=\"").append(encodedSignature).append("\", ");
        signatureWritten = true;
      }
      header.append(name).append("=\"").append(protocol.encodedValue(i)).append("\", ");
    }
    if (!signatureWritten) {
      header.append(OAuth.SIGNATURE).append("=\"").append(encodedSignature).append("\", ");
    }
    header.setLength(header.length() - 2);
    return header.toString();
  }

  private static void appendQuery(
      ParameterList protocol, String encodedSignature, HttpUrl.Builder url) {
    for (int i = 0; i < protocol.size(); i++) {
      url.addEncodedQueryParameter(protocol.encodedName(i), protocol.encodedValue(i));
    }
    url.addEncodedQueryParameter(OAuth.SIGNATURE, encodedSignature);
  }

  /**
   * Appends the protocol parameters to a form body. Their escapes must be read back in the body's
   * charset (the server decodes them so), while the signature covers their UTF-8 form (§3.6): for a
   * body in another charset, values are escaped from that charset's bytes. A charset that is not
   * ASCII-compatible (UTF-16) cannot carry escapes at all, and is refused.
   */
  private static void appendForm(
      ParameterList protocol,
      String encodedSignature,
      Charset charset,
      HttpUrl url,
      StringBuilder form)
      throws SigningException {
    boolean utf8 = charset.equals(StandardCharsets.UTF_8);
    if (!utf8 && !FormBodies.isAsciiCompatible(charset)) {
      throw new SigningException(
          "FORM_BODY placement cannot escape parameters in a "
              + charset.name()
              + " form body to "
              + url.host()
              + ": use UTF-8 or header placement");
    }
    for (int i = 0; i < protocol.size(); i++) {
      if (form.length() > 0) form.append('&');
      String value = protocol.encodedValue(i);
      if (!utf8 && value.indexOf('%') >= 0) {
        value = FormBodies.reencode(value, charset, protocol.encodedName(i), url);
      }
      form.append(protocol.encodedName(i)).append('=').append(value);
    }
    if (form.length() > 0) form.append('&');
    form.append(OAuth.SIGNATURE).append('=').append(encodedSignature);
  }

  private static Map<String, String> protocolMap(ParameterList protocol, String signature) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < protocol.size(); i++) {
      map.put(
          Percent.decode(protocol.encodedName(i), false),
          Percent.decode(protocol.encodedValue(i), false));
    }
    map.put(OAuth.SIGNATURE, signature);
    return map;
  }

  private String bodyHash(RequestBody body, HttpUrl url) throws IOException {
    String algorithm = signatureMethod.name().endsWith("SHA256") ? "SHA-256" : "SHA-1";
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is not available", e);
    }
    if (body != null) {
      if (body.isOneShot() || body.isDuplex()) {
        throw new SigningException(
            "oauth_body_hash needs to read the body to "
                + url.host()
                + url.encodedPath()
                + ", but it is one-shot");
      }
      Buffer buffer = new Buffer();
      body.writeTo(buffer);
      digest.update(buffer.readByteArray());
    }
    return Base64.getEncoder().encodeToString(digest.digest());
  }

  /** Names the configuration; never a secret. */
  @Override
  public String toString() {
    return "OAuth1Signer[consumerKey="
        + clientCredentials.key()
        + ", token="
        + (token == null ? "none" : token.value())
        + ", signatureMethod="
        + signatureMethod.name()
        + ", placement="
        + placement
        + "]";
  }

  /** Builds an {@link OAuth1Signer}. */
  public static final class Builder {
    private ClientCredentials clientCredentials;
    private String consumerKey;
    private String consumerSecret;
    private Token token;
    private SignatureMethod signatureMethod = SignatureMethod.HMAC_SHA1;
    private Clock clock = Clock.systemUTC();
    private Supplier<String> nonces = Nonces.INSTANCE;
    private boolean includeVersion = true;
    private Placement placement = Placement.AUTHORIZATION_HEADER;
    private String realm;
    private boolean bodyHash;

    Builder() {}

    Builder(OAuth1Signer signer) {
      this.clientCredentials = signer.clientCredentials;
      this.token = signer.token;
      this.signatureMethod = signer.signatureMethod;
      this.clock = signer.clock;
      this.nonces = signer.nonces;
      this.includeVersion = signer.includeVersion;
      this.placement = signer.placement;
      this.realm = signer.realm;
      this.bodyHash = signer.bodyHash;
    }

    /** The client credentials: consumer key and secret (Flickr's API key and secret). Required. */
    public Builder clientCredentials(ClientCredentials clientCredentials) {
      this.clientCredentials = clientCredentials;
      this.consumerKey = null;
      this.consumerSecret = null;
      return this;
    }

    /** The consumer key and secret, checked at {@link #build()}. Required. */
    public Builder clientCredentials(String consumerKey, String consumerSecret) {
      this.clientCredentials = null;
      this.consumerKey = consumerKey;
      this.consumerSecret = consumerSecret;
      return this;
    }

    /** The token to sign with by default; null for none (the first leg of the token flow). */
    public Builder token(Token token) {
      this.token = token;
      return this;
    }

    /** The token to sign with by default, from its value and secret. */
    public Builder token(String value, String secret) {
      return token(new Token(value, secret));
    }

    /** The signature method; {@link SignatureMethod#HMAC_SHA1} by default. */
    public Builder signatureMethod(SignatureMethod signatureMethod) {
      if (signatureMethod == null) throw new NullPointerException("signatureMethod == null");
      this.signatureMethod = signatureMethod;
      return this;
    }

    /**
     * The clock {@code oauth_timestamp} is read from, in seconds since the epoch (always UTC,
     * whatever the clock's zone); {@link Clock#systemUTC()} by default.
     */
    public Builder clock(Clock clock) {
      if (clock == null) throw new NullPointerException("clock == null");
      this.clock = clock;
      return this;
    }

    /**
     * The source of {@code oauth_nonce} values. Each call must return a new value, unique for the
     * timestamp. By default, 128 bits from {@link java.security.SecureRandom}.
     */
    public Builder nonces(Supplier<String> nonces) {
      if (nonces == null) throw new NullPointerException("nonces == null");
      this.nonces = nonces;
      return this;
    }

    /** Whether to send {@code oauth_version=1.0}; true by default (it is optional, §3.1). */
    public Builder includeVersion(boolean includeVersion) {
      this.includeVersion = includeVersion;
      return this;
    }

    /** Where the protocol parameters go; {@link Placement#AUTHORIZATION_HEADER} by default. */
    public Builder placement(Placement placement) {
      if (placement == null) throw new NullPointerException("placement == null");
      this.placement = placement;
      return this;
    }

    /**
     * The optional {@code realm} of the {@code Authorization} header (§3.5.1). It is not signed.
     * Null for none.
     */
    public Builder realm(String realm) {
      this.realm = realm;
      return this;
    }

    /**
     * Whether to send {@code oauth_body_hash} (the OAuth Request Body Hash extension) for requests
     * whose body is not a form. Such bodies are then read, so they must not be one-shot. Never sent
     * for form bodies, whose parameters are signed instead. Off by default.
     */
    public Builder bodyHash(boolean bodyHash) {
      this.bodyHash = bodyHash;
      return this;
    }

    /**
     * Returns the signer.
     *
     * @throws NullPointerException if the consumer key or secret is missing
     * @throws IllegalArgumentException if a value is empty or malformed; the message names it
     */
    public OAuth1Signer build() {
      if (clientCredentials == null) {
        if (consumerKey == null && consumerSecret == null) {
          throw new IllegalStateException(
              "clientCredentials == null: set the consumer key and secret");
        }
        clientCredentials = new ClientCredentials(consumerKey, consumerSecret);
      }
      if (realm != null) {
        for (int i = 0; i < realm.length(); i++) {
          char c = realm.charAt(i);
          if (c == '"' || c == '\\' || c < 0x20 || c == 0x7f) {
            throw new IllegalArgumentException(
                "realm has a character that cannot stand in a quoted header value at index " + i);
          }
        }
      }
      if (bodyHash && placement == Placement.FORM_BODY) {
        throw new IllegalArgumentException(
            "bodyHash cannot be used with FORM_BODY placement: form bodies are signed, not hashed");
      }
      return new OAuth1Signer(this);
    }
  }
}
