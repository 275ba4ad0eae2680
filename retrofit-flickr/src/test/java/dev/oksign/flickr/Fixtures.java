package dev.oksign.flickr;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.oksign.Token;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;

/** Credentials, fixed clock and nonce, recorded answers, and an independent HMAC-SHA1 oracle. */
final class Fixtures {
  private Fixtures() {}

  static final String KEY = "653e7a6ecc1d528c516cc8f92cf98611";
  static final String SECRET = "3a1fc6d8d2cc4b8e";
  static final Token TOKEN = new Token("72157626318069415-087bfc7b5816092c", "a202d1f853ec69de");
  static final Token ALICE = new Token("72157600000000001-aaaaaaaaaaaaaaaa", "alicesecret");
  static final long TIMESTAMP = 1305586162L;
  static final String NONCE = "p2m2bnHdXVIsQH0FUv0oXBzg";
  static final String REST = "http://api.flickr.com/services/rest/";

  /** A Flickr client routed through {@code server} as a proxy, at Flickr's real host over http. */
  static Flickr.Builder viaProxy(MockWebServer server) {
    return Flickr.builder()
        .clientCredentials(KEY, SECRET)
        .restBaseUrl(REST)
        .client(new OkHttpClient.Builder().proxy(server.getProxyAddress()).build())
        .clock(Clock.fixed(Instant.ofEpochSecond(TIMESTAMP), ZoneOffset.UTC))
        .nonces(() -> NONCE)
        .sleeper(
            nanos -> {
              throw new AssertionError("unexpected sleep of " + nanos + " ns");
            });
  }

  /** A Flickr client talking to {@code server} directly on loopback. */
  static Flickr.Builder direct(MockWebServer server) {
    return Flickr.builder()
        .clientCredentials(KEY, SECRET)
        .restBaseUrl(server.url("/services/rest/"));
  }

  static String json(String resource) {
    try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalArgumentException("no resource " + resource);
      return new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static MockResponse ok(String resource) {
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/json; charset=utf-8")
        .body(json(resource))
        .build();
  }

  static MockResponse body(String json) {
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/json; charset=utf-8")
        .body(json)
        .build();
  }

  static MockResponse fail(int code, String message) {
    return body("{\"stat\":\"fail\",\"code\":" + code + ",\"message\":\"" + message + "\"}");
  }

  /** RFC 5849 §3.6 percent-encoding, written out here rather than taken from core. */
  static String enc(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }

  /**
   * The base string of RFC 5849 §3.4.1 for parameters given already sorted by the caller (decoded),
   * and the HMAC-SHA1 signature of it, as the Authorization header Flickr expects.
   */
  static String authorization(
      String method, String baseUri, List<Map.Entry<String, String>> sorted, Token token) {
    String params =
        sorted.stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    String base = method + "&" + enc(baseUri) + "&" + enc(params);
    String signature =
        hmacSha1(base, enc(SECRET) + "&" + (token == null ? "" : enc(token.secret())));
    return "OAuth oauth_consumer_key=\""
        + KEY
        + "\", oauth_nonce=\""
        + NONCE
        + "\", oauth_signature=\""
        + enc(signature)
        + "\", oauth_signature_method=\"HMAC-SHA1\", oauth_timestamp=\""
        + TIMESTAMP
        + "\", "
        + (token == null ? "" : "oauth_token=\"" + enc(token.value()) + "\", ")
        + "oauth_version=\"1.0\"";
  }

  static String hmacSha1(String base, String key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key.getBytes(UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(UTF_8)));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The protocol parameters of a signed call, for merging into a sorted list by hand. */
  static Map.Entry<String, String> p(String name, String value) {
    return Map.entry(name, value);
  }
}
