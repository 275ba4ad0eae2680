package dev.oksign;

import dev.oksign.internal.BaseString;
import dev.oksign.internal.FormBodies;
import dev.oksign.internal.HmacSignatureMethod;
import dev.oksign.internal.Nonces;
import dev.oksign.internal.OAuth;
import dev.oksign.internal.ParameterList;
import dev.oksign.internal.Percent;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;
import okhttp3.Headers;
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

  /** {@code OAuth } and the realm, if any: how every header starts (§3.5.1). */
  private final String headerStart;

  /** For an HMAC method, the key of the client secret and the signer's token; else null. */
  private final HmacSignatureMethod.Key key;

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
    this.headerStart =
        OAuth.AUTH_SCHEME + ' ' + (realm == null ? "" : OAuth.REALM + "=\"" + realm + "\", ");
    this.key =
        signatureMethod instanceof HmacSignatureMethod hmac
            ? hmac.key(clientCredentials.secret(), token == null ? "" : token.secret())
            : null;
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
   * The token {@code request} is signed with, or null for none: the token of the request's {@link
   * SigningOptions} (none if they say {@link SigningOptions#withoutToken() withoutToken}), else its
   * {@link Token} tag, else the signer's own.
   */
  Token tokenFor(Request request, SigningOptions options) {
    if (options != null && options.withoutToken()) return null;
    if (options != null && options.token() != null) return options.token();
    Token tagged = request.tag(Token.class);
    return tagged != null ? tagged : token;
  }

  /**
   * Signs {@code request} with timestamps moved by {@code clockOffsetSeconds} (for a client that
   * learned the server's clock is ahead or behind), step by step as RFC 5849 §3.4 reads.
   */
  SigningReport compute(Request request, long clockOffsetSeconds, boolean forSending)
      throws IOException {
    SigningOptions options = request.tag(SigningOptions.class);
    Token token = tokenFor(request, options);
    refuseUnsafe(request, forSending);

    // §3.4.1.3.1: the parameters of the request, then the protocol parameters.
    ParameterList params = new ParameterList(request.url().querySize() + 8);
    long formSize = collectParameters(request, options, params);
    ParameterList protocol =
        protocolParameters(request, token, options, clockOffsetSeconds, formSize >= 0);

    // §3.4.1.3.2: all of them, encoded and sorted.
    params.addAll(protocol);
    params.sort();

    // §3.4.1: the base string.
    byte[] baseString = BaseString.of(request.method(), request.url(), params);

    // §3.4.2-3.4.4: the signature.
    String tokenSecret = token == null ? "" : token.secret();
    String signature =
        key != null
            ? keyFor(token).sign(baseString)
            : signatureMethod.sign(
                new String(baseString, StandardCharsets.UTF_8),
                clientCredentials.secret(),
                tokenSecret);

    // §3.5: placed.
    Request signed = place(request, protocol, Percent.encode(signature), formSize);
    return new SigningReport(
        signed,
        placement,
        protocol,
        params,
        baseString,
        signature,
        signatureMethod.name(),
        clientCredentials.secret(),
        tokenSecret);
  }

  /** Refuses a request that must not be signed as it is. */
  private void refuseUnsafe(Request request, boolean forSending) throws SigningException {
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
  }

  /**
   * Adds the request's parameters (§3.4.1.3.1) to {@code params}: the query, the parameters of an
   * {@code application/x-www-form-urlencoded} body (no other body is read) and the options' signed
   * parameters. Returns the size of the form body in bytes, or -1 if there is none.
   */
  private long collectParameters(Request request, SigningOptions options, ParameterList params)
      throws IOException {
    HttpUrl url = request.url();
    String query = url.encodedQuery();
    if (query != null) FormBodies.checkEscapes(query, 0, url, "query");
    params.addQuery(url);
    refuseProtocolParameters(params, 0, url, "query");

    RequestBody body = request.body();
    MediaType contentType = body == null ? null : body.contentType();
    long formSize = -1;
    if (FormBodies.isForm(contentType)) {
      if (body.isOneShot() || body.isDuplex()) {
        throw new SigningException(
            "the form body to "
                + url.host()
                + url.encodedPath()
                + " is one-shot and cannot be read to sign it: use FormBody or a body that can"
                + " be written twice");
      }
      int before = params.size();
      formSize = FormBodies.parse(body, FormBodies.charset(contentType), params, url);
      refuseProtocolParameters(params, before, url, "form body");
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
    return formSize;
  }

  /**
   * The protocol parameters (§3.4.1.3.1, §3.1), sorted: the order the header lists them in. Reads
   * the clock and the nonce source.
   */
  private ParameterList protocolParameters(
      Request request, Token token, SigningOptions options, long clockOffsetSeconds, boolean form)
      throws IOException {
    long time = clock.instant().getEpochSecond() + clockOffsetSeconds;
    String nonce = nonces.get();
    if (nonce == null || nonce.isEmpty()) throw new IllegalStateException("nonce source gave none");

    ParameterList protocol = new ParameterList(8);
    if (bodyHash && !form) protocol.add(OAuth.BODY_HASH, bodyHash(request));
    protocol.addEncoded(OAuth.CONSUMER_KEY, encodedConsumerKey);
    protocol.add(OAuth.NONCE, nonce);
    protocol.add(OAuth.SIGNATURE_METHOD, signatureMethod.name());
    protocol.addEncoded(OAuth.TIMESTAMP, Long.toString(time));
    if (token != null) {
      protocol.addEncoded(
          OAuth.TOKEN, token == this.token ? encodedToken : Percent.encode(token.value()));
    }
    if (includeVersion) protocol.addEncoded(OAuth.VERSION, OAuth.VERSION_1_0);
    if (options != null) {
      String[] extras = options.protocolPairs();
      for (int i = 0; i < extras.length; i += 2) protocol.add(extras[i], extras[i + 1]);
    }
    protocol.sort();
    return protocol;
  }

  /** The HMAC key of {@code token}: the signer's own, the token's own, or for none, a new one. */
  private HmacSignatureMethod.Key keyFor(Token token) {
    if (token == this.token) return key;
    HmacSignatureMethod hmac = (HmacSignatureMethod) signatureMethod;
    if (token == null) return hmac.key(clientCredentials.secret(), "");
    return token.key(hmac, clientCredentials.secret());
  }

  /** A new request with the protocol parameters and the signature where {@link #placement} says. */
  private Request place(
      Request request, ParameterList protocol, String encodedSignature, long formSize)
      throws IOException {
    switch (placement) {
      case AUTHORIZATION_HEADER -> {
        // Printable ASCII throughout (a checked realm, encoded names and values): not checked
        // again. The request has no Authorization header yet: refused above.
        Headers headers =
            request
                .headers()
                .newBuilder()
                .addUnsafeNonAscii(
                    OAuth.AUTHORIZATION, authorizationHeader(protocol, encodedSignature))
                .build();
        return request.newBuilder().headers(headers).build();
      }
      case QUERY -> {
        HttpUrl.Builder url = request.url().newBuilder();
        for (int i = 0; i < protocol.size(); i++) {
          url.addEncodedQueryParameter(protocol.encodedName(i), protocol.encodedValue(i));
        }
        url.addEncodedQueryParameter(OAuth.SIGNATURE, encodedSignature);
        return request.newBuilder().url(url.build()).build();
      }
      default -> {
        RequestBody body = request.body();
        Charset charset = FormBodies.charset(body.contentType());
        StringBuilder tail = new StringBuilder(256);
        appendForm(protocol, encodedSignature, charset, request.url(), tail);
        byte[] bytes = tail.substring(formSize > 0 ? 0 : 1).getBytes(charset);
        RequestBody signedBody = FormBodies.append(body, formSize, bytes);
        Request.Builder signed = request.newBuilder().method(request.method(), signedBody);
        // In the network slot OkHttp has already framed the original body: reframe it.
        if (request.header("Content-Length") != null) {
          signed.header("Content-Length", Long.toString(signedBody.contentLength()));
        }
        return signed.build();
      }
    }
  }

  /** Refuses an {@code oauth_*} parameter the request itself carries, from index {@code from}. */
  private static void refuseProtocolParameters(
      ParameterList params, int from, HttpUrl url, String where) throws SigningException {
    int i = params.firstProtocolName(from);
    if (i >= 0) {
      throw new SigningException(
          "request to "
              + url.host()
              + " already carries "
              + params.encodedName(i)
              + " in its "
              + where
              + ": pass protocol parameters through SigningOptions, not the request, so they are"
              + " placed once");
    }
  }

  /**
   * {@code OAuth realm="...", name="value", ...} (§3.5.1): the protocol parameters in name order,
   * the signature in its place among them.
   */
  private String authorizationHeader(ParameterList protocol, String encodedSignature) {
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

  /**
   * Appends the protocol parameters to a form body, each after a {@code &}. Their escapes must be
   * read back in the body's charset (the server decodes them so), while the signature covers their
   * UTF-8 form (§3.6): for a body in another charset, values are escaped from that charset's bytes.
   * A charset that is not ASCII-compatible (UTF-16) cannot carry escapes at all, and is refused.
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
      form.append('&');
      String value = protocol.encodedValue(i);
      if (!utf8 && value.indexOf('%') >= 0) {
        value = FormBodies.reencode(value, charset, protocol.encodedName(i), url);
      }
      form.append(protocol.encodedName(i)).append('=').append(value);
    }
    form.append('&').append(OAuth.SIGNATURE).append('=').append(encodedSignature);
  }

  /** The {@code oauth_body_hash} of a body that is not a form: its SHA-1 or SHA-256, in Base64. */
  private String bodyHash(Request request) throws IOException {
    String algorithm = signatureMethod.name().endsWith("SHA256") ? "SHA-256" : "SHA-1";
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is not available", e);
    }
    RequestBody body = request.body();
    if (body != null) {
      if (body.isOneShot() || body.isDuplex()) {
        throw new SigningException(
            "oauth_body_hash needs to read the body to "
                + request.url().host()
                + request.url().encodedPath()
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
          if (c == '"' || c == '\\' || c < 0x20 || c >= 0x7f) {
            throw new IllegalArgumentException(
                "realm has a character that cannot stand in a quoted header value (printable"
                    + " ASCII but \" and \\) at index "
                    + i);
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
