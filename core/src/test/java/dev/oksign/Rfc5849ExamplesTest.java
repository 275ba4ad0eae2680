package dev.oksign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;

/** The worked examples of RFC 5849, reproduced from the RFC's own text. */
class Rfc5849ExamplesTest {
  static OAuth1Signer.Builder signer(long timestamp, String nonce) {
    return OAuth1Signer.builder()
        .clock(Clock.fixed(Instant.ofEpochSecond(timestamp), ZoneOffset.UTC))
        .nonces(() -> nonce)
        .includeVersion(false);
  }

  /** §1.2, the final request: GET photos with the access token, HMAC-SHA1, realm "Photos". */
  @Test
  void section1_2AccessProtectedResource() throws Exception {
    OAuth1Signer signer =
        signer(137131202, "chapoH")
            .clientCredentials("dpf43f3p2l4k3l03", "kd94hf93k423kf44")
            .token("nnch734d00sl2jdk", "pfkkdhi9sl3r4s00")
            .realm("Photos")
            .build();
    Request request =
        new Request.Builder()
            .url("http://photos.example.net/photos?file=vacation.jpg&size=original")
            .build();

    SigningReport report = signer.report(request);

    assertThat(report.baseString())
        .isEqualTo(
            "GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26"
                + "oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3DchapoH%26"
                + "oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131202%26"
                + "oauth_token%3Dnnch734d00sl2jdk%26size%3Doriginal");
    assertThat(report.signature()).isEqualTo("MdpQcU8iPSUjWoN/UDMsK2sui9I=");
    assertThat(report.authorization())
        .isEqualTo(
            "OAuth realm=\"Photos\", oauth_consumer_key=\"dpf43f3p2l4k3l03\", "
                + "oauth_nonce=\"chapoH\", oauth_signature=\"MdpQcU8iPSUjWoN%2FUDMsK2sui9I%3D\", "
                + "oauth_signature_method=\"HMAC-SHA1\", oauth_timestamp=\"137131202\", "
                + "oauth_token=\"nnch734d00sl2jdk\"");
  }

  /** §1.2, the first leg: PLAINTEXT over https with a callback. */
  @Test
  void section1_2TemporaryCredentialsWithPlaintext() throws Exception {
    OAuth1Signer signer =
        signer(137131200, "wIjqoS")
            .clientCredentials("dpf43f3p2l4k3l03", "kd94hf93k423kf44")
            .signatureMethod(SignatureMethod.PLAINTEXT)
            .realm("Photos")
            .build();
    Request request =
        new Request.Builder()
            .url("https://photos.example.net/initiate")
            .post(RequestBody.create(new byte[0], null))
            .tag(
                SigningOptions.class,
                SigningOptions.builder().callback("http://printer.example.com/ready").build())
            .build();

    Request signed = signer.sign(request);

    assertThat(signed.header("Authorization"))
        .isEqualTo(
            "OAuth realm=\"Photos\", "
                + "oauth_callback=\"http%3A%2F%2Fprinter.example.com%2Fready\", "
                + "oauth_consumer_key=\"dpf43f3p2l4k3l03\", oauth_nonce=\"wIjqoS\", "
                + "oauth_signature=\"kd94hf93k423kf44%26\", "
                + "oauth_signature_method=\"PLAINTEXT\", oauth_timestamp=\"137131200\"");
  }

  /**
   * §3.4.1.1: the base string of the RFC's POST example, built from its query, form body and
   * header. The RFC prints a signature that does not follow from any stated secret (it gives none),
   * so the signature is checked against the JDK's HMAC over the RFC's base string.
   */
  @Test
  void section3_4_1BaseStringOfTheExampleRequest() throws Exception {
    OAuth1Signer signer =
        signer(137131201, "7d8f3e4a")
            .clientCredentials("9djdj82h48djs9d2", "j49sk3j29djd")
            .token("kkk9d7dh3k39sjv7", "dh893hdasih9")
            .realm("Example")
            .build();
    Request request =
        new Request.Builder()
            .url("http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b")
            .post(
                RequestBody.create("c2&a3=2+q", MediaType.get("application/x-www-form-urlencoded")))
            .build();

    SigningReport report = signer.report(request);

    String rfcBaseString =
        "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q"
            + "%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_"
            + "key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_m"
            + "ethod%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk"
            + "9d7dh3k39sjv7";
    assertThat(report.baseString()).isEqualTo(rfcBaseString);
    assertThat(report.normalizedParameters())
        .isEqualTo(
            "a2=r%20b&a3=2%20q&a3=a&b5=%3D%253D&c%40=&c2=&oauth_consumer_key=9djdj82h48djs9d2"
                + "&oauth_nonce=7d8f3e4a&oauth_signature_method=HMAC-SHA1"
                + "&oauth_timestamp=137131201&oauth_token=kkk9d7dh3k39sjv7");
    assertThat(report.signature())
        .isEqualTo(jdkHmacSha1("j49sk3j29djd&dh893hdasih9", rfcBaseString));
  }

  /** §3.6: the encoding table. */
  @Test
  void section3_6PercentEncoding() throws Exception {
    OAuth1Signer signer =
        signer(1, "n").clientCredentials("k", "s").placement(Placement.QUERY).build();
    Request request =
        new Request.Builder()
            .url(
                okhttp3.HttpUrl.get("https://example.com/")
                    .newBuilder()
                    .addQueryParameter("v", "AZaz09-._~ !*'()+&=/é☃😀")
                    .build())
            .build();
    assertThat(signer.report(request).normalizedParameters())
        .startsWith("oauth_consumer_key=k")
        .endsWith("&v=AZaz09-._~%20%21%2A%27%28%29%2B%26%3D%2F%C3%A9%E2%98%83%F0%9F%98%80");
  }

  static String jdkHmacSha1(String key, String text) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
    return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }
}
