package dev.oksign.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.oksign.OAuth1Signer;
import dev.oksign.SigningException;
import dev.oksign.SigningReport;
import dev.oksign.internal.FormBodies;
import dev.oksign.internal.ParameterList;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;

/**
 * The form-body and query parameter parsers (RFC 5849 §3.4.1.3.1) and the normalized parameter
 * string (§3.4.1.3.2), against OkHttp's encoders and an encoding built on the JDK's.
 */
class ParameterParsersFuzzTest {

  /** What OkHttp writes with FormBody, the form parser reads back, pair for pair. */
  @FuzzTest(maxDuration = "60s")
  void formBodyRoundTrip(FuzzedDataProvider data) throws Exception {
    FormBody.Builder form = new FormBody.Builder();
    List<Map.Entry<String, String>> pairs = new ArrayList<>();
    for (int i = data.consumeInt(0, 8); i > 0; i--) {
      String name = Fuzzed.text(data, 16);
      String value = Fuzzed.text(data, 16);
      form.add(name, value);
      pairs.add(Map.entry(name, value));
    }
    Buffer buffer = new Buffer();
    form.build().writeTo(buffer);
    String raw = buffer.readUtf8();

    ParameterList parsed = new ParameterList(4);
    FormBodies.parse(raw, StandardCharsets.UTF_8, parsed);

    assertThat(parsed.size()).isEqualTo(pairs.size());
    for (int i = 0; i < pairs.size(); i++) {
      assertThat(parsed.encodedName(i)).isEqualTo(jdkEncode(pairs.get(i).getKey()));
      assertThat(parsed.encodedValue(i)).isEqualTo(jdkEncode(pairs.get(i).getValue()));
    }
  }

  /** Any bytes in any charset: parsed without an exception into well-encoded pairs. */
  @FuzzTest(maxDuration = "60s")
  void formParserTakesAnything(FuzzedDataProvider data) {
    Charset charset =
        data.pickValue(
            new Charset[] {
              StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1, StandardCharsets.UTF_16
            });
    String raw = Fuzzed.text(data, 32) + data.consumeRemainingAsString();

    ParameterList parsed = new ParameterList(1);
    FormBodies.parse(raw, charset, parsed);

    int pairs = 0;
    for (String piece : raw.split("&", -1)) if (!piece.isEmpty()) pairs++;
    assertThat(parsed.size()).isEqualTo(pairs);
    for (int i = 0; i < parsed.size(); i++) {
      assertThat(Fuzzed.isEncoded(parsed.encodedName(i))).as(parsed.encodedName(i)).isTrue();
      assertThat(Fuzzed.isEncoded(parsed.encodedValue(i))).as(parsed.encodedValue(i)).isTrue();
    }
    parsed.sort();
    for (int i = 1; i < parsed.size(); i++) {
      int c = parsed.encodedName(i - 1).compareTo(parsed.encodedName(i));
      assertThat(
              c < 0
                  || (c == 0 && parsed.encodedValue(i - 1).compareTo(parsed.encodedValue(i)) <= 0))
          .isTrue();
    }
  }

  /**
   * The signer's normalized parameters for a query and a form body equal the ones built here
   * independently: JDK-encoded pairs sorted by name, then value.
   */
  @FuzzTest(maxDuration = "60s")
  void normalizedParametersAgreeWithAnIndependentEncoding(FuzzedDataProvider data)
      throws Exception {
    List<Map.Entry<String, String>> expected = new ArrayList<>();
    HttpUrl.Builder url = HttpUrl.get("https://api.flickr.com/services/rest/").newBuilder();
    for (int i = data.consumeInt(0, 6); i > 0; i--) {
      String name = Fuzzed.text(data, 12);
      String value = data.consumeBoolean() ? null : Fuzzed.text(data, 12);
      url.addQueryParameter(name, value);
      expected.add(Map.entry(jdkEncode(name), jdkEncode(value == null ? "" : value)));
    }
    RequestBody body = null;
    if (data.consumeBoolean()) {
      StringBuilder raw = new StringBuilder();
      for (int i = data.consumeInt(0, 6); i > 0; i--) {
        String name = Fuzzed.text(data, 12);
        String value = Fuzzed.text(data, 12);
        if (raw.length() > 0) raw.append('&');
        raw.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
            .append('=')
            .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        expected.add(Map.entry(jdkEncode(name), jdkEncode(value)));
      }
      body = RequestBody.create(raw.toString(), MediaType.get("application/x-www-form-urlencoded"));
    }
    Request request =
        new Request.Builder().url(url.build()).method(body == null ? "GET" : "POST", body).build();
    OAuth1Signer signer =
        OAuth1Signer.builder()
            .clientCredentials(Secrets.CLIENT)
            .token(Secrets.TOKEN)
            .clock(Fuzzed.CLOCK)
            .nonces(() -> "nonce")
            .build();

    SigningReport report;
    try {
      report = signer.report(request);
    } catch (SigningException e) {
      // Only an oauth_ name in the query or body is refused; nothing else here can be.
      assertThat(e.getMessage()).contains("already carries oauth_");
      return;
    }

    // An empty name with no '=' at all ("a=1&&b=2") is no pair.
    HttpUrl sent = report.signedRequest().url();
    for (int i = 0, n = sent.querySize(); i < n; i++) {
      if (sent.queryParameterName(i).isEmpty() && sent.queryParameterValue(i) == null) {
        expected.remove(Map.entry("", ""));
      }
    }
    for (Map.Entry<String, String> p : report.protocolParameters().entrySet()) {
      if (!p.getKey().equals("oauth_signature")) {
        expected.add(Map.entry(jdkEncode(p.getKey()), jdkEncode(p.getValue())));
      }
    }
    expected.sort(
        Comparator.comparing((Map.Entry<String, String> e) -> e.getKey())
            .thenComparing(Map.Entry::getValue));
    StringBuilder normalized = new StringBuilder();
    for (Map.Entry<String, String> e : expected) {
      if (normalized.length() > 0) normalized.append('&');
      normalized.append(e.getKey()).append('=').append(e.getValue());
    }
    assertThat(report.normalizedParameters()).isEqualTo(normalized.toString());
  }

  /** RFC 5849 §3.6 encoding built from the JDK's form encoder, as an independent oracle. */
  static String jdkEncode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("*", "%2A")
        .replace("%7E", "~");
  }
}
