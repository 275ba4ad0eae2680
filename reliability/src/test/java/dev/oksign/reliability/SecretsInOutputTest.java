package dev.oksign.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oksign.NonceStore;
import dev.oksign.OAuth1Interceptor;
import dev.oksign.OAuth1Signer;
import dev.oksign.OAuth1Verifier;
import dev.oksign.Placement;
import dev.oksign.SignatureMethod;
import dev.oksign.SigningOptions;
import dev.oksign.SigningReport;
import dev.oksign.Token;
import dev.oksign.TokenFlow;
import dev.oksign.Verification;
import dev.oksign.flickr.Flickr;
import dev.oksign.testing.FakeFlickr;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.logging.HttpLoggingInterceptor;
import org.junit.jupiter.api.Test;

/**
 * A scan for the configured secrets in everything meant for people: the {@code toString()} of every
 * public type that holds one, the messages of what is thrown, and the log records and standard
 * streams of a whole session (token flow, signed calls, a refusal, the Flickr client) against
 * {@link FakeFlickr}, with OkHttp's own wire logging on. Target: zero.
 */
class SecretsInOutputTest {

  OAuth1Signer signer(SignatureMethod method, Placement placement) {
    return OAuth1Signer.builder()
        .clientCredentials(Secrets.CLIENT)
        .token(Secrets.TOKEN)
        .signatureMethod(method)
        .placement(placement)
        .build();
  }

  @Test
  void toStringsOfEveryTypeHoldingASecretShowNone() throws Exception {
    List<Object> values = new ArrayList<>();
    values.add(Secrets.CLIENT);
    values.add(Secrets.TOKEN);
    values.add(SigningOptions.builder().token(Secrets.TOKEN).build());
    for (SignatureMethod m :
        new SignatureMethod[] {SignatureMethod.HMAC_SHA1, SignatureMethod.HMAC_SHA256}) {
      for (Placement p : Placement.values()) {
        OAuth1Signer signer = signer(m, p);
        values.add(signer);
        values.add(OAuth1Interceptor.create(signer, "api.flickr.com"));
        Request request =
            new Request.Builder()
                .url("https://api.flickr.com/services/rest/?method=flickr.test.login")
                .post(new FormBody.Builder().add("a", "1").build())
                .build();
        SigningReport report = signer.report(request);
        values.add(report);
        values.add(report.signedRequest());
        values.add(report.signedRequest().headers());
      }
    }
    OAuth1Verifier verifier =
        OAuth1Verifier.builder()
            .clientSecrets(k -> Secrets.CONSUMER_SECRET)
            .tokenSecrets(t -> Secrets.TOKEN_SECRET)
            .nonceStore(NonceStore.inMemory())
            .build();
    values.add(verifier);
    Verification refused =
        verifier.verify(
            signer(SignatureMethod.HMAC_SHA1, Placement.AUTHORIZATION_HEADER)
                .sign(new Request.Builder().url("https://e.com/?x=1").build())
                .newBuilder()
                .url("https://e.com/?x=2")
                .build());
    assertThat(refused.problem()).isEqualTo("signature_invalid");
    values.add(refused);
    values.add(refused.message());
    values.add(refused.responseBody());
    values.add(
        TokenFlow.builder()
            .clientCredentials(Secrets.CLIENT)
            .requestTokenUrl("https://www.flickr.com/services/oauth/request_token")
            .authorizationUrl("https://www.flickr.com/services/oauth/authorize")
            .accessTokenUrl("https://www.flickr.com/services/oauth/access_token")
            .build());
    Flickr flickr = Flickr.builder().clientCredentials(Secrets.CLIENT).token(Secrets.TOKEN).build();
    values.add(flickr);
    values.add(flickr.withToken(new Token("other", Secrets.userTokenSecret(7))));

    for (Object value : values) {
      Secrets.assertAbsent(value.getClass().getSimpleName() + ".toString()", String.valueOf(value));
    }
    Figures.record("secrets.toStringsScanned", values.size());
  }

  /**
   * PLAINTEXT's signature is the signing key: a report hides it in toString(), which must then hide
   * it everywhere, the URL of QUERY placement and the body of FORM_BODY placement included.
   */
  @Test
  void aPlaintextReportHidesTheSignatureInEveryPlacement() throws Exception {
    for (Placement p : Placement.values()) {
      Request request =
          new Request.Builder()
              .url("https://api.flickr.com/services/rest/")
              .post(new FormBody.Builder().add("a", "1").build())
              .build();
      SigningReport report = signer(SignatureMethod.PLAINTEXT, p).report(request);
      Secrets.assertAbsent("SigningReport.toString() with PLAINTEXT, " + p, report.toString());
    }
  }

  /** A whole session on FakeFlickr with every log captured: nothing logged holds a secret. */
  @Test
  void aSessionsLogsAndStandardStreamsHoldNoSecret() throws Exception {
    List<String> captured = new ArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            captured.add(
                record.getLoggerName()
                    + " "
                    + record.getMessage()
                    + (record.getThrown() == null ? "" : " " + record.getThrown()));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger root = Logger.getLogger("");
    Level level = root.getLevel();
    root.addHandler(handler);
    root.setLevel(Level.ALL);
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream streams = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(streams, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    HttpLoggingInterceptor wire =
        new HttpLoggingInterceptor(line -> captured.add("okhttp " + line));
    // Headers, not bodies: a logged body of access_token holds the token secret by nature, and
    // logging it is the user's explicit choice.
    wire.setLevel(HttpLoggingInterceptor.Level.HEADERS);
    try (FakeFlickr fake = FakeFlickr.builder().clientCredentials(Secrets.CLIENT).build()) {
      fake.start();
      OkHttpClient logged = Clients.BASE.newBuilder().addNetworkInterceptor(wire).build();
      TokenFlow flow =
          TokenFlow.builder()
              .clientCredentials(Secrets.CLIENT)
              .requestTokenUrl(fake.requestTokenUrl())
              .authorizationUrl(fake.authorizationUrl())
              .accessTokenUrl(fake.accessTokenUrl())
              .client(logged)
              .build();
      Token requestToken = flow.requestToken("oob");
      Secrets.register(requestToken.secret());
      String page;
      try (Response r =
          logged
              .newCall(new Request.Builder().url(flow.authorizationUrl(requestToken)).build())
              .execute()) {
        page = r.body().string();
      }
      String verifier = page.replaceAll("(?s).*<span id=\"Verifier\">([^<]*)</span>.*", "$1");
      Token access = flow.accessToken(requestToken, verifier).token();
      Secrets.register(access.secret());

      Flickr flickr =
          Flickr.builder()
              .clientCredentials(Secrets.CLIENT)
              .token(access)
              .restBaseUrl(fake.restBaseUrl())
              .oauthBaseUrl(fake.oauthBaseUrl())
              .uploadBaseUrl(fake.uploadBaseUrl())
              .client(logged)
              .build();
      assertThat(flickr.test().login().execute().body()).isNotNull();
      // A refusal: a token the fake does not know.
      Throwable refused =
          org.assertj.core.api.Assertions.catchThrowable(
              () ->
                  flickr
                      .withToken(new Token("72157720000000999-0000", Secrets.userTokenSecret(9)))
                      .test()
                      .login()
                      .execute());
      assertThat(refused).as("the refusal").isInstanceOf(java.io.IOException.class);
      Secrets.assertAbsent("refusal", refused);
      captured.add("exception " + refused);
    } finally {
      System.setOut(out);
      System.setErr(err);
      root.removeHandler(handler);
      root.setLevel(level);
    }
    captured.add(streams.toString(StandardCharsets.UTF_8));
    assertThat(captured).anyMatch(line -> line.startsWith("okhttp --> GET"));
    for (String line : captured) Secrets.assertAbsent("captured log", line);
    Figures.record("secrets.logLinesScanned", captured.size());
    Figures.record("secrets.found", 0);
  }
}
