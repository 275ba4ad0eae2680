package dev.oksign.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.oksign.AccessToken;
import dev.oksign.OAuth1Interceptor;
import dev.oksign.OAuth1Signer;
import dev.oksign.OAuthProblemException;
import dev.oksign.SigningReport;
import dev.oksign.Token;
import dev.oksign.TokenFlow;
import dev.oksign.internal.FormResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * What comes back from a provider: the token endpoints' form answers (read by {@link TokenFlow})
 * and refusals of signed calls (read by {@link OAuth1Interceptor}, with the {@code debug_sbs}
 * diagnosis). Whatever the status and body, the outcome is a token or an {@link
 * OAuthProblemException} that says what happened, and never shows a secret field's value.
 */
class RefusalFuzzTest {
  static final String[] FIELDS = {
    "oauth_token", "oauth_token_secret", "oauth_callback_confirmed", "oauth_problem",
    "oauth_problem_advice", "oauth_parameters_absent", "oauth_acceptable_timestamps", "debug_sbs",
    "user_nsid", "username", "fullname", "x"
  };
  static final String[] PROBLEMS = {
    "signature_invalid",
    "timestamp_refused",
    "nonce_used",
    "token_rejected",
    "parameter_absent",
    "consumer_key_unknown",
    "permission_denied",
    ""
  };
  static final int[] STATUSES = {200, 201, 204, 302, 400, 401, 403, 404, 500, 503};

  /** A body: a form built of known fields with fuzzed values, or fuzzed text. */
  static String body(FuzzedDataProvider data, String ours) {
    if (data.consumeBoolean()) return Fuzzed.text(data, 40) + data.consumeString(200);
    StringBuilder form = new StringBuilder();
    for (int i = data.consumeInt(0, 6); i > 0; i--) {
      String name = data.pickValue(FIELDS);
      String value =
          switch (name) {
            case "oauth_problem" -> data.pickValue(PROBLEMS);
            case "debug_sbs" -> data.consumeBoolean() ? ours : Fuzzed.text(data, 60);
            case "oauth_callback_confirmed" -> data.pickValue(new String[] {"true", "false", ""});
            default -> Fuzzed.text(data, 24);
          };
      if (form.length() > 0) form.append('&');
      form.append(name).append('=');
      // Flickr sends debug_sbs raw, last; others encode it.
      form.append(
          name.equals("debug_sbs") && data.consumeBoolean()
              ? value
              : URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
    return form.toString();
  }

  static Response response(Request request, int code, String body, String contentType) {
    return new Response.Builder()
        .request(request)
        .protocol(Protocol.HTTP_1_1)
        .code(code)
        .message("fuzz")
        .body(ResponseBody.create(body, MediaType.get(contentType)))
        .build();
  }

  /**
   * A signed call's answer through the interceptor: returned as is, or an OAuthProblemException
   * whose status and problem are the body's; for signature_invalid a diagnosis that ends with our
   * base string; no secret in the message unless the server itself sent it.
   */
  @FuzzTest(maxDuration = "60s")
  void refusalsOfSignedCalls(FuzzedDataProvider data) throws Exception {
    OAuth1Signer signer =
        OAuth1Signer.builder()
            .clientCredentials(Secrets.CLIENT)
            .token(Secrets.TOKEN)
            .clock(Fuzzed.CLOCK)
            .nonces(() -> "fixednonce")
            .build();
    OAuth1Interceptor oauth = OAuth1Interceptor.create(signer, "api.flickr.com");
    Request request =
        new Request.Builder()
            .url("https://api.flickr.com/services/rest/?method=flickr.test.login")
            .build();
    SigningReport report = signer.report(request);
    int code = data.pickValue(STATUSES);
    String body = body(data, report.baseString());
    String type =
        data.pickValue(
            new String[] {"text/plain", "application/x-www-form-urlencoded", "text/html"});
    FakeChain chain = new FakeChain(request, r -> response(r, code, body, type));

    Response response;
    try {
      response = oauth.intercept(chain);
    } catch (OAuthProblemException e) {
      assertThat(code).isBetween(400, 499);
      assertThat(e.httpStatus()).isEqualTo(code);
      assertThat(e.getMessage())
          .startsWith("GET https://api.flickr.com/services/rest/")
          .isNotBlank();
      Map<String, String> form = FormResponse.parse(body);
      assertThat(form).isNotNull();
      assertThat(e.problem()).isEqualTo(form.get("oauth_problem"));
      if ("signature_invalid".equals(e.problem())) {
        assertThat(e.diagnosis()).isNotBlank();
        if (form.get("debug_sbs") != null) {
          assertThat(e.diagnosis()).endsWith("Our base string:      " + report.baseString());
          if (form.get("debug_sbs").equals(report.baseString())) {
            assertThat(e.diagnosis()).contains("signing key differs");
          } else {
            // A debug_sbs that is not a base string (not three parts joined by &) cannot be
            // compared part by part: the diagnosis says so and shows both.
            assertThat(e.diagnosis())
                .containsAnyOf("first differ in the", "differ in a way not understood");
          }
        }
      }
      // The server may send anything, the secrets too, encoded once or twice: echoing them is not
      // a leak, so the decoded forms of the body count as given.
      String given = body + " " + decoded(body) + " " + decoded(decoded(body));
      Secrets.assertAbsentUnlessGiven("OAuthProblemException", e.getMessage(), given);
      Secrets.assertAbsentUnlessGiven("diagnosis", e.diagnosis(), given);
      return;
    }
    assertThat(response.code()).isEqualTo(code);
    assertThat(chain.proceeded).hasSize(1);
    Map<String, String> form = FormResponse.parse(body);
    assertThat(code >= 400 && code < 500 && form != null && form.get("oauth_problem") != null)
        .as("a 4xx refusal with oauth_problem was not turned into an exception")
        .isFalse();
  }

  /**
   * The token endpoints' answers through {@link TokenFlow}: a token exactly when the answer is a
   * 2xx form with both token fields (and, for request_token, oauth_callback_confirmed=true), else
   * an OAuthProblemException; the token secret of the answer never appears in the exception.
   */
  @FuzzTest(maxDuration = "60s")
  void tokenEndpointAnswers(FuzzedDataProvider data) throws Exception {
    int code = data.pickValue(STATUSES);
    String body = body(data, "");
    boolean accessLeg = data.consumeBoolean();
    OkHttpClient client =
        new OkHttpClient.Builder()
            .addInterceptor(chain -> response(chain.request(), code, body, "text/plain"))
            .build();
    TokenFlow flow =
        TokenFlow.builder()
            .clientCredentials(Secrets.CLIENT)
            .requestTokenUrl("https://www.flickr.com/services/oauth/request_token")
            .authorizationUrl("https://www.flickr.com/services/oauth/authorize")
            .accessTokenUrl("https://www.flickr.com/services/oauth/access_token")
            .client(client)
            .build();
    Map<String, String> form = FormResponse.parse(body);
    boolean usable =
        code >= 200
            && code < 300
            && form != null
            && form.get("oauth_problem") == null
            && !form.getOrDefault("oauth_token", "").isEmpty()
            && !form.getOrDefault("oauth_token_secret", "").isEmpty()
            && (accessLeg || "true".equals(form.get("oauth_callback_confirmed")));
    try {
      Token token;
      if (accessLeg) {
        AccessToken access = flow.accessToken(Secrets.TOKEN, "123-456-789");
        token = access.token();
        for (Map.Entry<String, String> e : access.parameters().entrySet()) {
          assertThat(e.getKey()).isNotIn("oauth_token", "oauth_token_secret");
        }
      } else {
        token = flow.requestToken("oob");
      }
      assertThat(usable).as("a token from an unusable answer: %s %s", code, body).isTrue();
      assertThat(token.value()).isEqualTo(form.get("oauth_token"));
      assertThat(token.secret()).isEqualTo(form.get("oauth_token_secret"));
    } catch (OAuthProblemException e) {
      assertThat(usable).as("refused a usable answer: %s", e.getMessage()).isFalse();
      assertThat(e.httpStatus()).isEqualTo(code);
      assertThat(e.getMessage()).isNotBlank();
      // Every oauth_token_secret field of the body shown is masked. (The message's own text
      // before "Body: " may quote decoded values, which can hold anything.)
      String message = e.getMessage();
      int shownAt = message.indexOf("\nBody: ");
      for (String shown :
          new String[] {
            shownAt < 0 ? "" : message.substring(shownAt + "\nBody: ".length()),
            String.valueOf(e.bodySnippet())
          }) {
        for (int at = shown.indexOf("oauth_token_secret=");
            at >= 0;
            at = shown.indexOf("oauth_token_secret=", at + 1)) {
          if (at > 0 && shown.charAt(at - 1) != '&') continue; // inside another value
          // The snippet may cut the mask itself short: "█…".
          String rest = shown.substring(at + "oauth_token_secret=".length());
          assertThat(
                  rest.isEmpty()
                      || rest.startsWith("█")
                      || rest.startsWith("…")
                      || rest.startsWith("&"))
              .as("a token secret shown in %s", shown)
              .isTrue();
        }
      }
      if (e.parameters().containsKey("oauth_token_secret")) {
        assertThat(e.parameters().get("oauth_token_secret")).isIn("██", "");
      }
      Secrets.assertAbsentUnlessGiven(
          "token endpoint refusal",
          e.getMessage(),
          body + " " + decoded(body) + " " + decoded(decoded(body)));
    } catch (IOException other) {
      throw new AssertionError("not an OAuthProblemException: " + other, other);
    }
  }

  static String decoded(String s) {
    return dev.oksign.internal.Percent.decode(s, true);
  }

  /**
   * The debug_sbs diagnosis of any two base strings: never an exception; "the signing key differs"
   * exactly when they are equal, else where they first differ; both strings shown in full; for a
   * real base string changed in one component, the component is named.
   */
  @FuzzTest(maxDuration = "60s")
  void diagnosisOfTwoBaseStrings(FuzzedDataProvider data) throws Exception {
    Fuzzed.Case c = Fuzzed.newCase(data);
    String ours;
    try {
      ours = c.signer().report(c.request()).baseString();
    } catch (dev.oksign.SigningException refused) {
      return;
    }
    int kind = data.consumeInt(0, 3);
    String server =
        switch (kind) {
          case 0 -> ours;
          case 1 -> "POST" + ours.substring(ours.indexOf('&'));
          case 2 ->
              ours.replaceFirst(
                  "%2F",
                  java.util.regex.Matcher.quoteReplacement(
                      "%2F" + Fuzzed.text(data, 4).replace("&", "")));
          default -> Fuzzed.text(data, 40) + data.consumeRemainingAsString();
        };

    String diagnosis = OAuthProblemException.diagnose(server, ours);

    assertThat(diagnosis).endsWith("\nOur base string:      " + ours);
    assertThat(diagnosis).contains("\nServer's base string: " + server + "\n");
    if (server.equals(ours)) {
      assertThat(diagnosis).contains("signing key differs");
    } else {
      // One of the two sentences diagnose() writes, whole: never a mix of them.
      assertThat(diagnosis)
          .satisfiesAnyOf(
              d -> assertThat(d).startsWith("The base strings first differ in the "),
              d ->
                  assertThat(d)
                      .startsWith("The base strings differ in a way not understood: compare them"))
          .doesNotContain("in the the");
      if (kind == 1 && !ours.startsWith("POST&")) {
        assertThat(diagnosis).contains("first differ in the method");
      }
    }
  }
}
