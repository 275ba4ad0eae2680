package dev.oksign.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.oksign.NonceStore;
import dev.oksign.OAuth1Verifier;
import dev.oksign.OAuthProblem;
import dev.oksign.SigningException;
import dev.oksign.SigningReport;
import dev.oksign.Verification;
import dev.oksign.internal.AuthorizationHeader;
import dev.oksign.reliability.Fuzzed.Case;
import dev.oksign.reliability.Fuzzed.Wire;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * The signer and {@link OAuth1Verifier} against each other on fuzzer-made requests: every signed
 * request verifies; a request changed in any signed byte never does; and whatever arrives, the
 * verifier answers with a known {@code oauth_problem} rather than an exception.
 */
class OAuth1VerifierFuzzTest {
  static final Set<String> PROBLEMS =
      EnumSet.allOf(OAuthProblem.class).stream()
          .map(OAuthProblem::wireName)
          .collect(Collectors.toSet());

  /** Signs, frames as OkHttp would, verifies as a server would: always valid. */
  @FuzzTest(maxDuration = "60s")
  void signedRequestAlwaysVerifies(FuzzedDataProvider data) throws Exception {
    Case c = Fuzzed.newCase(data);
    SigningReport report;
    try {
      report = c.signer().report(c.request());
    } catch (SigningException refused) {
      // Documented refusals: an invalid escape, oauth_* already present, FORM_BODY without a form.
      assertThat(refused.getMessage()).isNotBlank();
      Secrets.assertAbsentUnlessGiven(
          "SigningException", refused.getMessage(), c.request().toString() + bodyText(c));
      return;
    }
    Wire wire = Wire.of(report.signedRequest());
    if (report.authorization() != null) {
      assertThat(report.authorization()).doesNotContain("\r", "\n", "\u0000");
      AuthorizationHeader.parse(report.authorization());
    }
    // The server parses the URL from the request line again.
    HttpUrl received = HttpUrl.get(wire.url());
    Verification v =
        c.verifier(NonceStore.inMemory())
            .verify(wire.method(), received, wire.headers(), wire.body(), c.signedParameters());

    assertThat(v.isValid())
        .as(
            "%s%nsigned:   %s%nverified: %s%nsigner: %s, realm/report: %s%nsent: %s %s%n%s%nbody:"
                + " %s",
            v,
            report.baseString(),
            v.baseString(),
            c.signer(),
            report,
            wire.method(),
            wire.url(),
            wire.headers(),
            bytes(wire.body()))
        .isTrue();
    assertThat(v.baseString()).isEqualTo(report.baseString());
  }

  /**
   * Changes one byte of what was sent (method, URL, Authorization header or body): if the verifier
   * still says valid, the change did not touch anything signed (the verifier computed the very same
   * base string and protocol parameters, as when a hex digit changes case). Then a change that
   * alters a signed value for sure: never valid. PLAINTEXT signs no request byte by design
   * (§3.4.4), so for it only the consumer key, token and signature must be unchanged.
   */
  @FuzzTest(maxDuration = "60s")
  void changedSignedByteNeverVerifies(FuzzedDataProvider data) throws Exception {
    Case c = Fuzzed.newCase(data);
    SigningReport report;
    try {
      report = c.signer().report(c.request());
    } catch (SigningException refused) {
      return;
    }
    Wire wire = Wire.of(report.signedRequest());
    OAuth1Verifier verifier = c.verifier(Fuzzed.NO_REPLAY_CHECK);

    checkOneChangedByte(data, c, report, wire, verifier);

    // A certain change of a signed value: one more query parameter (PLAINTEXT signs none).
    if (!report.signatureMethod().equals("PLAINTEXT")) {
      HttpUrl more = HttpUrl.get(wire.url()).newBuilder().addQueryParameter("x", "1").build();
      Verification changed =
          verifier.verify(wire.method(), more, wire.headers(), wire.body(), c.signedParameters());
      assertThat(changed.isValid()).as("added query parameter").isFalse();
    }
    // And a different signature value.
    String sig = report.protocolParameters().get("oauth_signature");
    if (report.authorization() != null) {
      String forged = report.authorization().replace("oauth_signature=\"", "oauth_signature=\"A");
      Verification f =
          verifier.verify(
              wire.method(),
              HttpUrl.get(wire.url()),
              wire.headers().newBuilder().set("Authorization", forged).build(),
              wire.body(),
              c.signedParameters());
      assertThat(f.isValid()).as("forged signature A%s", sig).isFalse();
    }
  }

  /**
   * Changes one byte of what was sent, chosen by {@code data}: a change the request cannot carry
   * (no Authorization header or body to change, a header OkHttp would not send, no URL any more)
   * checks nothing, and the caller's certain changes run all the same.
   */
  private static void checkOneChangedByte(
      FuzzedDataProvider data, Case c, SigningReport report, Wire wire, OAuth1Verifier verifier) {
    int part = data.consumeInt(0, 3);
    String method = wire.method();
    String url = wire.url();
    Headers headers = wire.headers();
    byte[] body = wire.body() == null ? null : wire.body().clone();
    int flip = data.consumeInt(1, 255);
    switch (part) {
      case 0 -> url = flip(url, data.consumeInt(0, url.length() - 1), flip);
      case 1 -> {
        String auth = headers.get("Authorization");
        if (auth == null) return;
        String changed = flip(auth, data.consumeInt(0, auth.length() - 1), flip);
        try {
          headers = headers.newBuilder().set("Authorization", changed).build();
        } catch (IllegalArgumentException notSendable) {
          return; // OkHttp refuses to send control characters in a header value.
        }
      }
      case 2 -> {
        if (body == null || body.length == 0) return;
        int at = data.consumeInt(0, body.length - 1);
        body[at] = (byte) (body[at] ^ flip);
      }
      default -> method = method.equals("POST") ? "PUT" : "POST";
    }
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) return; // Not a URL any more: nothing reaches a verifier.
    Verification v = verifier.verify(method, parsed, headers, body, c.signedParameters());
    if (!v.isValid()) return;
    if (report.signatureMethod().equals("PLAINTEXT")) {
      // PLAINTEXT signs no byte of the request (RFC 5849 §3.4.4): it proves the secrets only and
      // relies on TLS for the rest. Only a changed signature must fail.
      for (String name : new String[] {"oauth_consumer_key", "oauth_token", "oauth_signature"}) {
        assertThat(v.protocolParameters().get(name))
            .as(name)
            .isEqualTo(report.protocolParameters().get(name));
      }
      return;
    }
    assertThat(v.baseString()).as("a changed request verified").isEqualTo(report.baseString());
    assertThat(v.protocolParameters()).isEqualTo(report.protocolParameters());
  }

  /** Anything at all: a Verification with a known problem, never an exception, never a secret. */
  @FuzzTest(maxDuration = "60s")
  void arbitraryRequestsGetAKnownProblem(FuzzedDataProvider data) {
    String method = data.pickValue(new String[] {"GET", "POST", "get", "PUT", ""});
    HttpUrl url = HttpUrl.parse(data.consumeString(120));
    if (url == null)
      url = HttpUrl.get("https://api.flickr.com/services/rest/?" + Fuzzed.text(data, 40));
    Headers.Builder headers = new Headers.Builder();
    for (int i = data.consumeInt(0, 3); i > 0; i--) {
      String name = data.pickValue(new String[] {"Authorization", "authorization", "Content-Type"});
      String value =
          data.consumeBoolean()
              ? "OAuth " + Fuzzed.text(data, 60)
              : data.pickValue(
                  new String[] {
                    "application/x-www-form-urlencoded",
                    "application/x-www-form-urlencoded; charset=bogus",
                    "application/x-www-form-urlencoded; charset=UTF-32",
                    "text/plain",
                    "Basic dXNlcjpwYXNz"
                  });
      headers.addUnsafeNonAscii(name, value.replace("\r", "").replace("\n", ""));
    }
    byte[] body = data.consumeBoolean() ? null : data.consumeRemainingAsBytes();
    OAuth1Verifier verifier =
        OAuth1Verifier.builder()
            .clientSecrets(key -> key.equals(Secrets.CONSUMER_KEY) ? Secrets.CONSUMER_SECRET : null)
            .tokenSecrets(t -> t.equals(Secrets.TOKEN.value()) ? Secrets.TOKEN_SECRET : null)
            .clock(Fuzzed.CLOCK)
            .build();

    Verification v = verifier.verify(method, url, headers.build(), body);

    assertThat(v.isValid()).as("an unsigned request verified: %s", v).isFalse();
    assertThat(PROBLEMS).contains(v.problem());
    assertThat(v.message()).isNotBlank();
    // The fuzzer learns the secrets from the scan's own comparisons and may send them; a message
    // may echo what was sent, but must never add a secret the request did not carry.
    // Headers.toString() hides the Authorization value: list the values themselves.
    Headers built = headers.build();
    StringBuilder given = new StringBuilder(method).append(url);
    for (int i = 0; i < built.size(); i++) given.append(built.name(i)).append(built.value(i));
    if (body != null) given.append(new String(body, StandardCharsets.UTF_8)).append(bytes(body));
    // debug_sbs is computed from the request alone: whatever it holds, the request sent.
    if (v.baseString() != null) given.append(v.baseString());
    Secrets.assertAbsentUnlessGiven("Verification.message", v.message(), given.toString());
    Secrets.assertAbsentUnlessGiven("Verification.toString", v.toString(), given.toString());
    Secrets.assertAbsentUnlessGiven(
        "Verification.responseBody", v.responseBody(), given.toString());
    // The refusal body is a well-formed form: it starts with the problem and has no line break.
    assertThat(v.responseBody()).startsWith("oauth_problem=" + v.problem()).doesNotContain("\n");
  }

  static String bodyText(Case c) throws java.io.IOException {
    if (c.request().body() == null) return "";
    okio.Buffer buffer = new okio.Buffer();
    c.request().body().writeTo(buffer);
    return buffer.readString(StandardCharsets.ISO_8859_1) + " " + c.signedParameters();
  }

  private static String flip(String s, int index, int mask) {
    char[] chars = s.toCharArray();
    chars[index] = (char) ((chars[index] ^ mask) & 0x7f);
    if (chars[index] == s.charAt(index)) chars[index] ^= 1;
    return new String(chars);
  }

  static String bytes(byte[] b) {
    return b == null ? "null" : new String(b, StandardCharsets.ISO_8859_1) + Arrays.toString(b);
  }
}
