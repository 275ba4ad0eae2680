package dev.oksign.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignCommandTest {
  // The mission's Flickr vector.
  static final String[] VECTOR = {
    "sign",
    "--method",
    "GET",
    "--url",
    "http://www.flickr.com/services/oauth/request_token",
    "--consumer-key",
    "768fe946d252b119746fda82e1599980",
    "--consumer-secret",
    "1a3c208e172d3edc",
    "--callback",
    "http://www.wackylabs.net/oauth/test",
    "--nonce",
    "C2F26CD5C075BA9050AD8EE90644CF29",
    "--timestamp",
    "1316657628",
  };
  static final String VECTOR_BASE_STRING =
      "GET&http%3A%2F%2Fwww.flickr.com%2Fservices%2Foauth%2Frequest_token&oauth_callback%3Dhttp%253A%252F%252Fwww.wackylabs.net%252Foauth%252Ftest%26oauth_consumer_key%3D768fe946d252b119746fda82e1599980%26oauth_nonce%3DC2F26CD5C075BA9050AD8EE90644CF29%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1316657628%26oauth_version%3D1.0";

  static String[] with(String[] base, String... more) {
    String[] out = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, out, base.length, more.length);
    return out;
  }

  @Test
  void reproducesTheFlickrVectorLineForLine() {
    Cli cli = Cli.run(VECTOR);
    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(0);
    assertThat(cli.out())
        .isEqualTo(
            "base_string: "
                + VECTOR_BASE_STRING
                + "\n"
                + "signature: 0fhNGlzpFNAsTme/hDfUb5HPB5U=\n"
                + "authorization: OAuth"
                + " oauth_callback=\"http%3A%2F%2Fwww.wackylabs.net%2Foauth%2Ftest\","
                + " oauth_consumer_key=\"768fe946d252b119746fda82e1599980\","
                + " oauth_nonce=\"C2F26CD5C075BA9050AD8EE90644CF29\","
                + " oauth_signature=\"0fhNGlzpFNAsTme%2FhDfUb5HPB5U%3D\","
                + " oauth_signature_method=\"HMAC-SHA1\", oauth_timestamp=\"1316657628\","
                + " oauth_version=\"1.0\"\n"
                + "url: http://www.flickr.com/services/oauth/request_token\n");
    assertThat(cli.err()).isEmpty();
  }

  @Test
  void showsTheSigningKeyOnlyWhenAsked() {
    assertThat(Cli.run(VECTOR).out()).doesNotContain("1a3c208e172d3edc");
    Cli cli = Cli.run(with(VECTOR, "--show-key"));
    assertThat(cli.out().split("\n")[1]).isEqualTo("signing_key: 1a3c208e172d3edc&");
  }

  @Test
  void placesParametersInTheQuery() {
    Cli cli = Cli.run(with(VECTOR, "--placement", "query"));
    assertThat(cli.out())
        .isEqualTo(
            "base_string: "
                + VECTOR_BASE_STRING
                + "\n"
                + "signature: 0fhNGlzpFNAsTme/hDfUb5HPB5U=\n"
                + "url: http://www.flickr.com/services/oauth/request_token"
                + "?oauth_callback=http%3A%2F%2Fwww.wackylabs.net%2Foauth%2Ftest"
                + "&oauth_consumer_key=768fe946d252b119746fda82e1599980"
                + "&oauth_nonce=C2F26CD5C075BA9050AD8EE90644CF29"
                + "&oauth_signature_method=HMAC-SHA1&oauth_timestamp=1316657628"
                + "&oauth_version=1.0&oauth_signature=0fhNGlzpFNAsTme%2FhDfUb5HPB5U%3D\n");
  }

  @Test
  void signsARawFormBodyAndPlacesParametersInIt() {
    // RFC 5849 §3.4.1.1's example request: its base string is printed in the RFC.
    Cli cli =
        Cli.run(
            "sign",
            "--method",
            "POST",
            "--url",
            "http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b",
            "--body",
            "c2&a3=2+q",
            "--consumer-key",
            "9djdj82h48djs9d2",
            "--consumer-secret",
            "j49sk3j29djd",
            "--token",
            "kkk9d7dh3k39sjv7",
            "--token-secret",
            "dh893hdasih9",
            "--nonce",
            "7d8f3e4a",
            "--timestamp",
            "137131201",
            "--no-version",
            "--placement",
            "body");
    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(0);
    String[] lines = cli.out().split("\n");
    assertThat(lines[0])
        .isEqualTo(
            "base_string: POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q"
                + "%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9dj"
                + "dj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1"
                + "%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7");
    assertThat(lines[2])
        .isEqualTo("url: http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b");
    assertThat(lines[3])
        .startsWith("body: c2&a3=2+q&oauth_consumer_key=9djdj82h48djs9d2&oauth_nonce=7d8f3e4a&");
    assertThat(lines).hasSize(4);
  }

  @Test
  void takesTheKeysFromTheEnvironment() {
    String[] noKeys = {
      "sign",
      "--method",
      "GET",
      "--url",
      "http://www.flickr.com/services/oauth/request_token",
      "--callback",
      "http://www.wackylabs.net/oauth/test",
      "--nonce",
      "C2F26CD5C075BA9050AD8EE90644CF29",
      "--timestamp",
      "1316657628",
    };
    Cli cli =
        Cli.run(
            "",
            Map.of(
                "FLICKR_API_KEY", "768fe946d252b119746fda82e1599980",
                "FLICKR_API_SECRET", "1a3c208e172d3edc"),
            noKeys);
    assertThat(cli.out()).contains("signature: 0fhNGlzpFNAsTme/hDfUb5HPB5U=\n");
  }

  @Test
  void generatesAndReportsAMissingNonceAndTimestamp() {
    Cli cli =
        Cli.run(
            "sign",
            "--method",
            "GET",
            "--url",
            "https://api.flickr.com/services/rest/",
            "--consumer-key",
            "k",
            "--consumer-secret",
            "s");
    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(0);
    String[] err = cli.err().split("\n");
    assertThat(err[0]).matches("generated oauth_nonce [0-9a-f]{32}");
    assertThat(err[1]).matches("generated oauth_timestamp \\d{10}");
    String nonce = err[0].substring("generated oauth_nonce ".length());
    String timestamp = err[1].substring("generated oauth_timestamp ".length());
    assertThat(cli.out())
        .contains("oauth_nonce%3D" + nonce + "%26")
        .contains("oauth_timestamp%3D" + timestamp + "%26");
  }

  @Test
  void printsThePlaintextSignatureAsIs() {
    Cli cli =
        Cli.run(
            "sign",
            "--method",
            "GET",
            "--url",
            "http://example.com/",
            "--consumer-key",
            "k",
            "--consumer-secret",
            "s&1",
            "--token",
            "t",
            "--token-secret",
            "ts",
            "--signature-method",
            "PLAINTEXT",
            "--nonce",
            "n",
            "--timestamp",
            "1");
    assertThat(cli.out().split("\n")[1]).isEqualTo("signature: s%261&ts");
  }

  @Test
  void signsWithAnRsaKeyVerifiableWithItsPublicKey(@TempDir Path dir) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    Path pem = dir.resolve("key.pem");
    Files.writeString(
        pem,
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n");
    Cli cli =
        Cli.run(
            "sign",
            "--method",
            "GET",
            "--url",
            "https://example.com/photos?size=original",
            "--consumer-key",
            "dpf43f3p2l4k3l03",
            "--signature-method",
            "RSA-SHA1",
            "--private-key",
            pem.toString(),
            "--nonce",
            "n",
            "--timestamp",
            "1");
    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(0);
    String[] lines = cli.out().split("\n");
    String baseString = lines[0].substring("base_string: ".length());
    String signature = lines[1].substring("signature: ".length());
    Signature verifier = Signature.getInstance("SHA1withRSA");
    verifier.initVerify(pair.getPublic());
    verifier.update(baseString.getBytes(StandardCharsets.UTF_8));
    assertThat(verifier.verify(Base64.getDecoder().decode(signature))).isTrue();
  }

  @Test
  void explainsTheServersBaseString() {
    String server = VECTOR_BASE_STRING.replace("GET&http%3A", "GET&https%3A");
    Cli cli =
        Cli.run(with(VECTOR, "--debug-sbs", "oauth_problem=signature_invalid&debug_sbs=" + server));
    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(0);
    assertThat(cli.out())
        .contains("\ndiagnosis: The base strings first differ in the ")
        .contains("\ndiagnosis: Server's base string: " + server + "\n")
        .contains("\ndiagnosis: Our base string:      " + VECTOR_BASE_STRING + "\n");
    String diagnosis = cli.out().substring(cli.out().indexOf("diagnosis: "));
    assertThat(diagnosis.split("\n")[0]).containsIgnoringCase("scheme");
  }

  @Test
  void saysWhenTheBaseStringsMatchButTheKeyDiffers() {
    Cli cli = Cli.run(with(VECTOR, "--debug-sbs", VECTOR_BASE_STRING));
    assertThat(cli.out()).contains("\ndiagnosis: The server computed the same base string");
  }

  @Test
  void refusesAMissingKeyWithOneLineAndExitCode2() {
    Cli cli = Cli.run("sign", "--method", "GET", "--url", "https://api.flickr.com/services/rest/");
    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(2);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.err())
        .isEqualTo("error: no consumer key: pass --consumer-key or set FLICKR_API_KEY\n");
  }

  @Test
  void refusesUsageErrorsWithExitCode2() {
    Cli missingUrl =
        Cli.run("sign", "--method", "GET", "--consumer-key", "k", "--consumer-secret", "s");
    assertThat(missingUrl.exitCode()).isEqualTo(2);
    assertThat(missingUrl.err())
        .isEqualTo(
            "error: Missing required option: '--url=URL'\nTry 'oksign-examples sign --help'.\n");

    Cli badUrl =
        Cli.run(
            "sign",
            "--method",
            "GET",
            "--url",
            "ftp://x/",
            "--consumer-key",
            "k",
            "--consumer-secret",
            "s");
    assertThat(badUrl.exitCode()).isEqualTo(2);
    assertThat(badUrl.err()).isEqualTo("error: --url is not an http or https URL: ftp://x/\n");

    Cli badPlacement = Cli.run(with(VECTOR, "--placement", "cookie"));
    assertThat(badPlacement.exitCode()).isEqualTo(2);
    assertThat(badPlacement.err())
        .isEqualTo("error: --placement must be header, query or body, not cookie\n");

    Cli bodyWithoutForm = Cli.run(with(VECTOR, "--placement", "body"));
    assertThat(bodyWithoutForm.exitCode()).isEqualTo(2);
    assertThat(bodyWithoutForm.err())
        .startsWith("error: FORM_BODY placement needs")
        .doesNotContain("\tat ");

    Cli halfToken = Cli.run(with(VECTOR, "--token", "t"));
    assertThat(halfToken.exitCode()).isEqualTo(2);
    assertThat(halfToken.err()).isEqualTo("error: --token needs --token-secret\n");

    Cli rsaWithoutKey = Cli.run(with(VECTOR, "--signature-method", "RSA-SHA1"));
    assertThat(rsaWithoutKey.exitCode()).isEqualTo(2);
    assertThat(rsaWithoutKey.err()).isEqualTo("error: RSA-SHA1 needs --private-key FILE\n");
  }

  @Test
  void reportsAnUnreadableKeyFileWithExitCode1(@TempDir Path dir) {
    Path missing = dir.resolve("missing.pem");
    Cli cli =
        Cli.run(
            with(VECTOR, "--signature-method", "RSA-SHA1", "--private-key", missing.toString()));
    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(1);
    assertThat(cli.err()).startsWith("error: cannot read --private-key " + missing + ": ");
    assertThat(cli.err().split("\n")).hasSize(1);
  }

  @Test
  void showsAStackTraceOnlyWhenVerbose(@TempDir Path dir) {
    Path missing = dir.resolve("missing.pem");
    for (String verbose : new String[] {"--verbose", "-v"}) {
      Cli cli =
          Cli.run(
              with(
                  VECTOR,
                  "--signature-method",
                  "RSA-SHA1",
                  "--private-key",
                  missing.toString(),
                  verbose));
      assertThat(cli.exitCode()).as(cli.err()).isEqualTo(1);
      assertThat(cli.err()).as(verbose).contains("\tat dev.oksign.examples.cli.SignCommand");
    }
  }
}
