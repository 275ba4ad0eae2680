package dev.oksign.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oksign.NonceStore;
import dev.oksign.OAuth1Signer;
import dev.oksign.OAuth1Verifier;
import dev.oksign.Placement;
import dev.oksign.SigningOptions;
import dev.oksign.SigningReport;
import dev.oksign.Verification;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;

/**
 * Bugs the reliability tests found in other modules and that are fixed, each with the test that
 * reproduced it while it was open: kept from coming back.
 */
class FixedBugsTest {
  final OAuth1Signer signer =
      OAuth1Signer.builder()
          .clientCredentials(Secrets.CLIENT)
          .clock(Fuzzed.CLOCK)
          .nonces(() -> "n1")
          .build();
  final OAuth1Verifier verifier =
      OAuth1Verifier.builder()
          .clientSecrets(key -> key.equals(Secrets.CONSUMER_KEY) ? Secrets.CONSUMER_SECRET : null)
          .clock(Fuzzed.CLOCK)
          .nonceStore(NonceStore.inMemory())
          .build();

  /** Found by OAuth1VerifierFuzzTest#signedRequestAlwaysVerifies; fixed in core f6b136c. */
  @Test
  void verifierSkipsEmptyQueryPairsAsTheSignerDoes() throws Exception {
    Request signed =
        signer.sign(
            new Request.Builder().url("https://api.flickr.com/services/rest/?a=1&&b=2").build());

    Verification v = verifier.verify(signed);

    assertThat(v.problem()).isNull();
    assertThat(v.baseString())
        .isEqualTo(
            "GET&https%3A%2F%2Fapi.flickr.com%2Fservices%2Frest%2F&a%3D1%26b%3D2"
                + "%26oauth_consumer_key%3Dreliability-consumer-key-0001%26oauth_nonce%3Dn1"
                + "%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1700000000"
                + "%26oauth_version%3D1.0");
  }

  /** Found by OAuth1VerifierFuzzTest#signedRequestAlwaysVerifies. */
  @Test
  void formBodyPlacementInALatin1FormEncodesProtocolParametersAsTheServerDecodesThem()
      throws Exception {
    Request request =
        new Request.Builder()
            .url("https://api.flickr.com/services/rest/")
            .post(
                RequestBody.create(
                    "a=1", MediaType.get("application/x-www-form-urlencoded; charset=ISO-8859-1")))
            .tag(SigningOptions.class, SigningOptions.builder().callback("https://e.com/é").build())
            .build();
    Request signed = signer.newBuilder().placement(Placement.FORM_BODY).build().sign(request);

    Verification v = verifier.verify(signed);

    assertThat(v.problem()).isNull();
    assertThat(v.protocolParameters()).containsEntry("oauth_callback", "https://e.com/é");
  }

  /**
   * Found by OAuth1VerifierFuzzTest#signedRequestAlwaysVerifies; core now refuses FORM_BODY
   * placement into a UTF-16 form with a clear error before sending.
   */
  @Test
  void formBodyPlacementInAUtf16FormIsRefusedBeforeSending() {
    Request request =
        new Request.Builder()
            .url("https://api.flickr.com/services/rest/")
            .post(
                RequestBody.create(
                    "a=1", MediaType.get("application/x-www-form-urlencoded; charset=UTF-16")))
            .build();

    assertThatThrownBy(
            () -> signer.newBuilder().placement(Placement.FORM_BODY).build().sign(request))
        .isInstanceOf(dev.oksign.SigningException.class)
        .hasMessageContaining("UTF-16");
  }

  // retrofit-flickr, Paging: a failure mid-walk was thrown as UncheckedIOException(cause), whose
  // message said neither which page failed nor how many items came before it. Its regression
  // test is PagingAfterFailureTest.aFailureOnPageTwoIsThrownAfterExactlyTheItemsOfPageOne.

  /** A write method of the user's own, as {@code Flickr.create} allows. */
  interface FlickrWrites {
    @retrofit2.http.FormUrlEncoded
    @retrofit2.http.POST(".")
    @dev.oksign.flickr.FlickrMethod("flickr.photos.addTags")
    retrofit2.Call<okhttp3.ResponseBody> addTags(
        @retrofit2.http.Field("photo_id") String photoId,
        @retrofit2.http.Field("tags") String tags);
  }

  /**
   * retrofit-flickr (the client it builds): OkHttp's default {@code retryOnConnectionFailure} sends
   * a POST again when a pooled connection drops after the server read it, so a write the user did
   * not ask to retry can be applied twice. Expected: one attempt and an IOException.
   */
  @Test
  void aFlickrPostIsNotSentAgainWhenThePooledConnectionDrops() throws Exception {
    try (dev.oksign.testing.FakeFlickr fake =
        dev.oksign.testing.FakeFlickr.builder().clientCredentials(Secrets.CLIENT).build()) {
      fake.start();
      dev.oksign.flickr.Flickr flickr =
          dev.oksign.flickr.Flickr.builder()
              .clientCredentials(Secrets.CLIENT)
              .token(
                  fake.issueAccessToken(
                      Secrets.CONSUMER_KEY,
                      dev.oksign.testing.FakeFlickrData.DEMO_USER_NSID,
                      "write"))
              .restBaseUrl(fake.restBaseUrl())
              .oauthBaseUrl(fake.oauthBaseUrl())
              .uploadBaseUrl(fake.uploadBaseUrl())
              .client(Clients.BASE)
              .build();
      flickr.test().login().execute(); // a pooled connection
      fake.enqueueFault(dev.oksign.testing.Fault.disconnect());
      int before = fake.requestCount();

      // The drop is reported, not hidden by a resend with a fresh nonce.
      assertThatThrownBy(
              () -> flickr.create(FlickrWrites.class).addTags("52000000001", "sea").execute())
          .isInstanceOf(java.io.IOException.class);

      assertThat(fake.requestCount() - before).as("POSTs received").isEqualTo(1);
    }
  }

  /**
   * core, {@code SigningReport.toString()}: it hides PLAINTEXT's signature (the signing key) but
   * prints the URL, which with QUERY placement carries {@code oauth_signature}, the secrets.
   */
  @Test
  void aPlaintextReportWithQueryPlacementHidesTheSignatureInItsUrl() throws Exception {
    SigningReport report =
        OAuth1Signer.builder()
            .clientCredentials(Secrets.CLIENT)
            .token(Secrets.TOKEN)
            .signatureMethod(dev.oksign.SignatureMethod.PLAINTEXT)
            .placement(Placement.QUERY)
            .build()
            .report(new Request.Builder().url("https://api.flickr.com/services/rest/").build());

    assertThat(report.toString()).doesNotContain(Secrets.CONSUMER_SECRET);
    Secrets.assertAbsent("the report of a PLAINTEXT query signature", report.toString());
  }

  /**
   * core, {@code OAuthProblemException.diagnose}: for base strings it cannot split, it writes "The
   * base strings first differ in the the base strings differ in a way not understood".
   */
  @Test
  void aDiagnosisOfUnsplittableBaseStringsReadsAsASentence() {
    String diagnosis =
        dev.oksign.OAuthProblemException.diagnose(
            "not a base string", "GET&https%3A%2F%2Fe.com%2F&");

    assertThat(diagnosis)
        .startsWith("The base strings differ in a way not understood: compare them below.\n");
  }

  /**
   * core, {@code OAuthProblemException}: the body snippet masks {@code oauth_token_secret} only
   * when the whole body parses as a form; a token answer with one stray line of prose is shown with
   * the token secret in the clear, in the message and {@code bodySnippet()}.
   */
  @Test
  void aTokenSecretInABodyThatIsNotQuiteAFormIsMasked() throws Exception {
    String secret = "a1b2c3d4e5f6a7b8";
    okhttp3.OkHttpClient answering =
        new okhttp3.OkHttpClient.Builder()
            .addInterceptor(
                chain ->
                    RefusalFuzzTest.response(
                        chain.request(),
                        200,
                        "oauth_token=72157&oauth_token_secret=" + secret + "&Thank you!",
                        "text/plain"))
            .build();
    dev.oksign.TokenFlow flow =
        dev.oksign.TokenFlow.builder()
            .clientCredentials(Secrets.CLIENT)
            .requestTokenUrl("https://www.flickr.com/services/oauth/request_token")
            .authorizationUrl("https://www.flickr.com/services/oauth/authorize")
            .accessTokenUrl("https://www.flickr.com/services/oauth/access_token")
            .client(answering)
            .build();

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> flow.accessToken(Secrets.TOKEN, "v"))
        .isInstanceOfSatisfying(
            dev.oksign.OAuthProblemException.class,
            e -> {
              assertThat(e.getMessage()).doesNotContain(secret);
              assertThat(e.bodySnippet()).doesNotContain(secret);
            });
  }

  /**
   * core, {@code OAuth1Signer.printableAuthorizationHeader} (746fdd9, since replaced by a
   * StringBuilder writer): the header's length was counted with 3 bytes for the signature pair,
   * which {@code putPair} wrote with 5, so a header whose count landed within 2 bytes of its buffer
   * (just under 512, 1024, 2048, 4096 bytes, or anything over 4096, such as a long callback) threw
   * ArrayIndexOutOfBoundsException out of {@code sign()} and out of the interceptor, which must
   * throw only IOExceptions. Kept for every header writer since: the hot path's too.
   */
  @Test
  void authorizationHeadersOfEveryLengthAreWritten() throws Exception {
    Request request = new Request.Builder().url("https://api.flickr.com/services/rest/").build();
    for (int length = 1; length <= 5000; length++) {
      SigningOptions options = SigningOptions.builder().callback("a".repeat(length)).build();
      Request tagged = request.newBuilder().tag(SigningOptions.class, options).build();
      // sign() takes the hot path up to its size bound, report() always the general path: both
      // must write the whole header, the same one.
      assertThat(signer.sign(tagged).header("Authorization"))
          .as("callback of %s", length)
          .isEqualTo(signer.report(tagged).authorization())
          .contains("oauth_callback=\"" + "a".repeat(length) + "\"");
    }
  }
}
