package dev.oksign.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oksign.OAuth1Signer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every benchmark method must sign correctly before its speed means anything. The expected
 * signature of {@code request_token} is the one Flickr's documentation gives; for the other
 * workloads it is the one two independent peers, ScribeJava and Signpost, agree on.
 */
class BenchmarksTest {

  /** The mission's Authorization header, from Flickr's documentation. */
  private static final String REQUEST_TOKEN_AUTHORIZATION =
      "OAuth oauth_callback=\"http%3A%2F%2Fwww.wackylabs.net%2Foauth%2Ftest\", "
          + "oauth_consumer_key=\"768fe946d252b119746fda82e1599980\", "
          + "oauth_nonce=\"C2F26CD5C075BA9050AD8EE90644CF29\", "
          + "oauth_signature=\"0fhNGlzpFNAsTme%2FhDfUb5HPB5U%3D\", "
          + "oauth_signature_method=\"HMAC-SHA1\", "
          + "oauth_timestamp=\"1316657628\", "
          + "oauth_version=\"1.0\"";

  @ParameterizedTest
  @EnumSource(Workload.class)
  void everySigningMethodGivesTheExpectedSignature(Workload workload) throws Exception {
    SigningBenchmark benchmark = new SigningBenchmark();
    benchmark.workload = workload.id;
    benchmark.setUp();
    ConcurrentSigningBenchmark concurrent = new ConcurrentSigningBenchmark();
    concurrent.workload = workload.id;
    concurrent.setUp();

    String expected;
    if (workload == Workload.REQUEST_TOKEN) {
      expected = Workload.REQUEST_TOKEN_SIGNATURE;
    } else {
      String scribe = signature(benchmark.scribejava());
      assertThat(signature(benchmark.signpost()))
          .as("Signpost agrees with ScribeJava")
          .isEqualTo(scribe);
      expected = scribe;
    }

    Map<String, String> signatures = new LinkedHashMap<>();
    signatures.put("oksign", signature(benchmark.oksign()));
    signatures.put("signpost", signature(benchmark.signpost()));
    signatures.put("scribejava", signature(benchmark.scribejava()));
    signatures.put("google", signature(benchmark.google()));
    signatures.put("hmacFloor", Base64.getEncoder().encodeToString(benchmark.hmacFloor()));
    signatures.put("concurrent oksign", signature(concurrent.oksign()));
    signatures.put(
        "concurrent hmacFloor", Base64.getEncoder().encodeToString(concurrent.hmacFloor()));
    Map<String, String> expectedSignatures = new LinkedHashMap<>();
    for (String method : signatures.keySet()) expectedSignatures.put(method, expected);
    assertThat(signatures).isEqualTo(expectedSignatures);
  }

  /** The placement, method and user variants sign requests that a verifier accepts. */
  @ParameterizedTest
  @EnumSource(Workload.class)
  void everyOksignVariantVerifies(Workload workload) throws Exception {
    SigningBenchmark benchmark = new SigningBenchmark();
    benchmark.workload = workload.id;
    benchmark.setUp();
    Map<String, Request> variants = new LinkedHashMap<>();
    variants.put("query", benchmark.oksignQuery());
    variants.put("form body", benchmark.oksignFormBody());
    variants.put("HMAC-SHA256", benchmark.oksignHmacSha256());
    variants.put("one user", benchmark.oksignOneUser());
    variants.put("two users, first", benchmark.oksignTwoUsers());
    variants.put("two users, second", benchmark.oksignTwoUsers());
    for (Map.Entry<String, Request> variant : variants.entrySet()) {
      dev.oksign.Verification verification =
          dev.oksign.OAuth1Verifier.builder()
              .clientSecrets(key -> Workload.CONSUMER_SECRET)
              .tokenSecrets(
                  Map.of(
                          Workload.TOKEN,
                          Workload.TOKEN_SECRET,
                          "alice",
                          "alice-secret",
                          "bob",
                          "bob-secret")
                      ::get)
              .signatureMethods(
                  dev.oksign.SignatureMethod.HMAC_SHA1, dev.oksign.SignatureMethod.HMAC_SHA256)
              .clock(Clock.fixed(Instant.ofEpochSecond(Workload.TIMESTAMP), ZoneOffset.UTC))
              .build()
              .verify(variant.getValue());
      assertThat(verification.isValid()).as(variant.getKey() + ": " + verification).isTrue();
    }
    assertThat(variants.get("two users, first").header("Authorization"))
        .isNotEqualTo(variants.get("two users, second").header("Authorization"));
  }

  @Test
  void oksignSendsTheDocumentedRequestTokenHeader() throws Exception {
    SigningBenchmark benchmark = new SigningBenchmark();
    benchmark.workload = Workload.REQUEST_TOKEN.id;
    benchmark.setUp();
    assertThat(benchmark.oksign().header("Authorization")).isEqualTo(REQUEST_TOKEN_AUTHORIZATION);
  }

  @ParameterizedTest
  @EnumSource(Workload.class)
  void everySignerKeepsTheRequest(Workload workload) throws Exception {
    SigningBenchmark benchmark = new SigningBenchmark();
    benchmark.workload = workload.id;
    benchmark.setUp();
    for (Request signed :
        List.of(
            benchmark.oksign(), benchmark.signpost(), benchmark.scribejava(), benchmark.google())) {
      assertThat(signed.method()).isEqualTo(workload.request.method());
      assertThat(signed.url()).isEqualTo(workload.request.url());
      assertThat(bodyOf(signed)).isEqualTo(bodyOf(workload.request));
    }
  }

  @Test
  void interceptorSignsOnTheWireAndTheUnsignedClientDoesNot() throws Exception {
    InterceptorBenchmark benchmark = new InterceptorBenchmark();
    benchmark.setUp(
        OAuth1Signer.builder()
            .clientCredentials(Workload.CONSUMER_KEY, Workload.CONSUMER_SECRET)
            .clock(Clock.fixed(Instant.ofEpochSecond(Workload.TIMESTAMP), ZoneOffset.UTC))
            .nonces(() -> Workload.NONCE)
            .build());
    benchmark.server().recordRequestHeads();
    try {
      assertThat(benchmark.signed()).isEqualTo(InterceptorBenchmark.RESPONSE_BODY);
      String signedHead = benchmark.server().lastRequestHead();
      assertThat(requestLine(signedHead))
          .isEqualTo("GET http://www.flickr.com/services/oauth/request_token HTTP/1.1");
      assertThat(header(signedHead, "Authorization")).isEqualTo(REQUEST_TOKEN_AUTHORIZATION);

      assertThat(benchmark.unsigned()).isEqualTo(InterceptorBenchmark.RESPONSE_BODY);
      String unsignedHead = benchmark.server().lastRequestHead();
      assertThat(requestLine(unsignedHead))
          .isEqualTo("GET http://www.flickr.com/services/oauth/request_token HTTP/1.1");
      assertThat(header(unsignedHead, "Authorization")).isNull();
      assertThat(benchmark.server().requestCount()).isEqualTo(2);
    } finally {
      benchmark.tearDown();
    }
  }

  private static String signature(Request signed) {
    return SigningBenchmark.signatureOf(signed);
  }

  private static String bodyOf(Request request) throws Exception {
    if (request.body() == null) return null;
    okio.Buffer buffer = new okio.Buffer();
    request.body().writeTo(buffer);
    return request.body().contentType() + "\n" + buffer.readUtf8();
  }

  private static String requestLine(String head) {
    return head.substring(0, head.indexOf("\r\n"));
  }

  private static String header(String head, String name) {
    for (String line : head.split("\r\n")) {
      if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
        return line.substring(name.length() + 1).trim();
      }
    }
    return null;
  }
}
