package dev.oksign.examples.cli;

import dev.oksign.ClientCredentials;
import dev.oksign.OAuth1Signer;
import dev.oksign.OAuthProblemException;
import dev.oksign.Placement;
import dev.oksign.SignatureMethod;
import dev.oksign.SigningException;
import dev.oksign.SigningOptions;
import dev.oksign.SigningReport;
import dev.oksign.Token;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.Callable;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sign}: the signing calculator. Prints every intermediate value of one signature, one per
 * line, so it can be compared with what a provider or another library computed.
 */
@Command(
    name = "sign",
    mixinStandardHelpOptions = true,
    header = "Sign one request and print every intermediate value: a signing calculator.",
    description =
        "Signs one request and prints every intermediate value (RFC 5849 §3.4), one per line:"
            + " base_string, signing_key (with --show-key), signature, authorization (header"
            + " placement), url, body (body placement). Nothing is sent. With --debug-sbs, also"
            + " says where the server's base string differs from ours.")
final class SignCommand implements Callable<Integer> {
  private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");

  private final Io io;

  @Option(
      names = "--method",
      paramLabel = "M",
      required = true,
      description = "HTTP method, such as GET or POST.")
  String method;

  @Option(
      names = "--url",
      paramLabel = "URL",
      required = true,
      description = "The URL exactly as the client sends it, query percent-encoded as given.")
  String url;

  @Option(
      names = "--body",
      paramLabel = "RAW_FORM_BODY",
      description = "A raw application/x-www-form-urlencoded body.")
  String body;

  @Mixin Keys keys;

  @Option(names = "--token", paramLabel = "T", description = "The oauth_token, if any.")
  String token;

  @Option(names = "--token-secret", paramLabel = "TS", description = "The token's secret.")
  String tokenSecret;

  @Option(
      names = "--callback",
      paramLabel = "URL|oob",
      description = "oauth_callback: a URL or oob.")
  String callback;

  @Option(names = "--verifier", paramLabel = "V", description = "oauth_verifier.")
  String verifier;

  @Option(
      names = "--realm",
      paramLabel = "R",
      description = "The Authorization header's realm (not signed).")
  String realm;

  @Option(
      names = "--signature-method",
      paramLabel = "METHOD",
      defaultValue = "HMAC-SHA1",
      description = "HMAC-SHA1 (default), HMAC-SHA256, PLAINTEXT or RSA-SHA1.")
  String signatureMethod;

  @Option(
      names = "--private-key",
      paramLabel = "PKCS8_PEM_FILE",
      description = "RSA-SHA1: a PKCS#8 PEM private key file.")
  Path privateKey;

  @Option(
      names = "--nonce",
      paramLabel = "N",
      description = "oauth_nonce (default: a fresh random one).")
  String nonce;

  @Option(
      names = "--timestamp",
      paramLabel = "SECONDS",
      description = "oauth_timestamp in seconds (default: now).")
  Long timestamp;

  @Option(names = "--no-version", description = "Leave out oauth_version=1.0.")
  boolean noVersion;

  @Option(
      names = "--placement",
      paramLabel = "header|query|body",
      defaultValue = "header",
      description = "Where the parameters go: header (default), query or body.")
  String placement;

  @Option(names = "--show-key", description = "Also print the signing key (it holds the secrets).")
  boolean showKey;

  @Option(
      names = "--debug-sbs",
      paramLabel = "SERVER_BASE_STRING",
      description =
          "The base string the server sent back (Flickr's debug_sbs): explain the" + " difference.")
  String debugSbs;

  @Option(
      names = {"-v", "--verbose"},
      description = "Stack traces on failure.")
  boolean verbose;

  SignCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws IOException {
    SigningReport report = report();
    io.out().println("base_string: " + report.baseString());
    if (showKey) {
      io.out()
          .println(
              "signing_key: "
                  + (privateKey != null
                      ? "(the RSA private key in " + privateKey + ")"
                      : report.signingKey()));
    }
    io.out().println("signature: " + report.signature());
    if (report.authorization() != null)
      io.out().println("authorization: " + report.authorization());
    io.out().println("url: " + report.url());
    if (report.body() != null) io.out().println("body: " + report.body());
    if (debugSbs != null) {
      String server = serverBaseString(debugSbs);
      for (String line : OAuthProblemException.diagnose(server, report.baseString()).split("\n")) {
        io.out().println("diagnosis: " + line);
      }
    }
    return 0;
  }

  SigningReport report() throws IOException {
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) throw CliException.usage("--url is not an http or https URL: " + url);
    String verb = method.toUpperCase(Locale.ROOT);

    SignatureMethod signature = signatureMethod();
    ClientCredentials credentials = credentials(signature);
    Token tokenValue = token();

    OAuth1Signer.Builder signer =
        OAuth1Signer.builder()
            .clientCredentials(credentials)
            .token(tokenValue)
            .signatureMethod(signature)
            .includeVersion(!noVersion)
            .placement(placement());
    if (realm != null) signer.realm(realm);
    if (nonce == null) {
      byte[] bytes = new byte[16];
      new java.security.SecureRandom().nextBytes(bytes);
      nonce = java.util.HexFormat.of().formatHex(bytes);
      io.err().println("generated oauth_nonce " + nonce);
    }
    String fixedNonce = nonce;
    signer.nonces(() -> fixedNonce);
    if (timestamp == null) {
      timestamp = Instant.now().getEpochSecond();
      io.err().println("generated oauth_timestamp " + timestamp);
    }
    signer.clock(Clock.fixed(Instant.ofEpochSecond(timestamp), ZoneOffset.UTC));

    RequestBody requestBody = null;
    if (body != null) {
      requestBody = RequestBody.create(body.getBytes(StandardCharsets.UTF_8), FORM);
    } else if (verb.equals("POST") || verb.equals("PUT") || verb.equals("PATCH")) {
      requestBody = RequestBody.create(new byte[0], null);
    }
    Request request;
    try {
      request = new Request.Builder().url(parsed).method(verb, requestBody).build();
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage() + " (--method " + method + ")");
    }

    SigningOptions.Builder options = SigningOptions.builder();
    if (callback != null) options.callback(callback);
    if (verifier != null) options.verifier(verifier);
    request = request.newBuilder().tag(SigningOptions.class, options.build()).build();

    try {
      return signer.build().report(request);
    } catch (SigningException | IllegalArgumentException e) {
      throw CliException.usage(e.getMessage());
    }
  }

  private SignatureMethod signatureMethod() {
    switch (signatureMethod.toUpperCase(Locale.ROOT)) {
      case "HMAC-SHA1":
        return SignatureMethod.HMAC_SHA1;
      case "HMAC-SHA256":
        return SignatureMethod.HMAC_SHA256;
      case "PLAINTEXT":
        return SignatureMethod.PLAINTEXT;
      case "RSA-SHA1":
        if (privateKey == null) throw CliException.usage("RSA-SHA1 needs --private-key FILE");
        return SignatureMethod.rsaSha1(readPrivateKey(privateKey));
      default:
        throw CliException.usage(
            "--signature-method must be HMAC-SHA1, HMAC-SHA256, PLAINTEXT or RSA-SHA1, not "
                + signatureMethod);
    }
  }

  private ClientCredentials credentials(SignatureMethod signature) {
    // RSA-SHA1 signs with the private key; the shared secret is not used.
    return keys.resolve(io, !signature.name().equals("RSA-SHA1"));
  }

  private Token token() {
    if (token == null && tokenSecret == null) return null;
    if (token == null) throw CliException.usage("--token-secret needs --token");
    if (tokenSecret == null) throw CliException.usage("--token needs --token-secret");
    try {
      return new Token(token, tokenSecret);
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage());
    }
  }

  private Placement placement() {
    return switch (placement.toLowerCase(Locale.ROOT)) {
      case "header" -> Placement.AUTHORIZATION_HEADER;
      case "query" -> Placement.QUERY;
      case "body" -> Placement.FORM_BODY;
      default ->
          throw CliException.usage("--placement must be header, query or body, not " + placement);
    };
  }

  /**
   * Accepts the bare base string, or the whole refusal Flickr sent
   * ("oauth_problem=...&debug_sbs=...").
   */
  static String serverBaseString(String value) {
    String marker = "debug_sbs=";
    int at = value.indexOf(marker);
    return value.startsWith("oauth_problem=") && at >= 0
        ? value.substring(at + marker.length())
        : value;
  }

  static PrivateKey readPrivateKey(Path file) {
    String pem;
    try {
      pem = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw CliException.failure("cannot read --private-key " + file + ": " + e.getMessage());
    }
    if (pem.contains("BEGIN RSA PRIVATE KEY")) {
      throw CliException.usage(
          "--private-key "
              + file
              + " is PKCS#1; convert it: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8.pem");
    }
    String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
    try {
      byte[] der = Base64.getDecoder().decode(base64);
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw CliException.usage("--private-key " + file + " is not a PKCS#8 PEM RSA private key");
    }
  }
}
