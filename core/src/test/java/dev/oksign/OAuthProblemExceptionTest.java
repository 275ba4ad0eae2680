package dev.oksign;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Refusal bodies as Flickr and other providers send them, and the explanations they produce. */
class OAuthProblemExceptionTest {
  static final String OURS =
      "GET&https%3A%2F%2Fflickr.com%2Fservices%2Foauth%2Frequest_token"
          + "&oauth_callback%3Doob%26oauth_consumer_key%3Dk%26oauth_nonce%3Dn"
          + "%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1%26oauth_version%3D1.0";

  @Test
  void namesTheHostWhenTheServerSawAnother() {
    String server = OURS.replace("%2F%2Fflickr.com", "%2F%2Fwww.flickr.com");
    OAuthProblemException e =
        OAuthProblemException.of(
            "request_token",
            401,
            "oauth_problem=signature_invalid&debug_sbs=" + server,
            OURS,
            null);
    assertThat(e.httpStatus()).isEqualTo(401);
    assertThat(e.problem()).isEqualTo("signature_invalid");
    assertThat(e.knownProblem()).isEqualTo(OAuthProblem.SIGNATURE_INVALID);
    assertThat(e.diagnosis())
        .isEqualTo(
            "The base strings first differ in the host: the server saw www.flickr.com, we signed"
                + " flickr.com (with and without www. are different hosts to the signature).\n"
                + "Server's base string: "
                + server
                + "\nOur base string:      "
                + OURS);
    assertThat(e.getMessage())
        .startsWith("request_token: HTTP 401, oauth_problem=signature_invalid\nThe base strings");
  }

  @Test
  void namesAValueEncodedDifferently() {
    // The server decoded a + as a plus sign where we meant a space, which we sent as %20.
    String ours = "GET&https%3A%2F%2Fapi.flickr.com%2Fservices%2Frest%2F&text%3Da%2520b";
    String server = "GET&https%3A%2F%2Fapi.flickr.com%2Fservices%2Frest%2F&text%3Da%252Bb";
    OAuthProblemException e =
        OAuthProblemException.of(
            "GET https://api.flickr.com/services/rest/",
            401,
            "oauth_problem=signature_invalid&debug_sbs=" + server,
            ours,
            null);
    assertThat(e.diagnosis())
        .startsWith(
            "The base strings first differ in the parameters: the value of text is a%2Bb at the"
                + " server, a%20b in what we signed: encoded differently, a space sent as + was"
                + " read as a plus sign (send spaces as %20).\n");
  }

  @Test
  void namesParametersOnlyOneSideSawAndThePath() {
    String ours = "POST&https%3A%2F%2Fup.flickr.com%2Fservices%2Fupload&title%3DSunset";
    String server = "POST&https%3A%2F%2Fup.flickr.com%2Fservices%2Fupload%2F&is_public%3D1";
    String diagnosis =
        OAuthProblemException.of(
                "upload", 401, "oauth_problem=signature_invalid&debug_sbs=" + server, ours, null)
            .diagnosis();
    assertThat(diagnosis)
        .startsWith(
            "The base strings first differ in the path: the server saw /services/upload/, we"
                + " signed /services/upload (a trailing slash counts).\n"
                + "They also differ in the parameters: the server saw is_public=1 that we did not"
                + " sign (added after signing, or sent where it was not signed).\n"
                + "They also differ in the parameters: we signed title=Sunset that the server did"
                + " not see (a body it did not read as a form, a multipart field, or a parameter"
                + " dropped on the way).\n");
  }

  @Test
  void blamesTheKeyWhenTheBaseStringsAgree() {
    OAuthProblemException e =
        OAuthProblemException.of(
            "access_token", 401, "oauth_problem=signature_invalid&debug_sbs=" + OURS, OURS, null);
    assertThat(e.diagnosis())
        .startsWith(
            "The server computed the same base string as we signed, so the signing key differs:");
  }

  @Test
  void listsTheUsualSuspectsWithoutDebugSbs() {
    OAuthProblemException e =
        OAuthProblemException.of(
            "request_token",
            401,
            "oauth_problem=signature_invalid&oauth_problem_advice=Check%20your%20secret",
            OURS,
            null);
    assertThat(e.advice()).isEqualTo("Check your secret");
    assertThat(e.diagnosis())
        .startsWith("The server did not send its base string (debug_sbs). The usual causes:")
        .endsWith("\nOur base string: " + OURS);
    assertThat(e.getMessage())
        .startsWith("request_token: HTTP 401, oauth_problem=signature_invalid (Check your secret)");
  }

  @Test
  void keepsAbsentParametersAndUnknownProblems() {
    OAuthProblemException absent =
        OAuthProblemException.of(
            "request_token",
            400,
            "oauth_problem=parameter_absent&oauth_parameters_absent=oauth_callback%26oauth_nonce",
            OURS,
            null);
    assertThat(absent.knownProblem()).isEqualTo(OAuthProblem.PARAMETER_ABSENT);
    assertThat(absent.parametersAbsent()).containsExactly("oauth_callback", "oauth_nonce");
    assertThat(absent.diagnosis()).isNull();

    OAuthProblemException unknown =
        OAuthProblemException.of("access_token", 401, "oauth_problem=verifier_invalid", OURS, null);
    assertThat(unknown.problem()).isEqualTo("verifier_invalid");
    assertThat(unknown.knownProblem()).isNull();
  }

  @Test
  void describesAnHtmlPageAndAnEmptyBody() {
    OAuthProblemException html =
        OAuthProblemException.of(
            "access_token",
            500,
            "<html>\n  <body>Internal   Server Error</body>\n</html>\n",
            OURS,
            null);
    assertThat(html.problem()).isNull();
    assertThat(html.parameters()).isEmpty();
    assertThat(html.bodySnippet()).isEqualTo("<html> <body>Internal Server Error</body> </html>");
    assertThat(html.getMessage())
        .isEqualTo(
            "access_token: HTTP 500: the body is not a form\n"
                + "Body: <html> <body>Internal Server Error</body> </html>");

    OAuthProblemException empty = OAuthProblemException.of("access_token", 200, "", OURS, null);
    assertThat(empty.bodySnippet()).isNull();
    assertThat(empty.getMessage()).isEqualTo("access_token: HTTP 200: the body is empty");
  }

  @Test
  void masksEverySecretFieldInTheSnippetWhateverItsCase() {
    OAuthProblemException e =
        OAuthProblemException.of(
            "access_token",
            200,
            "Consumer_Secret=abc&oauth_token_secret=s%20t&x=1",
            null,
            "the answer has no oauth_token");
    assertThat(e.bodySnippet()).isEqualTo("Consumer_Secret=██&oauth_token_secret=██&x=1");
  }

  @Test
  void masksSecretsInTheSnippet() {
    OAuthProblemException e =
        OAuthProblemException.of(
            "request_token",
            200,
            "oauth_token=t&oauth_token_secret=s3cr3t&oauth_callback_confirmed=false",
            OURS,
            "oauth_callback_confirmed is false, not true");
    assertThat(e.bodySnippet())
        .isEqualTo("oauth_token=t&oauth_token_secret=██&oauth_callback_confirmed=false");
    assertThat(e.getMessage()).doesNotContain("s3cr3t");
    assertThat(e.parameters()).doesNotContainValue("s3cr3t").isNotEmpty();
  }

  @Test
  void masksSecretsInBodiesThatAreNoFormAtAll() {
    String[][] bodies = {
      {"oauth_token=a\noauth_token_secret=S3CR3T", "oauth_token=a oauth_token_secret=██"},
      {"{\"oauth_token_secret\":\"S3CR3T\",\"x\":1}", "{\"oauth_token_secret\":██,\"x\":1}"},
      {
        "<oauth_token_secret>S3CR3T</oauth_token_secret>",
        "<oauth_token_secret>██</oauth_token_secret>"
      },
      {"<token secret=\"S3CR3T\"/>", "<token secret=██/>"},
      {"Consumer-Secret: S3CR3T", "Consumer-Secret: ██"},
    };
    for (String[] body : bodies) {
      OAuthProblemException e = OAuthProblemException.of("access_token", 200, body[0], OURS, null);
      assertThat(e.getMessage()).as(body[0]).doesNotContain("S3CR3T");
      assertThat(e.bodySnippet()).as(body[0]).isEqualTo(body[1]);
    }
  }

  @Test
  void diagnosesTwoBaseStringsWithoutAResponse() {
    String server = OURS.replace("%2F%2Fflickr.com", "%2F%2Fwww.flickr.com");
    assertThat(OAuthProblemException.diagnose(server, OURS))
        .startsWith(
            "The base strings first differ in the host: the server saw www.flickr.com, we signed"
                + " flickr.com")
        .endsWith("\nOur base string:      " + OURS);
  }

  @Test
  void masksATokenSecretEvenInABodyThatIsNotQuiteAForm() {
    OAuthProblemException e =
        OAuthProblemException.of(
            "access_token",
            200,
            "oauth_token=72157&oauth_token_secret=a1b2c3d4e5f6a7b8&Thank you!\n<p>done</p>",
            OURS,
            null);
    assertThat(e.bodySnippet())
        .isEqualTo("oauth_token=72157&oauth_token_secret=██&Thank you! <p>done</p>");
    assertThat(e.getMessage()).doesNotContain("a1b2c3d4e5f6a7b8");
  }

  @Test
  void diagnosesBaseStringsItCannotSplitInASentence() {
    assertThat(OAuthProblemException.diagnose("not a base string", "GET&https%3A%2F%2Fe.com%2F&"))
        .isEqualTo(
            "The base strings differ in a way not understood: compare them below.\n"
                + "Server's base string: not a base string\n"
                + "Our base string:      GET&https%3A%2F%2Fe.com%2F&");
  }
}
