package dev.oksign.reliability;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import dev.oksign.NonceStore;
import dev.oksign.OAuth1Signer;
import dev.oksign.OAuth1Verifier;
import dev.oksign.Placement;
import dev.oksign.SignatureMethod;
import dev.oksign.SigningOptions;
import dev.oksign.Token;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;

/**
 * Builds signers, requests and verifiers from fuzzer input. Strings mix what Jazzer generates with
 * pieces known to break parsers: CR/LF, NUL, quotes, commas, {@code =}, {@code &}, {@code %} and
 * invalid escapes, {@code +}, backslashes, lone surrogates, non-BMP characters and {@code oauth_}
 * prefixes.
 */
final class Fuzzed {
  private Fuzzed() {}

  static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  static final String[] HOSTILE = {
    "\r\n",
    "\r",
    "\n",
    "\u0000",
    "\"",
    "\\\"",
    ",",
    "=",
    "&",
    "%",
    "%zz",
    "%4",
    "%41",
    "%2a",
    "+",
    " ",
    "\t",
    "\\",
    "\uD800",
    "\uDC00",
    "\uD83D\uDE00",
    "é",
    "~",
    "oauth_",
    "?",
    "#",
    "/",
    ";",
    "\u007f",
    "\u2028",
    "\uFEFF",
    "OAuth "
  };

  private static final String[] HOSTS = {
    "api.flickr.com", "WWW.Flickr.COM", "127.0.0.1", "::1", "bücher.example", "e.com"
  };
  private static final int[] PORTS = {-1, 80, 443, 8080, 65535};
  private static final SignatureMethod[] METHODS = {
    SignatureMethod.HMAC_SHA1, SignatureMethod.HMAC_SHA256, SignatureMethod.PLAINTEXT
  };
  private static final String[] FORM_TYPES = {
    "application/x-www-form-urlencoded",
    "application/x-www-form-urlencoded; charset=utf-8",
    "application/x-www-form-urlencoded; charset=ISO-8859-1",
    "APPLICATION/X-WWW-FORM-URLENCODED; charset=UTF-16",
  };

  /**
   * True if {@code s} is RFC 5849 §3.6 output: unreserved characters and upper-case {@code %XX}
   * only. A loop, not a regex: a regex of alternatives recurses per character and overflows the
   * stack on the long strings fuzzers make.
   */
  static boolean isEncoded(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c == '%') {
        if (i + 2 >= n || !upperHex(s.charAt(i + 1)) || !upperHex(s.charAt(i + 2))) return false;
        i += 2;
      } else if (!((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~')) {
        return false;
      }
    }
    return true;
  }

  private static boolean upperHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
  }

  /** A string of up to a few pieces, each fuzzer text or a hostile piece. */
  static String text(FuzzedDataProvider d, int max) {
    StringBuilder out = new StringBuilder();
    int pieces = d.consumeInt(0, 4);
    for (int i = 0; i < pieces; i++) {
      if (d.consumeBoolean()) {
        out.append(d.consumeString(max));
      } else {
        out.append(d.pickValue(HOSTILE));
      }
    }
    return out.toString();
  }

  static String nonEmpty(FuzzedDataProvider d, int max, String fallback) {
    String s = text(d, max);
    return s.isEmpty() ? fallback : s;
  }

  /** A signer, its secrets and the request it is given, all from fuzzer input. */
  record Case(
      OAuth1Signer signer,
      String consumerKey,
      String consumerSecret,
      Token token,
      Request request,
      List<Map.Entry<String, String>> signedParameters) {

    /** A verifier that knows this case's consumer and token, on the same clock. */
    OAuth1Verifier verifier(NonceStore nonces) {
      // A lone surrogate has no UTF-8 form and is sent as '?': the server knows the key it sees.
      Map<String, String> tokens = new HashMap<>();
      if (token != null) tokens.put(sent(token.value()), token.secret());
      return OAuth1Verifier.builder()
          .clientSecrets(key -> key.equals(sent(consumerKey)) ? consumerSecret : null)
          .tokenSecrets(tokens::get)
          .clock(CLOCK)
          .signatureMethods(METHODS)
          .nonceStore(nonces)
          .build();
    }
  }

  /** {@code s} as it reaches the server: UTF-8 has no form for a lone surrogate, sent as '?'. */
  static String sent(String s) {
    return new String(
        s.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        java.nio.charset.StandardCharsets.UTF_8);
  }

  /** A store that never refuses, so that only the signature decides. */
  static final NonceStore NO_REPLAY_CHECK = (key, token, timestamp, nonce, forgetBefore) -> true;

  static Case newCase(FuzzedDataProvider d) {
    String consumerKey = nonEmpty(d, 16, "key");
    String consumerSecret = nonEmpty(d, 16, "secret");
    Token token =
        d.consumeBoolean() ? new Token(nonEmpty(d, 16, "t"), nonEmpty(d, 16, "ts")) : null;
    OAuth1Signer.Builder signer =
        OAuth1Signer.builder()
            .clientCredentials(consumerKey, consumerSecret)
            .token(token)
            .clock(CLOCK)
            .signatureMethod(d.pickValue(METHODS))
            .includeVersion(d.consumeBoolean())
            .placement(d.pickValue(Placement.values()));
    String nonce = text(d, 16);
    if (!nonce.isEmpty()) signer.nonces(() -> nonce);
    if (d.consumeBoolean())
      signer.realm(d.consumeAsciiString(12).replace("\"", "").replace("\\", ""));
    if (d.consumeBoolean()) signer.bodyHash(true);
    OAuth1Signer built;
    try {
      built = signer.build();
    } catch (IllegalArgumentException documentedConfigurationError) {
      built = signer.bodyHash(false).realm(null).build();
    }

    HttpUrl.Builder url =
        new HttpUrl.Builder()
            .scheme(d.consumeBoolean() ? "https" : "http")
            .host(d.pickValue(HOSTS));
    int port = d.pickValue(PORTS);
    if (port > 0) url.port(port);
    for (int i = d.consumeInt(0, 3); i > 0; i--) url.addPathSegment(text(d, 12));
    for (int i = d.consumeInt(0, 5); i > 0; i--) {
      if (d.consumeBoolean()) {
        url.addQueryParameter(text(d, 12), d.consumeBoolean() ? null : text(d, 12));
      } else {
        url.addEncodedQueryParameter(d.consumeAsciiString(12), d.consumeAsciiString(12));
      }
    }

    String method = d.pickValue(new String[] {"GET", "POST", "PUT", "DELETE", "PATCH"});
    RequestBody body = null;
    if (!method.equals("GET") && !(method.equals("DELETE") && d.consumeBoolean())) {
      switch (d.consumeInt(0, 3)) {
        case 0 -> {
          FormBody.Builder form = new FormBody.Builder();
          for (int i = d.consumeInt(0, 5); i > 0; i--) form.add(text(d, 12), text(d, 12));
          body = form.build();
        }
        case 1 -> body = RequestBody.create(text(d, 40), MediaType.get(d.pickValue(FORM_TYPES)));
        case 2 -> body = RequestBody.create(d.consumeAsciiString(40), MediaType.get(FORM_TYPES[0]));
        default -> body = RequestBody.create("{\"a\":1}", MediaType.get("application/json"));
      }
    }

    SigningOptions.Builder options = SigningOptions.builder();
    List<Map.Entry<String, String>> signed = new ArrayList<>();
    if (d.consumeBoolean()) options.callback(text(d, 20));
    if (d.consumeBoolean()) options.verifier(text(d, 12));
    if (d.consumeBoolean()) {
      try {
        options.protocolParameter("oauth_" + d.consumeAsciiString(6), text(d, 8));
      } catch (IllegalArgumentException reservedName) {
        // oauth_nonce and the others the signer sets: refusing them is documented.
      }
    }
    if (d.consumeBoolean()) {
      String name = text(d, 8);
      String value = text(d, 8);
      options.signedParameter(name, value);
      signed.add(Map.entry(name, value));
    }
    Request.Builder request =
        new Request.Builder()
            .url(url.build())
            .method(method, body)
            .tag(SigningOptions.class, options.build());
    return new Case(built, consumerKey, consumerSecret, token, request.build(), signed);
  }

  /** What a server receives for {@code request}: the request as OkHttp would frame it. */
  record Wire(String method, String url, Headers headers, byte[] body) {
    static Wire of(Request request) throws IOException {
      Headers.Builder headers = request.headers().newBuilder();
      byte[] bytes = null;
      RequestBody body = request.body();
      if (body != null) {
        if (body.contentType() != null) headers.set("Content-Type", body.contentType().toString());
        Buffer buffer = new Buffer();
        body.writeTo(buffer);
        bytes = buffer.readByteArray();
      }
      return new Wire(request.method(), request.url().toString(), headers.build(), bytes);
    }
  }
}
