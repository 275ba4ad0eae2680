package dev.oksign.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.oksign.OAuth1Signer;
import dev.oksign.Placement;
import dev.oksign.SignatureMethod;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * The signer's hot path (HMAC in the {@code Authorization} header) against its general path, which
 * {@code report()} always takes: for any request, the same header is sent, or both refuse alike.
 */
class HotPathFuzzTest {
  private static final SignatureMethod[] HMAC = {
    SignatureMethod.HMAC_SHA1, SignatureMethod.HMAC_SHA256
  };

  @FuzzTest(maxDuration = "60s")
  void hotPathSendsWhatTheGeneralPathSends(FuzzedDataProvider data) throws Exception {
    Fuzzed.Case c = Fuzzed.newCase(data);
    String nonce = Fuzzed.nonEmpty(data, 16, "nonce"); // the same for both paths
    OAuth1Signer signer =
        c.signer()
            .newBuilder()
            .nonces(() -> nonce)
            .placement(Placement.AUTHORIZATION_HEADER)
            .signatureMethod(data.pickValue(HMAC))
            .bodyHash(false)
            .build();
    Request request = c.request();
    if (data.consumeBoolean()) {
      // A raw query and form, escapes and all, as a caller may hand them to OkHttp.
      HttpUrl url = request.url().newBuilder().encodedQuery(data.consumeAsciiString(40)).build();
      Request.Builder b = request.newBuilder().url(url);
      if (!request.method().equals("GET")) {
        FormBody.Builder form = new FormBody.Builder();
        for (int i = data.consumeInt(0, 4); i > 0; i--) {
          form.addEncoded(data.consumeAsciiString(10), data.consumeAsciiString(10));
        }
        b.method(request.method(), form.build());
      }
      request = b.build();
    }

    Request hot;
    try {
      hot = signer.sign(request);
    } catch (Exception hotRefusal) {
      try {
        signer.report(request);
      } catch (Exception generalRefusal) {
        assertThat(hotRefusal).hasMessage(generalRefusal.getMessage());
        return;
      }
      throw new AssertionError("only the hot path refused " + request, hotRefusal);
    }
    Request general = signer.report(request).signedRequest();
    assertThat(hot.header("Authorization")).isEqualTo(general.header("Authorization"));
    assertThat(hot.url()).isEqualTo(general.url());
    assertThat(hot.headers()).isEqualTo(general.headers());
  }
}
