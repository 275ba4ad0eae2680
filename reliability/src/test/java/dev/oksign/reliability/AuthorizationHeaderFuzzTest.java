package dev.oksign.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.oksign.OAuth1Signer;
import dev.oksign.SigningException;
import dev.oksign.SigningReport;
import dev.oksign.internal.AuthorizationHeader;
import dev.oksign.internal.Percent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code Authorization: OAuth} header parser (RFC 5849 §3.5.1, RFC 7235 auth-params). */
class AuthorizationHeaderFuzzTest {

  /** Any header: parsed, or refused with IllegalArgumentException and a message; nothing else. */
  @FuzzTest(maxDuration = "60s")
  void anyHeaderParsesOrIsRefused(FuzzedDataProvider data) {
    String header =
        (data.consumeBoolean() ? data.pickValue(new String[] {"OAuth ", "oauth\t", " OAUTH "}) : "")
            + Fuzzed.text(data, 40)
            + data.consumeRemainingAsString();
    List<Map.Entry<String, String>> pairs;
    try {
      pairs = AuthorizationHeader.parse(header);
    } catch (IllegalArgumentException refused) {
      assertThat(refused.getMessage()).isNotBlank();
      return;
    }
    assertThat(AuthorizationHeader.isOAuth(header)).isTrue();
    for (Map.Entry<String, String> pair : pairs) {
      assertThat(pair.getKey()).isNotEmpty().doesNotContain("=", ",", " ", "\t");
    }
  }

  /** Pairs written as quoted strings, with any separators and spacing, parse back exactly. */
  @FuzzTest(maxDuration = "60s")
  void quotedPairsRoundTrip(FuzzedDataProvider data) {
    List<Map.Entry<String, String>> pairs = new ArrayList<>();
    StringBuilder header =
        new StringBuilder(data.pickValue(new String[] {"OAuth", "oauth", "OAUTH"}));
    header.append(' ');
    for (int i = data.consumeInt(0, 6); i > 0; i--) {
      String name = data.consumeAsciiString(10).replaceAll("[\\s=,\"\\\\\\p{Cntrl}]", "");
      if (name.isEmpty()) name = "n";
      String value = Fuzzed.text(data, 16);
      pairs.add(Map.entry(name, value));
      header.append(data.pickValue(new String[] {"", " ", "\t", " ,", ",,  "}));
      header.append(name).append(data.pickValue(new String[] {"=", " = ", "\t="})).append('"');
      header.append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
      header.append(data.pickValue(new String[] {",", ", ", " ,", ",\t"}));
    }

    assertThat(AuthorizationHeader.parse(header.toString())).isEqualTo(pairs);
  }

  /** What the signer writes, the parser reads back as the protocol parameters it signed. */
  @FuzzTest(maxDuration = "60s")
  void signerHeadersParseToTheProtocolParameters(FuzzedDataProvider data) throws Exception {
    Fuzzed.Case c = Fuzzed.newCase(data);
    OAuth1Signer signer =
        c.signer().newBuilder().placement(dev.oksign.Placement.AUTHORIZATION_HEADER).build();
    SigningReport report;
    try {
      report = signer.report(c.request());
    } catch (SigningException refused) {
      return;
    }
    Map<String, String> parsed = new LinkedHashMap<>();
    for (Map.Entry<String, String> pair : AuthorizationHeader.parse(report.authorization())) {
      if (!pair.getKey().equals("realm")) {
        assertThat(Fuzzed.isEncoded(pair.getValue())).as(pair.getValue()).isTrue();
        parsed.put(Percent.decode(pair.getKey(), false), Percent.decode(pair.getValue(), false));
      }
    }
    assertThat(parsed).containsExactlyInAnyOrderEntriesOf(report.protocolParameters());
  }
}
