package dev.oksign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;

/**
 * {@link OAuth1Signer#sign} takes a hot path for HMAC in the {@code Authorization} header: it
 * transcodes parameters straight to bytes and writes the protocol parameters from pieces encoded
 * ahead. {@link OAuth1Signer#report} always takes the general path, which the RFC's examples check
 * ({@link Rfc5849ExamplesTest}); {@link SignpostDifferentialTest} checks {@code sign()}, mostly the
 * hot path, against Signpost; {@code HeaderSigningTest} checks which cases the hot path signs
 * itself. For any request, both paths must send the very same header, or refuse alike.
 *
 * <p>The requests are meant to be awkward: raw queries with {@code +}, escapes of spaces and plus
 * signs, malformed UTF-8 and empty pairs; form bodies added both decoded and encoded; extra
 * protocol parameters that sort before, between and after the signer's; signed parameters; tokens
 * given per request; nonces that need encoding.
 */
class HotPathDifferentialTest {
  static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1316657628), ZoneOffset.UTC);

  @Property(tries = 3000)
  void hotPathSendsWhatTheGeneralPathSends(@ForAll("cases") Case c) throws Exception {
    OAuth1Signer signer = c.signer();
    Throwable hotFailure = catchThrowable(() -> signer.sign(c.request));
    Throwable generalFailure = catchThrowable(() -> signer.report(c.request));
    if (generalFailure != null || hotFailure != null) {
      assertThat(hotFailure).as("%s", c).isNotNull();
      assertThat(generalFailure).as("%s", c).isNotNull();
      assertThat(hotFailure).hasMessage(generalFailure.getMessage());
      return;
    }
    Request hot = signer.sign(c.request);
    Request general = signer.report(c.request).signedRequest();
    assertThat(hot.header("Authorization")).as("%s", c).isEqualTo(general.header("Authorization"));
    assertThat(hot.url()).isEqualTo(general.url());
    assertThat(hot.headers()).isEqualTo(general.headers());
  }

  /**
   * The per-thread arrays are reused across requests and signers, from two threads at once, and
   * requests too large for them (a long value, many parameters) take the general path.
   */
  @Test
  void concurrentSigningAgreesWithTheGeneralPath() throws Exception {
    OAuth1Signer small = signer();
    OAuth1Signer other =
        small.newBuilder().clientCredentials("other key", "other secret").realm("Photos").build();
    StringBuilder longValue = new StringBuilder();
    for (int i = 0; i < 3000; i++) longValue.append("é ~+&=");
    HttpUrl.Builder manyParameters = HttpUrl.get("https://api.example.com/many").newBuilder();
    for (int i = 300; i > 0; i--) manyParameters.addQueryParameter("p" + i % 7, "v" + i);
    Request[] requests = {
      new Request.Builder().url("https://api.example.com/a?b=c&d=e+f").build(),
      new Request.Builder()
          .url(
              new HttpUrl.Builder()
                  .scheme("https")
                  .host("api.example.com")
                  .addQueryParameter("long", longValue.toString())
                  .build())
          .build(),
      new Request.Builder()
          .url("https://api.example.com/b")
          .post(new FormBody.Builder().add("title", "Île de Ré").add("z", "").build())
          .build(),
      new Request.Builder().url(manyParameters.build()).build(),
    };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Void>> results =
          pool.invokeAll(
              List.of(
                  () -> signAll(small, requests), () -> signAll(other, requests),
                  () -> signAll(other, requests), () -> signAll(small, requests)));
      for (Future<Void> result : results) result.get();
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Malformed queries at the edges of splitting on '&' and '=' while transcoding, which the hot
   * path hands back and the general path signs or refuses, and queries too long for the hot path.
   * {@code HeaderSigningTest} checks that the hot path signs the well-formed ones itself.
   */
  @Test
  void queriesAtTheEdgesOfSplitting() throws Exception {
    OAuth1Signer signer = signer();
    String[] queries = {"x%4&y=1", "x%&y", "%C3&a=b", "ab%"};
    for (String query : queries) {
      Request request = new Request.Builder().url("https://api.example.com/x?" + query).build();
      assertSameHeaderOrRefusal(signer, request, query);
    }
    StringBuilder[] long4 = {
      new StringBuilder(), new StringBuilder(), new StringBuilder(), new StringBuilder()
    };
    while (long4[0].length() < 4000) {
      long4[0].append("a&");
      long4[1].append("+&");
      long4[2].append("=&");
      long4[3].append("+");
    }
    for (StringBuilder query : long4) {
      Request request = new Request.Builder().url("https://api.example.com/x?" + query).build();
      assertSameHeaderOrRefusal(signer, request, query.substring(0, 8) + "...");
    }
  }

  /** A signer with a token, a fixed clock and a fixed nonce. */
  private static OAuth1Signer signer() {
    return OAuth1Signer.builder()
        .clientCredentials("key", "secret")
        .token("token", "token secret")
        .clock(CLOCK)
        .nonces(() -> "nonce")
        .build();
  }

  private static void assertSameHeaderOrRefusal(OAuth1Signer signer, Request request, String what) {
    Throwable hotFailure = catchThrowable(() -> signer.sign(request));
    Throwable generalFailure = catchThrowable(() -> signer.report(request));
    if (generalFailure != null || hotFailure != null) {
      assertThat(hotFailure).as(what).isNotNull();
      assertThat(generalFailure).as(what).isNotNull();
      assertThat(hotFailure).as(what).hasMessage(generalFailure.getMessage());
      return;
    }
    try {
      assertThat(signer.sign(request).header("Authorization"))
          .as(what)
          .isEqualTo(signer.report(request).signedRequest().header("Authorization"));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static Void signAll(OAuth1Signer signer, Request[] requests) throws Exception {
    for (int round = 0; round < 200; round++) {
      Request request = requests[round % requests.length];
      assertThat(signer.sign(request).header("Authorization"))
          .isEqualTo(signer.report(request).signedRequest().header("Authorization"));
    }
    return null;
  }

  @Provide
  Arbitrary<Case> cases() {
    net.jqwik.api.arbitraries.StringArbitrary text =
        Arbitraries.strings()
            .withCharRange(' ', '~')
            .withCharRange('\u00a0', '\u00ff')
            .withChars('\u4e00', '\u20ac', '\ud83d', '\ude00')
            .ofMaxLength(10);
    // Pieces of an already-encoded query or form: escapes, well-formed or not, and raw signs.
    Arbitrary<String> encodedPiece =
        Arbitraries.oneOf(
            Arbitraries.strings().alpha().numeric().ofMaxLength(4),
            Arbitraries.of(
                "+",
                "%20",
                "%2B",
                "%2b",
                "%7E",
                "%41",
                "%25",
                "%3D",
                "%26",
                "%C3%A9",
                "%c3%a9",
                "%C3%a9",
                "%E2%82%AC",
                "%e2%82%ac",
                "%F0%9F%98%80",
                "%FF",
                "%C3",
                "%E2%82",
                "%ED%A0%80",
                "%C0%AF",
                "=",
                ",",
                "/",
                "?",
                "~",
                "*",
                "!",
                "'",
                "(",
                ")",
                ":",
                "@",
                "é",
                "%",
                "%4"));
    Arbitrary<String> encoded = encodedPiece.list().ofMaxSize(5).map(l -> String.join("", l));
    Arbitrary<String> name = text.ofMinLength(1);
    Arbitrary<List<Tuple2<String, String>>> params =
        Combinators.combine(name, text).as(Tuple::of).list().ofMaxSize(5);
    Arbitrary<List<Tuple2<String, String>>> encodedParams =
        Combinators.combine(encoded, encoded).as(Tuple::of).list().ofMaxSize(4);
    // Pairs with and without '=', empty pairs, and odd starts and ends: the hot path splits the
    // query in the same pass as it transcodes it.
    Arbitrary<String> rawQuery =
        Combinators.combine(
                encoded,
                encoded,
                Arbitraries.of(true, true, false),
                Arbitraries.of("", "", "&", "&&", "=", "&a", "&=x", "%"))
            .as((a, b, withEquals, tail) -> (withEquals ? a + "=" + b : a) + tail)
            .list()
            .ofMaxSize(4)
            .map(l -> String.join("&", l))
            .flatMap(q -> Arbitraries.of("", "", "&", "=", "&&", "=&=").map(start -> start + q))
            .injectNull(0.3);

    Arbitrary<Request> request =
        Combinators.combine(
                Arbitraries.of("GET", "POST", "PUT", "post"),
                Arbitraries.of(
                    "https://api.example.com", "http://WWW.Example.com:8080", "https://[::1]"),
                Arbitraries.of("/", "/services/rest/", "/a%20b/c~d", "/caf%C3%A9"),
                rawQuery,
                params,
                encodedParams,
                Arbitraries.of("form", "json", "none"))
            .as(
                (method, origin, path, query, formParams, formEncoded, bodyKind) -> {
                  String fragment =
                      query == null || query.length() % 3 == 2
                          ? ""
                          : query.length() % 3 == 0 ? "#top?a=b" : "#x%zz";
                  HttpUrl url =
                      HttpUrl.get(origin + path + (query == null ? "" : "?" + query) + fragment);
                  Request.Builder b = new Request.Builder().url(url);
                  String upper = method.toUpperCase(java.util.Locale.ROOT);
                  if (upper.equals("GET")) return b.build();
                  RequestBody body =
                      switch (bodyKind) {
                        case "form" -> {
                          FormBody.Builder form = new FormBody.Builder();
                          for (Tuple2<String, String> p : formParams) form.add(p.get1(), p.get2());
                          for (Tuple2<String, String> p : formEncoded) {
                            form.addEncoded(p.get1(), p.get2());
                          }
                          yield form.build();
                        }
                        case "json" -> RequestBody.create("{}", MediaType.get("application/json"));
                        default -> RequestBody.create(new byte[0]);
                      };
                  return b.method(method, body).build();
                });
    Arbitrary<SigningOptions> options =
        Combinators.combine(
                Arbitraries.of("", "oob", "http://www.wackylabs.net/oauth/test", "a b+c", "é")
                    .injectNull(0.5),
                Arbitraries.of("v", "v e r", "%").injectNull(0.7),
                Arbitraries.of(
                        "oauth_a",
                        "oauth_zz",
                        "oauth_session_handle",
                        "oauth_signaturf",
                        "oauth_p q",
                        "oauth_token_x")
                    .injectNull(0.6),
                params,
                Arbitraries.of(0, 1, 2))
            .as(
                (callback, verifier, extra, signed, token) -> {
                  SigningOptions.Builder b = SigningOptions.builder();
                  if (callback != null) b.callback(callback);
                  if (verifier != null) b.verifier(verifier);
                  if (extra != null) b.protocolParameter(extra, "x" + extra);
                  for (Tuple2<String, String> p : signed) b.signedParameter(p.get1(), p.get2());
                  if (token == 1) b.token(new Token("per request ~%", "s"));
                  if (token == 2) b.withoutToken();
                  return b.build();
                })
            .injectNull(0.4);
    Arbitrary<String> nonce =
        Arbitraries.oneOf(
            Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(32),
            text.ofMinLength(1));
    return Combinators.combine(
            request,
            options,
            Arbitraries.of("key", "k e y", "ключ"),
            Arbitraries.of("token", "to+ken", "").injectNull(0.3),
            nonce,
            Arbitraries.of("Photos", "").injectNull(0.7),
            Arbitraries.of(true, false))
        .as(Case::new);
  }

  record Case(
      Request request,
      SigningOptions options,
      String consumerKey,
      String token,
      String nonce,
      String realm,
      boolean includeVersion) {
    Case {
      if (options != null) {
        request = request.newBuilder().tag(SigningOptions.class, options).build();
      }
    }

    OAuth1Signer signer() {
      OAuth1Signer.Builder b =
          OAuth1Signer.builder()
              .clientCredentials(consumerKey, "secret")
              .clock(CLOCK)
              .nonces(() -> nonce)
              .includeVersion(includeVersion)
              .realm(realm);
      if (token != null && !token.isEmpty()) b.token(token, "token secret");
      return b.build();
    }
  }
}
