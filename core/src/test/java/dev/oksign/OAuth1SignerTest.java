package dev.oksign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;

class OAuth1SignerTest {
  static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1316657628), ZoneOffset.UTC);

  static OAuth1Signer.Builder signer() {
    return OAuth1Signer.builder()
        .clientCredentials("ck", "cs%secret")
        .clock(CLOCK)
        .nonces(() -> "abc")
        .includeVersion(false);
  }

  static Request get(String url) {
    return new Request.Builder().url(url).build();
  }

  static String base(String uri, String params) {
    return "GET&" + uri + "&" + params;
  }

  static final String PROTOCOL =
      "oauth_consumer_key%3Dck%26oauth_nonce%3Dabc%26oauth_signature_method%3DHMAC-SHA1"
          + "%26oauth_timestamp%3D1316657628";

  @Test
  void baseStringUriLowerCasesSchemeAndHostAndDropsDefaultPorts() throws Exception {
    OAuth1Signer signer = signer().build();
    assertThat(signer.baseString(get("HTTP://WWW.Flickr.COM:80/Services/Rest")))
        .isEqualTo(base("http%3A%2F%2Fwww.flickr.com%2FServices%2FRest", PROTOCOL));
    assertThat(signer.baseString(get("https://api.flickr.com:443/x#frag")))
        .isEqualTo(base("https%3A%2F%2Fapi.flickr.com%2Fx", PROTOCOL));
    assertThat(signer.baseString(get("https://api.flickr.com:8443/x")))
        .isEqualTo(base("https%3A%2F%2Fapi.flickr.com%3A8443%2Fx", PROTOCOL));
    assertThat(signer.baseString(get("http://api.flickr.com:443/x")))
        .isEqualTo(base("http%3A%2F%2Fapi.flickr.com%3A443%2Fx", PROTOCOL));
    assertThat(signer.baseString(get("http://[::1]:8080/x")))
        .isEqualTo(base("http%3A%2F%2F%5B%3A%3A1%5D%3A8080%2Fx", PROTOCOL));
  }

  @Test
  void keepsThePathAsSent() throws Exception {
    assertThat(signer().build().baseString(get("https://example.com/a%20b/c~d/%7Ee")))
        .isEqualTo(base("https%3A%2F%2Fexample.com%2Fa%2520b%2Fc~d%2F%257Ee", PROTOCOL));
  }

  @Test
  void decodesTheQueryAsAFormAndReencodesIt() throws Exception {
    // + is a space, %2B a plus, a name without = has an empty value, repeated names all count,
    // and so does a pair repeated exactly (§3.4.1.3.2: sorted, not made unique).
    String params =
        "a%3D%26a%3D1%26a%3D1%26a%3D2%26b%3Dx%2520y%26c%3Dx%252By%26"
            + PROTOCOL
            + "%26z%3D%25E2%2598%2583%26~%3D%252A";
    Request request = get("https://example.com/p?z=%E2%98%83&b=x+y&c=x%2By&a=1&a=2&a&a=1&~=*");
    OAuth1Signer signer = signer().build();
    assertThat(signer.baseString(request)).isEqualTo(base("https%3A%2F%2Fexample.com%2Fp", params));
    // sign() takes the hot path, report() the general one: the same header.
    assertThat(signer.sign(request).header("Authorization"))
        .isEqualTo(signer.report(request).authorization());
  }

  @Test
  void signsWithTheTokenSecretInTheKey() throws Exception {
    SigningReport report =
        signer().token("tok", "ts&x").build().report(get("https://example.com/"));
    assertThat(report.signingKey()).isEqualTo("cs%25secret&ts%26x");
    assertThat(report.signature())
        .isEqualTo(hmac("HmacSHA1", "cs%25secret&ts%26x", report.baseString()));
  }

  @Test
  void tokenForNamesTheTokenSignUses() throws Exception {
    Token own = new Token("own", "os");
    Token alice = new Token("alice", "as");
    Token tagged = new Token("tagged", "ts");
    OAuth1Signer signer = signer().token(own).build();
    Request plain = get("https://example.com/");
    Request withOptions =
        plain.newBuilder().tag(SigningOptions.class, SigningOptions.token(alice)).build();
    Request withTag = plain.newBuilder().tag(Token.class, tagged).build();
    Request optionsBeatTag =
        withTag.newBuilder().tag(SigningOptions.class, SigningOptions.token(alice)).build();
    Request none =
        withTag
            .newBuilder()
            .tag(SigningOptions.class, SigningOptions.builder().withoutToken().build())
            .build();

    assertThat(signer.tokenFor(plain, null)).isSameAs(own);
    assertThat(signer.tokenFor(withOptions, SigningOptions.token(alice))).isSameAs(alice);
    assertThat(signer.tokenFor(withTag, null)).isSameAs(tagged);
    assertThat(signer.tokenFor(optionsBeatTag, SigningOptions.token(alice))).isSameAs(alice);
    assertThat(signer.tokenFor(none, none.tag(SigningOptions.class))).isNull();
    assertThat(signer().build().tokenFor(plain, null)).isNull();
    // And sign() sends that token.
    assertThat(signer.sign(plain).header("Authorization")).contains("oauth_token=\"own\"");
    assertThat(signer.sign(optionsBeatTag).header("Authorization"))
        .contains("oauth_token=\"alice\"");
    assertThat(signer.sign(withTag).header("Authorization")).contains("oauth_token=\"tagged\"");
    assertThat(signer.sign(none).header("Authorization")).doesNotContain("oauth_token");
  }

  @Test
  void hmacSha256() throws Exception {
    SigningReport report =
        signer().signatureMethod(SignatureMethod.HMAC_SHA256).build().report(get("https://e.com/"));
    assertThat(report.baseString()).contains("HMAC-SHA256");
    assertThat(report.signature())
        .isEqualTo(hmac("HmacSHA256", "cs%25secret&", report.baseString()));
  }

  @Test
  void rsaSha1SignsWithThePrivateKeyAndVerifiesWithThePublicOne() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(1024);
    KeyPair pair = generator.generateKeyPair();
    SigningReport report =
        signer()
            .signatureMethod(SignatureMethod.rsaSha1(pair.getPrivate()))
            .build()
            .report(get("https://e.com/"));

    Signature jdk = Signature.getInstance("SHA1withRSA");
    jdk.initVerify(pair.getPublic());
    jdk.update(report.baseString().getBytes(StandardCharsets.UTF_8));
    assertThat(jdk.verify(Base64.getDecoder().decode(report.signature()))).isTrue();
    assertThat(SignatureMethod.rsaSha1(pair.getPrivate()).toString()).isEqualTo("RSA-SHA1");
  }

  @Test
  void refusesPlaintextOverHttp() {
    OAuth1Signer signer = signer().signatureMethod(SignatureMethod.PLAINTEXT).build();
    assertThatThrownBy(() -> signer.sign(get("http://example.com/")))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("PLAINTEXT over plain http")
        .hasMessageNotContaining("cs%secret");
  }

  @Test
  void timestampIsUtcSecondsWhateverTheClockZone() throws Exception {
    Clock tokyo = Clock.fixed(Instant.ofEpochSecond(1316657628), ZoneId.of("Asia/Tokyo"));
    assertThat(signer().clock(tokyo).build().baseString(get("https://e.com/")))
        .contains("oauth_timestamp%3D1316657628");
  }

  @Test
  void defaultNoncesAre128BitsAndDoNotRepeat() throws Exception {
    OAuth1Signer signer = OAuth1Signer.builder().clientCredentials("ck", "cs").build();
    String first = signer.report(get("https://e.com/")).protocolParameters().get("oauth_nonce");
    String second = signer.report(get("https://e.com/")).protocolParameters().get("oauth_nonce");
    assertThat(first).matches("[0-9a-f]{32}");
    assertThat(second).matches("[0-9a-f]{32}").isNotEqualTo(first);
  }

  @Test
  void sendsVersionByDefault() throws Exception {
    OAuth1Signer signer = OAuth1Signer.builder().clientCredentials("ck", "cs").build();
    assertThat(signer.report(get("https://e.com/")).protocolParameters())
        .containsEntry("oauth_version", "1.0");
  }

  @Test
  void bodyHashForNonFormBodiesOnly() throws Exception {
    OAuth1Signer signer = signer().bodyHash(true).build();
    Request json =
        new Request.Builder()
            .url("https://e.com/")
            .post(RequestBody.create("{\"a\":1}", MediaType.get("application/json")))
            .build();
    String expected =
        Base64.getEncoder()
            .encodeToString(
                MessageDigest.getInstance("SHA-1")
                    .digest("{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
    assertThat(signer.report(json).protocolParameters()).containsEntry("oauth_body_hash", expected);

    Request form =
        new Request.Builder()
            .url("https://e.com/")
            .post(RequestBody.create("a=1", MediaType.get("application/x-www-form-urlencoded")))
            .build();
    assertThat(signer.report(form).protocolParameters()).doesNotContainKey("oauth_body_hash");
  }

  @Test
  void signedParametersEnterTheBaseStringOnly() throws Exception {
    Request request =
        new Request.Builder()
            .url("https://up.flickr.com/services/upload/")
            .post(RequestBody.create("multipart", MediaType.get("multipart/form-data; boundary=b")))
            .tag(
                SigningOptions.class,
                SigningOptions.builder().signedParameter("title", "My photo").build())
            .build();
    SigningReport report = signer().build().report(request);
    assertThat(report.baseString()).endsWith("%26title%3DMy%2520photo");
    assertThat(report.authorization()).doesNotContain("title");
    assertThat(report.url()).isEqualTo("https://up.flickr.com/services/upload/");
  }

  @Test
  void formBodyPlacementNeedsAFormBody() {
    OAuth1Signer signer = signer().placement(Placement.FORM_BODY).build();
    assertThatThrownBy(() -> signer.sign(get("https://e.com/")))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining(
            "FORM_BODY placement needs an application/x-www-form-urlencoded body");
  }

  @Test
  void refusesBrokenConfigurationNamingTheField() throws Exception {
    assertThatThrownBy(() -> OAuth1Signer.builder().build())
        .hasMessageContaining("clientCredentials == null");
    assertThatThrownBy(() -> OAuth1Signer.builder().clientCredentials("", "s").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("consumerKey is empty");
    assertThatThrownBy(() -> OAuth1Signer.builder().clientCredentials("k", null).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("consumerSecret == null");
    assertThatThrownBy(() -> OAuth1Signer.builder().token("t", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("token secret == null");
    assertThatThrownBy(() -> OAuth1Signer.builder().token("t", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("token secret is empty (token t)");
    assertThatThrownBy(() -> signer().realm("a\"b").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("realm");
    // Issue #17, item 2: a realm that is not printable ASCII fails here, not at every request.
    for (String realm : new String[] {"réalm", "a\u2028b", "a\u0085b", "a\u007fb"}) {
      assertThatThrownBy(() -> signer().realm(realm).build())
          .as(realm)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("realm has a character")
          .hasMessageContaining("at index 1");
    }
    assertThat(
            signer()
                .realm("Photos ~!")
                .build()
                .sign(get("https://a.example/"))
                .header("Authorization"))
        .startsWith("OAuth realm=\"Photos ~!\", oauth_consumer_key=");
    assertThatThrownBy(() -> SigningOptions.builder().protocolParameter("oauth_nonce", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("oauth_nonce is set by the signer and cannot be given");
    assertThatThrownBy(() -> SigningOptions.builder().protocolParameter("callback", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("names start with oauth_");
  }

  @Test
  void toStringsNeverShowSecrets() throws Exception {
    OAuth1Signer signer = signer().token("tok", "tokensecret").build();
    SigningReport report = signer.report(get("https://e.com/"));
    String all =
        signer
            + " "
            + signer.clientCredentials()
            + " "
            + signer.token()
            + " "
            + report
            + " "
            + OAuth1Interceptor.create(signer, "e.com")
            + " "
            + SigningOptions.token(Token.of("t2", "othersecret"));
    assertThat(all)
        .contains("ck", "tok", "t2")
        .doesNotContain("cs%secret", "cs%25secret", "tokensecret", "othersecret");
  }

  @Test
  void signedRequestIsANewRequest() throws Exception {
    Request original = get("https://e.com/");
    Request signed = signer().build().sign(original);
    assertThat(signed).isNotSameAs(original);
    assertThat(original.header("Authorization")).isNull();
    assertThat(signed.header("Authorization")).startsWith("OAuth oauth_consumer_key=\"ck\"");
  }

  static String hmac(String algorithm, String key, String text) throws Exception {
    Mac mac = Mac.getInstance(algorithm);
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
    return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aPlaintextReportHidesTheSignatureEvenInItsUrl() throws Exception {
    SigningReport report =
        signer()
            .signatureMethod(SignatureMethod.PLAINTEXT)
            .placement(Placement.QUERY)
            .build()
            .report(get("https://e.com/p"));
    assertThat(report.url()).endsWith("&oauth_signature=cs%2525secret%26");
    assertThat(report.toString())
        .contains("oauth_signature=██")
        .doesNotContain("cs%secret", "cs%25secret", "cs%2525secret");
  }
}
