package dev.oksign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken input: each is either signed correctly, with the header kept one well-formed
 * line, or refused with a clear {@link SigningException} before anything is sent.
 */
class HostileInputTest {
  static final String NASTY = "a\r\nb\"c,d=e\u0000f&g\\h";
  static final String NASTY_ENCODED = "a%0D%0Ab%22c%2Cd%3De%00f%26g%5Ch";

  OAuth1Signer.Builder signer() {
    return OAuth1Signer.builder()
        .clientCredentials("key\r\nX-Injected: 1", "secret")
        .token("tok\"en,", "tokensecret")
        .clock(Clock.fixed(Instant.ofEpochSecond(1), ZoneOffset.UTC))
        .nonces(() -> "n");
  }

  @Test
  void controlCharactersQuotesAndCommasAreEncodedAndTheHeaderStaysOneLine() throws Exception {
    Request request =
        new Request.Builder()
            .url(
                HttpUrl.get("https://api.flickr.com/services/rest/")
                    .newBuilder()
                    .addQueryParameter(NASTY, NASTY)
                    .build())
            .tag(SigningOptions.class, SigningOptions.builder().callback(NASTY).build())
            .build();

    SigningReport report = signer().build().report(request);

    assertThat(report.authorization())
        .doesNotContain("\r", "\n", "\u0000")
        .startsWith(
            "OAuth oauth_callback=\""
                + NASTY_ENCODED
                + "\", oauth_consumer_key=\"key%0D%0AX-Injected%3A%201\", ")
        .contains("oauth_token=\"tok%22en%2C\"");
    assertThat(report.normalizedParameters()).contains(NASTY_ENCODED + "=" + NASTY_ENCODED);
    // The header is added unchecked (it is all printable ASCII by construction), on the general
    // path and on the hot path sign() takes: the request that is sent carries the same one line.
    Request sent = signer().build().sign(request);
    assertThat(sent.header("Authorization"))
        .doesNotContain("\r", "\n", "\u0000")
        .isEqualTo(report.authorization());
  }

  @Test
  void loneSurrogatesAreSignedAsTheQuestionMarkOkHttpSends() throws Exception {
    Request request =
        new Request.Builder()
            .url(
                HttpUrl.get("https://e.com/")
                    .newBuilder()
                    .addQueryParameter("q", "x\uD800y")
                    .build())
            .post(new FormBody.Builder().add("f", "\uDC00").build())
            .tag(
                SigningOptions.class,
                SigningOptions.builder().signedParameter("s", "\uD83D").build())
            .build();

    SigningReport report = signer().build().report(request);

    assertThat(report.signedRequest().url().encodedQuery()).isEqualTo("q=x%3Fy");
    assertThat(report.normalizedParameters()).contains("f=%3F&", "q=x%3Fy&", "s=%3F");
  }

  @Test
  void refusesAnInvalidPercentEscapeInTheQuery() {
    Request request = new Request.Builder().url("https://e.com/p?a=1&b=%zz").build();
    assertThatThrownBy(() -> signer().build().sign(request))
        .isInstanceOf(SigningException.class)
        .hasMessage(
            "the query of the request to e.com has an invalid percent-escape '%zz' at index 6:"
                + " encode a literal % as %25");
  }

  @Test
  void refusesAnInvalidPercentEscapeInARawFormBody() {
    Request request =
        new Request.Builder()
            .url("https://e.com/p")
            .post(RequestBody.create("a=100%", MediaType.get("application/x-www-form-urlencoded")))
            .build();
    assertThatThrownBy(() -> signer().build().sign(request))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("form body")
        .hasMessageContaining("'%' at index 5");
  }

  @Test
  void refusesAnInvalidPercentEscapeInAFormBodyAddedEncoded() {
    // The same bytes on the wire as the raw body above: the same refusal.
    Request request =
        new Request.Builder()
            .url("https://e.com/p")
            .post(new okhttp3.FormBody.Builder().addEncoded("a", "100%").build())
            .build();
    assertThatThrownBy(() -> signer().build().sign(request))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("form body")
        .hasMessageContaining("'%' at index 5");
  }

  @Test
  void theSharedHmacMethodsHoldNoKey() {
    // Every field of the JVM-wide HMAC_SHA1 and HMAC_SHA256 is its name or algorithm: no key state.
    for (java.lang.reflect.Field field :
        dev.oksign.internal.HmacSignatureMethod.class.getDeclaredFields()) {
      assertThat(field.getType()).as(field.getName()).isEqualTo(String.class);
      assertThat(java.lang.reflect.Modifier.isFinal(field.getModifiers())).isTrue();
    }
  }

  @Test
  void signsAOneMegabyteFormBody() throws Exception {
    String big = "x".repeat(1 << 20);
    Request request =
        new Request.Builder()
            .url("https://e.com/p")
            .post(new FormBody.Builder().add("big", big).add("small", "1").build())
            .build();

    SigningReport report = signer().includeVersion(false).build().report(request);

    String expectedBase =
        "POST&https%3A%2F%2Fe.com%2Fp&big%3D"
            + big
            + "%26oauth_consumer_key%3Dkey%250D%250AX-Injected%253A%25201%26oauth_nonce%3Dn"
            + "%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1"
            + "%26oauth_token%3Dtok%2522en%252C%26small%3D1";
    assertThat(report.baseString()).isEqualTo(expectedBase);
    assertThat(report.signature())
        .isEqualTo(Rfc5849ExamplesTest.jdkHmacSha1("secret&tokensecret", expectedBase));
  }

  @Test
  void emptyNamesAndValuesAreKept() throws Exception {
    Request request = new Request.Builder().url("https://e.com/p?=&a=&=b&&c").build();
    assertThat(signer().includeVersion(false).build().report(request).normalizedParameters())
        .startsWith("=&=b&a=&c=&oauth_consumer_key=");
  }

  @Test
  void formBodyPlacementEscapesInTheBodysOwnCharset() throws Exception {
    Request request =
        new Request.Builder()
            .url("https://e.com/p")
            .post(
                RequestBody.create(
                    "a=%E9",
                    MediaType.get("application/x-www-form-urlencoded; charset=ISO-8859-1")))
            .tag(SigningOptions.class, SigningOptions.builder().callback("https://e.com/é").build())
            .build();

    SigningReport report =
        signer().placement(Placement.FORM_BODY).includeVersion(false).build().report(request);

    // On the wire é is %E9 (Latin-1); in the base string, as every value, it is UTF-8.
    assertThat(report.body()).startsWith("a=%E9&oauth_callback=https%3A%2F%2Fe.com%2F%E9&");
    assertThat(report.normalizedParameters())
        .startsWith("a=%C3%A9&oauth_callback=https%3A%2F%2Fe.com%2F%C3%A9&");
    Verification verification =
        OAuth1Verifier.builder()
            .clientSecrets(key -> "secret")
            .tokenSecrets(token -> "tokensecret")
            .clock(Clock.fixed(Instant.ofEpochSecond(1), ZoneOffset.UTC))
            .build()
            .verify(report.signedRequest());
    assertThat(verification.problem()).isNull();
    assertThat(verification.protocolParameters())
        .containsEntry("oauth_callback", "https://e.com/é");
  }

  @Test
  void formBodyPlacementRefusesACharsetThatCannotCarryEscapes() {
    Request request =
        new Request.Builder()
            .url("https://e.com/p")
            .post(
                RequestBody.create(
                    "a=1", MediaType.get("application/x-www-form-urlencoded; charset=UTF-16")))
            .build();
    assertThatThrownBy(() -> signer().placement(Placement.FORM_BODY).build().sign(request))
        .isInstanceOf(SigningException.class)
        .hasMessage(
            "FORM_BODY placement cannot escape parameters in a UTF-16 form body to e.com:"
                + " use UTF-8 or header placement");
  }

  /**
   * Headers of every length around the sizes of the signer's scratch buffers (512 … 4096 and up).
   */
  @Test
  void headersOfEveryLengthAreFramedWhole() throws Exception {
    OAuth1Signer signer =
        OAuth1Signer.builder()
            .clientCredentials("ck", "cs")
            .clock(Clock.fixed(Instant.ofEpochSecond(1), ZoneOffset.UTC))
            .nonces(() -> "n")
            .build();
    for (int n = 0; n < 4300; n++) {
      String callback = "https://e.com/" + "x".repeat(n);
      Request signed =
          signer.sign(
              new Request.Builder()
                  .url("https://e.com/")
                  .tag(SigningOptions.class, SigningOptions.builder().callback(callback).build())
                  .build());
      String header = signed.header("Authorization");
      assertThat(header)
          .as("callback of %s characters", callback.length())
          .startsWith("OAuth oauth_callback=\"https%3A%2F%2Fe.com%2F" + "x".repeat(n) + "\", ")
          .contains("\", oauth_consumer_key=\"ck\", oauth_nonce=\"n\", oauth_signature=\"")
          .endsWith(
              "\", oauth_signature_method=\"HMAC-SHA1\", oauth_timestamp=\"1\","
                  + " oauth_version=\"1.0\"");
    }
  }
}
