package dev.oksign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import oauth.signpost.AbstractOAuthConsumer;
import oauth.signpost.http.HttpRequest;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okio.Buffer;

/**
 * Differential test: for thousands of random requests, oksign and Signpost 2.1.1 (an established,
 * independent implementation) produce the same HMAC-SHA1 signature — which they can only do if
 * their base strings are identical byte for byte.
 *
 * <p>Where Signpost is wrong, the generator steers clear and the case is covered by a unit test
 * instead: Signpost keeps parameters in sets, so an exactly repeated {@code name=value} pair counts
 * once for it and twice for RFC 5849 §3.4.1.3.2 (see {@link OAuth1SignerTest}); its body parameters
 * replace, rather than join, the query's values of the same name (RFC 5849 §3.4.1.3.1 keeps both,
 * as {@link Rfc5849ExamplesTest} checks with the RFC's {@code a3}); it decodes with {@code
 * URLDecoder}, which cannot represent a lone UTF-16 surrogate; and it parses URLs with {@code
 * java.net.URI}, which rejects the {@code [} and {@code ]} that OkHttp leaves raw in paths.
 */
class SignpostDifferentialTest {
  static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1316657628), ZoneOffset.UTC);

  @Property(tries = 3000)
  void sameSignatureAsSignpost(@ForAll("requests") Case c) throws Exception {
    OAuth1Signer.Builder builder =
        OAuth1Signer.builder()
            .clientCredentials(c.consumerKey, c.consumerSecret)
            .clock(CLOCK)
            .nonces(() -> c.nonce);
    if (c.token != null) builder.token(c.token, c.tokenSecret);
    Request signed = builder.build().sign(c.request);
    String ours = signatureFrom(signed.header("Authorization"));

    SignpostConsumer consumer = new SignpostConsumer(c.consumerKey, c.consumerSecret, c.nonce);
    if (c.token != null) consumer.setTokenWithSecret(c.token, c.tokenSecret);
    HttpRequest theirs = consumer.sign(new SignpostRequest(c.request));

    assertThat(ours)
        .as("signature for %s", c)
        .isEqualTo(signatureFrom(theirs.getHeader("Authorization")));
  }

  static String signatureFrom(String header) {
    Matcher m = Pattern.compile("oauth_signature=\"([^\"]*)\"").matcher(header);
    assertThat(m.find()).as("oauth_signature in %s", header).isTrue();
    return URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
  }

  @Provide
  Arbitrary<Case> requests() {
    net.jqwik.api.arbitraries.StringArbitrary text =
        Arbitraries.strings()
            .withCharRange(' ', '~')
            .withCharRange('\u00a0', '\u00ff')
            .withCharRange('\u0391', '\u03a9')
            .withCharRange('\u4e00', '\u4e0f')
            .withChars('\u2603', '\u20ac')
            .ofMaxLength(12);
    Arbitrary<String> name = text.ofMinLength(1).filter(s -> !s.startsWith("oauth_"));
    Arbitrary<List<Tuple2<String, String>>> params =
        Combinators.combine(name, text).as(Tuple::of).list().ofMaxSize(6).uniqueElements();
    Arbitrary<String> secret = text.ofMinLength(1);
    Arbitrary<String> host =
        Arbitraries.of(
            "api.flickr.com", "WWW.Flickr.com", "example.com", "127.0.0.1", "a-b.example.org");
    Arbitrary<Integer> port = Arbitraries.of(-1, 80, 443, 8080, 65535);
    // OkHttp leaves [ and ] raw in a path, where java.net.URI (and so Signpost) rejects them.
    Arbitrary<List<String>> path =
        text.filter(s -> s.indexOf('[') < 0 && s.indexOf(']') < 0).list().ofMaxSize(3);
    Arbitrary<String> method = Arbitraries.of("GET", "POST", "PUT", "DELETE", "post");

    Arbitrary<HttpUrl> url =
        Combinators.combine(Arbitraries.of("http", "https"), host, port, path, params)
            .as(
                (scheme, h, p, segments, query) -> {
                  HttpUrl.Builder b = new HttpUrl.Builder().scheme(scheme).host(h);
                  if (p > 0) b.port(p);
                  for (String s : segments) b.addPathSegment(s);
                  for (Tuple2<String, String> q : query) b.addQueryParameter(q.get1(), q.get2());
                  return b.build();
                });
    Arbitrary<Request> request =
        Combinators.combine(method, url, params)
            .as(
                (m, u, form) -> {
                  Request.Builder b = new Request.Builder().url(u);
                  String upper = m.toUpperCase(java.util.Locale.ROOT);
                  if (upper.equals("GET") || upper.equals("DELETE"))
                    return b.method(upper, null).build();
                  FormBody.Builder body = new FormBody.Builder();
                  for (Tuple2<String, String> f : form) {
                    // Signpost keeps only the body's values of a name that is also in the query.
                    if (u.queryParameterNames().contains(f.get1())) continue;
                    body.add(f.get1(), f.get2());
                  }
                  return b.method(upper, body.build()).build();
                });
    Arbitrary<String> nonce =
        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(32);
    return Combinators.combine(
            request,
            Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20),
            secret,
            Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20).injectNull(0.3),
            secret,
            nonce)
        .as(Case::new);
  }

  record Case(
      Request request,
      String consumerKey,
      String consumerSecret,
      String token,
      String tokenSecret,
      String nonce) {
    @Override
    public String toString() {
      String body = "";
      if (request.body() != null) {
        Buffer buffer = new Buffer();
        try {
          request.body().writeTo(buffer);
        } catch (java.io.IOException e) {
          throw new AssertionError(e);
        }
        body = " body=" + buffer.readUtf8();
      }
      return request.method() + " " + request.url() + body + " token=" + token;
    }
  }

  static final class SignpostConsumer extends AbstractOAuthConsumer {
    private static final long serialVersionUID = 1L;
    private final String nonce;

    SignpostConsumer(String key, String secret, String nonce) {
      super(key, secret);
      this.nonce = nonce;
    }

    @Override
    protected HttpRequest wrap(Object request) {
      return (HttpRequest) request;
    }

    @Override
    protected String generateTimestamp() {
      return "1316657628";
    }

    @Override
    protected String generateNonce() {
      return nonce;
    }
  }

  /** Adapts an OkHttp request to Signpost's view of a request. */
  static final class SignpostRequest implements HttpRequest {
    private final Request request;
    private final Map<String, String> headers = new HashMap<>();
    private String url;

    SignpostRequest(Request request) {
      this.request = request;
      this.url = request.url().toString();
    }

    @Override
    public String getMethod() {
      return request.method();
    }

    @Override
    public String getRequestUrl() {
      return url;
    }

    @Override
    public void setRequestUrl(String url) {
      this.url = url;
    }

    @Override
    public void setHeader(String name, String value) {
      headers.put(name, value);
    }

    @Override
    public String getHeader(String name) {
      return headers.get(name);
    }

    @Override
    public Map<String, String> getAllHeaders() {
      return headers;
    }

    @Override
    public InputStream getMessagePayload() throws java.io.IOException {
      if (request.body() == null) return null;
      Buffer buffer = new Buffer();
      request.body().writeTo(buffer);
      return new ByteArrayInputStream(buffer.readByteArray());
    }

    @Override
    public String getContentType() {
      return request.body() == null || request.body().contentType() == null
          ? null
          : request.body().contentType().toString();
    }

    @Override
    public Object unwrap() {
      return request;
    }
  }
}
