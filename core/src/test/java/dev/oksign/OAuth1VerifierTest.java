package dev.oksign;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.scribejava.core.builder.ServiceBuilder;
import com.github.scribejava.core.builder.api.DefaultApi10a;
import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Verb;
import com.github.scribejava.core.oauth.OAuth10aService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import oauth.signpost.basic.DefaultOAuthConsumer;
import okhttp3.FormBody;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;

/**
 * The verifier against signatures made outside this library: the OAuth Core 1.0 Appendix A.5
 * example, RFC 5849 §3.4.1.1, ScribeJava and Signpost, and HMACs computed here with the JDK.
 */
class OAuth1VerifierTest {
  // OAuth Core 1.0 Appendix A.5: the "photos" example, its secrets and its published signature.
  static final String CONSUMER_KEY = "dpf43f3p2l4k3l03";
  static final String CONSUMER_SECRET = "kd94hf93k423kf44";
  static final String TOKEN = "nnch734d00sl2jdk";
  static final String TOKEN_SECRET = "pfkkdhi9sl3r4s00";
  static final long TIMESTAMP = 1191242096L;
  static final HttpUrl PHOTOS =
      HttpUrl.get("http://photos.example.net/photos?file=vacation.jpg&size=original");
  static final String PHOTOS_SIGNATURE = "tR3+Ty81lMeYAr/Fid0kMTYa/WM=";
  static final String PHOTOS_BASE_STRING =
      "GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg"
          + "%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3Dkllo9940pd9333jh"
          + "%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1191242096"
          + "%26oauth_token%3Dnnch734d00sl2jdk%26oauth_version%3D1.0%26size%3Doriginal";
  static final String PHOTOS_PROTOCOL =
      "oauth_consumer_key=\"dpf43f3p2l4k3l03\", oauth_token=\"nnch734d00sl2jdk\","
          + " oauth_signature_method=\"HMAC-SHA1\", oauth_timestamp=\"1191242096\","
          + " oauth_nonce=\"kllo9940pd9333jh\", oauth_version=\"1.0\"";

  static OAuth1Verifier.Builder verifier(long now) {
    return OAuth1Verifier.builder()
        .clientSecrets(key -> key.equals(CONSUMER_KEY) ? CONSUMER_SECRET : null)
        .tokenSecrets(token -> token.equals(TOKEN) ? TOKEN_SECRET : null)
        .clock(Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC));
  }

  static Headers authorization(String value) {
    return Headers.of("Authorization", value);
  }

  static String photosHeader(String signature) {
    return "OAuth realm=\"http://photos.example.net/\", "
        + PHOTOS_PROTOCOL
        + ", oauth_signature=\""
        + signature
        + "\"";
  }

  /** HMAC-SHA1 with the JDK alone, to sign hand-written base strings. */
  static String hmacSha1(String key, String baseString) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
    return Base64.getEncoder()
        .encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void acceptsThePublishedExampleInTheAuthorizationHeader() {
    Verification v =
        verifier(TIMESTAMP)
            .build()
            .verify(
                "GET",
                PHOTOS,
                authorization(photosHeader("tR3%2BTy81lMeYAr%2FFid0kMTYa%2FWM%3D")),
                null);
    assertThat(v.problem()).isNull();
    assertThat(v.isValid()).isTrue();
    assertThat(v.baseString()).isEqualTo(PHOTOS_BASE_STRING);
    assertThat(v.consumerKey()).isEqualTo(CONSUMER_KEY);
    assertThat(v.token()).isEqualTo(TOKEN);
    assertThat(v.protocolParameters())
        .containsEntry("oauth_signature", PHOTOS_SIGNATURE)
        .doesNotContainKey("realm");
    assertThat(v.responseBody()).isEmpty();
  }

  @Test
  void acceptsTheRfc5849Section1_2RequestsAsPrinted() {
    // The RFC's header lines, unfolded: HMAC-SHA1 with realm, no oauth_version.
    Verification photos =
        verifier(137131202)
            .build()
            .verify(
                "GET",
                PHOTOS,
                authorization(
                    "OAuth realm=\"Photos\",     oauth_consumer_key=\"dpf43f3p2l4k3l03\","
                        + "     oauth_token=\"nnch734d00sl2jdk\","
                        + "     oauth_signature_method=\"HMAC-SHA1\","
                        + "     oauth_timestamp=\"137131202\",     oauth_nonce=\"chapoH\","
                        + "     oauth_signature=\"MdpQcU8iPSUjWoN%2FUDMsK2sui9I%3D\""),
                null);
    assertThat(photos.message()).isEqualTo("valid");

    // PLAINTEXT over https, with a callback: accepted only where PLAINTEXT is configured.
    String initiate =
        "OAuth realm=\"Photos\",     oauth_consumer_key=\"dpf43f3p2l4k3l03\","
            + "     oauth_signature_method=\"PLAINTEXT\",     oauth_timestamp=\"137131200\","
            + "     oauth_nonce=\"wIjqoS\","
            + "     oauth_callback=\"http%3A%2F%2Fprinter.example.com%2Fready\","
            + "     oauth_signature=\"kd94hf93k423kf44%26\"";
    OAuth1Verifier.Builder plaintext =
        OAuth1Verifier.builder()
            .clientSecrets(key -> key.equals(CONSUMER_KEY) ? CONSUMER_SECRET : null)
            .clock(Clock.fixed(Instant.ofEpochSecond(137131200), ZoneOffset.UTC));
    HttpUrl url = HttpUrl.get("https://photos.example.net/initiate");
    assertThat(plaintext.build().verify("POST", url, authorization(initiate), null).problem())
        .isEqualTo("signature_method_rejected");
    Verification v =
        plaintext
            .signatureMethods(SignatureMethod.PLAINTEXT)
            .build()
            .verify("POST", url, authorization(initiate), null);
    assertThat(v.message()).isEqualTo("valid");
    assertThat(v.protocolParameters())
        .containsEntry("oauth_callback", "http://printer.example.com/ready");
  }

  @Test
  void acceptsRsaSha1WithThePublicKey() throws Exception {
    java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
    generator.initialize(1024); // small: a test key, made fast
    java.security.KeyPair keys = generator.generateKeyPair();
    OAuth1Signer signer =
        OAuth1Signer.builder()
            .clientCredentials(CONSUMER_KEY, "unused")
            .signatureMethod(SignatureMethod.rsaSha1(keys.getPrivate()))
            .clock(Clock.fixed(Instant.ofEpochSecond(TIMESTAMP), ZoneOffset.UTC))
            .build();
    Request signed = signer.sign(new Request.Builder().url(PHOTOS).build());
    OAuth1Verifier verifier =
        verifier(TIMESTAMP)
            .rsaSha1PublicKeys(key -> key.equals(CONSUMER_KEY) ? keys.getPublic() : null)
            .build();
    assertThat(verifier.verify(signed).message()).isEqualTo("valid");
    Request tampered =
        signed.newBuilder().url(PHOTOS.newBuilder().setQueryParameter("size", "x").build()).build();
    assertThat(verifier.verify(tampered).problem()).isEqualTo("signature_invalid");
  }

  @Test
  void acceptsThePublishedExampleInTheQuery() {
    HttpUrl url =
        PHOTOS
            .newBuilder()
            .addQueryParameter("oauth_consumer_key", CONSUMER_KEY)
            .addQueryParameter("oauth_token", TOKEN)
            .addQueryParameter("oauth_signature_method", "HMAC-SHA1")
            .addQueryParameter("oauth_timestamp", Long.toString(TIMESTAMP))
            .addQueryParameter("oauth_nonce", "kllo9940pd9333jh")
            .addQueryParameter("oauth_version", "1.0")
            .addQueryParameter("oauth_signature", PHOTOS_SIGNATURE)
            .build();
    Verification v = verifier(TIMESTAMP).build().verify("GET", url, Headers.of(), null);
    assertThat(v.problem()).isNull();
    assertThat(v.baseString()).isEqualTo(PHOTOS_BASE_STRING);
  }

  @Test
  void acceptsTheParametersInAFormBody() throws Exception {
    // The example's parameters, all in a POST body: the base string by hand, the HMAC by the JDK.
    String baseString =
        "POST&http%3A%2F%2Fphotos.example.net%2Fphotos&" + PHOTOS_BASE_STRING.split("&")[2];
    String signature = hmacSha1(CONSUMER_SECRET + "&" + TOKEN_SECRET, baseString);
    String body =
        "file=vacation.jpg&size=original&oauth_consumer_key=dpf43f3p2l4k3l03"
            + "&oauth_token=nnch734d00sl2jdk&oauth_signature_method=HMAC-SHA1"
            + "&oauth_timestamp=1191242096&oauth_nonce=kllo9940pd9333jh&oauth_version=1.0"
            + "&oauth_signature="
            + java.net.URLEncoder.encode(signature, StandardCharsets.UTF_8);
    Verification v =
        verifier(TIMESTAMP)
            .build()
            .verify(
                "POST",
                HttpUrl.get("http://photos.example.net/photos"),
                Headers.of("Content-Type", "application/x-www-form-urlencoded"),
                body.getBytes(StandardCharsets.UTF_8));
    assertThat(v.problem()).isNull();
    assertThat(v.baseString()).isEqualTo(baseString);
  }

  @Test
  void computesTheRfc5849ExampleBaseStringFromHeaderQueryAndBody() {
    // RFC 5849 §3.4.1.1. Its secrets are not published, so the signature is refused; what matters
    // is that the base string is the RFC's, realm left out, body and query both included.
    Verification v =
        OAuth1Verifier.builder()
            .clientSecrets(key -> "unpublished")
            .tokenSecrets(token -> "unpublished")
            .clock(Clock.fixed(Instant.ofEpochSecond(137131201), ZoneOffset.UTC))
            .build()
            .verify(
                "POST",
                HttpUrl.get("http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b"),
                Headers.of(
                    "Authorization",
                    "OAuth realm=\"Example\",\n".replace("\n", "")
                        + " oauth_consumer_key=\"9djdj82h48djs9d2\","
                        + " oauth_token=\"kkk9d7dh3k39sjv7\","
                        + " oauth_signature_method=\"HMAC-SHA1\","
                        + " oauth_timestamp=\"137131201\","
                        + " oauth_nonce=\"7d8f3e4a\","
                        + " oauth_signature=\"djosJKDKJSD8743243%2Fjdk33klY%3D\"",
                    "Content-Type",
                    "application/x-www-form-urlencoded"),
                "c2&a3=2+q".getBytes(StandardCharsets.UTF_8));
    assertThat(v.problem()).isEqualTo("signature_invalid");
    assertThat(v.baseString())
        .isEqualTo(
            "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q"
                + "%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_"
                + "key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_m"
                + "ethod%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk"
                + "9d7dh3k39sjv7");
    assertThat(v.responseBody())
        .isEqualTo("oauth_problem=signature_invalid&debug_sbs=" + v.baseString());
  }

  @Test
  void acceptsAHeaderSignedByScribeJavaWithAFormBody() throws Exception {
    OAuth10aService scribe =
        new ServiceBuilder(CONSUMER_KEY)
            .apiSecret(CONSUMER_SECRET)
            .build(
                new DefaultApi10a() {
                  @Override
                  public String getRequestTokenEndpoint() {
                    return "http://photos.example.net/request_token";
                  }

                  @Override
                  public String getAccessTokenEndpoint() {
                    return "http://photos.example.net/access_token";
                  }

                  @Override
                  protected String getAuthorizationBaseUrl() {
                    return "http://photos.example.net/authorize";
                  }
                });
    OAuthRequest request =
        new OAuthRequest(Verb.POST, "http://photos.example.net/photos?size=original");
    request.addBodyParameter("title", "Café & friends");
    request.addBodyParameter("tags", "a+b c");
    scribe.signRequest(new OAuth1AccessToken(TOKEN, TOKEN_SECRET), request);

    Verification v =
        verifier(Instant.now().getEpochSecond())
            .build()
            .verify(
                "POST",
                HttpUrl.get(request.getCompleteUrl()),
                Headers.of(
                    "Authorization",
                    request.getHeaders().get("Authorization"),
                    "Content-Type",
                    "application/x-www-form-urlencoded"),
                request.getByteArrayPayload());
    assertThat(v.message()).isEqualTo("valid");
    assertThat(v.isValid()).isTrue();
  }

  @Test
  void acceptsAQuerySignedBySignpost() throws Exception {
    DefaultOAuthConsumer signpost = new DefaultOAuthConsumer(CONSUMER_KEY, CONSUMER_SECRET);
    signpost.setTokenWithSecret(TOKEN, TOKEN_SECRET);
    String signed =
        signpost.sign("http://photos.example.net/photos?file=vacation.jpg&size=original");

    Verification v =
        verifier(Instant.now().getEpochSecond())
            .build()
            .verify("GET", HttpUrl.get(signed), Headers.of(), null);
    assertThat(v.message()).isEqualTo("valid");
    assertThat(v.protocolParameters()).containsKey("oauth_signature");
  }

  @Test
  void readsAnEmptyTokenAsNoToken() throws Exception {
    // Some clients send oauth_token="" to request_token; it is signed, but names no token.
    DefaultOAuthConsumer signpost = new DefaultOAuthConsumer(CONSUMER_KEY, CONSUMER_SECRET);
    signpost.setSendEmptyTokens(true);
    signpost.setTokenWithSecret("", "");
    String signed = signpost.sign("http://photos.example.net/request_token");
    assertThat(HttpUrl.get(signed).queryParameter("oauth_token")).isEmpty();

    Verification v =
        verifier(Instant.now().getEpochSecond())
            .tokenSecrets(token -> null)
            .build()
            .verify("GET", HttpUrl.get(signed), Headers.of(), null);
    assertThat(v.message()).isEqualTo("valid");
    assertThat(v.token()).isNull();
  }

  @Test
  void acceptsRequestsFromTheSignerInEachPlacement() throws Exception {
    OAuth1Verifier verifier = verifier(TIMESTAMP).build();
    for (Placement placement : Placement.values()) {
      OAuth1Signer signer =
          OAuth1Signer.builder()
              .clientCredentials(CONSUMER_KEY, CONSUMER_SECRET)
              .token(TOKEN, TOKEN_SECRET)
              .clock(Clock.fixed(Instant.ofEpochSecond(TIMESTAMP), ZoneOffset.UTC))
              .nonces(() -> "nonce-" + placement)
              .placement(placement)
              .build();
      Request request =
          new Request.Builder()
              .url("https://up.flickr.com/services/upload/?x=1%202")
              .post(new FormBody.Builder().add("title", "Ünïcode ☃ & more").build())
              .build();
      Verification v = verifier.verify(signer.sign(request));
      assertThat(v.message()).as(placement.toString()).isEqualTo("valid");
    }
  }

  @Test
  void readsEmptyQueryPairsAsTheSignerDoes() throws Exception {
    // "&&", a lone "?" and a trailing "&" hold no pair; "?=" and "?a" do.
    OAuth1Verifier verifier = verifier(TIMESTAMP).build();
    for (String query : new String[] {"?a=1&&b=2", "?", "?a=1&", "?=&a", "?a&&=x"}) {
      OAuth1Signer signer =
          OAuth1Signer.builder()
              .clientCredentials(CONSUMER_KEY, CONSUMER_SECRET)
              .clock(Clock.fixed(Instant.ofEpochSecond(TIMESTAMP), ZoneOffset.UTC))
              .nonces(() -> "nonce" + query)
              .build();
      Request request = new Request.Builder().url("https://api.flickr.com/x" + query).build();
      assertThat(verifier.verify(signer.sign(request)).message()).as(query).isEqualTo("valid");
    }
    assertThat(
            verifier
                .verify(
                    "GET",
                    HttpUrl.get(
                        "http://photos.example.net/photos?&file=vacation.jpg&&size=original&"),
                    authorization(photosHeader("tR3%2BTy81lMeYAr%2FFid0kMTYa%2FWM%3D")),
                    null)
                .baseString())
        .isEqualTo(PHOTOS_BASE_STRING);
  }

  @Test
  void acceptsMultipartTextFieldsPassedAsAdditionalSignedParameters() throws Exception {
    // Flickr's upload signs the text fields of a multipart body, which no parser can know of.
    OAuth1Signer signer =
        OAuth1Signer.builder()
            .clientCredentials(CONSUMER_KEY, CONSUMER_SECRET)
            .token(TOKEN, TOKEN_SECRET)
            .clock(Clock.fixed(Instant.ofEpochSecond(TIMESTAMP), ZoneOffset.UTC))
            .build();
    Request request =
        new Request.Builder()
            .url("https://up.flickr.com/services/upload/")
            .post(
                new MultipartBody.Builder()
                    .setType(MultipartBody.FORM)
                    .addFormDataPart("title", "Sunset")
                    .addFormDataPart(
                        "photo",
                        "p.jpg",
                        RequestBody.create(new byte[] {1, 2}, MediaType.get("image/jpeg")))
                    .build())
            .tag(
                SigningOptions.class,
                SigningOptions.builder().signedParameter("title", "Sunset").build())
            .build();
    Request signed = signer.sign(request);
    List<Map.Entry<String, String>> fields = List.of(Map.entry("title", "Sunset"));

    OAuth1Verifier verifier = verifier(TIMESTAMP).build();
    assertThat(verifier.verify("POST", signed.url(), signed.headers(), null, List.of()).problem())
        .isEqualTo("signature_invalid");
    assertThat(verifier.verify("POST", signed.url(), signed.headers(), null, fields).problem())
        .isNull();
  }

  @Test
  void refusesATamperedParameter() {
    HttpUrl tampered = PHOTOS.newBuilder().setQueryParameter("size", "large").build();
    Verification v =
        verifier(TIMESTAMP)
            .build()
            .verify(
                "GET",
                tampered,
                authorization(photosHeader("tR3%2BTy81lMeYAr%2FFid0kMTYa%2FWM%3D")),
                null);
    assertThat(v.problem()).isEqualTo("signature_invalid");
    assertThat(v.baseString()).endsWith("%26size%3Dlarge");
  }

  @Test
  void refusesASignatureMadeWithAnotherSecret() {
    Verification v =
        verifier(TIMESTAMP)
            .tokenSecrets(token -> "another-secret")
            .build()
            .verify(
                "GET",
                PHOTOS,
                authorization(photosHeader("tR3%2BTy81lMeYAr%2FFid0kMTYa%2FWM%3D")),
                null);
    assertThat(v.problem()).isEqualTo("signature_invalid");
    assertThat(v.baseString()).isEqualTo(PHOTOS_BASE_STRING);
    assertThat(v.toString()).doesNotContain("another-secret").doesNotContain(CONSUMER_SECRET);
  }

  @Test
  void refusesAnUnknownConsumerAndAnUnknownToken() {
    String header = photosHeader("tR3%2BTy81lMeYAr%2FFid0kMTYa%2FWM%3D");
    assertThat(
            verifier(TIMESTAMP)
                .clientSecrets(key -> null)
                .build()
                .verify("GET", PHOTOS, authorization(header), null)
                .problem())
        .isEqualTo("consumer_key_unknown");
    assertThat(
            verifier(TIMESTAMP)
                .tokenSecrets(token -> null)
                .build()
                .verify("GET", PHOTOS, authorization(header), null)
                .problem())
        .isEqualTo("token_rejected");
  }

  @Test
  void refusesATimestampOutsideTheWindow() {
    OAuth1Verifier verifier =
        verifier(TIMESTAMP + 301).timestampWindow(Duration.ofMinutes(5)).build();
    Verification v =
        verifier.verify(
            "GET",
            PHOTOS,
            authorization(photosHeader("tR3%2BTy81lMeYAr%2FFid0kMTYa%2FWM%3D")),
            null);
    assertThat(v.problem()).isEqualTo("timestamp_refused");
    assertThat(v.message()).contains("301 seconds behind");
    assertThat(v.responseBody())
        .startsWith(
            "oauth_problem=timestamp_refused&oauth_acceptable_timestamps=1191242097-1191242697&debug_sbs=GET&");

    // 300 seconds late is still inside the window, and so is 300 seconds early.
    assertThat(
            verifier(TIMESTAMP + 300)
                .build()
                .verify(
                    "GET",
                    PHOTOS,
                    authorization(photosHeader("tR3%2BTy81lMeYAr%2FFid0kMTYa%2FWM%3D")),
                    null)
                .problem())
        .isNull();
    assertThat(
            verifier(TIMESTAMP - 300)
                .build()
                .verify(
                    "GET",
                    PHOTOS,
                    authorization(photosHeader("tR3%2BTy81lMeYAr%2FFid0kMTYa%2FWM%3D")),
                    null)
                .problem())
        .isNull();
    assertThat(
            verifier(TIMESTAMP - 301)
                .build()
                .verify(
                    "GET",
                    PHOTOS,
                    authorization(photosHeader("tR3%2BTy81lMeYAr%2FFid0kMTYa%2FWM%3D")),
                    null)
                .problem())
        .isEqualTo("timestamp_refused");
  }

  @Test
  void refusesAReplayedNonce() {
    OAuth1Verifier verifier = verifier(TIMESTAMP).build();
    Headers headers = authorization(photosHeader("tR3%2BTy81lMeYAr%2FFid0kMTYa%2FWM%3D"));
    assertThat(verifier.verify("GET", PHOTOS, headers, null).problem()).isNull();
    Verification replay = verifier.verify("GET", PHOTOS, headers, null);
    assertThat(replay.problem()).isEqualTo("nonce_used");
    assertThat(replay.message()).contains("kllo9940pd9333jh");
  }

  @Test
  void doesNotRecordTheNonceOfARefusedRequest() {
    OAuth1Verifier verifier = verifier(TIMESTAMP).build();
    assertThat(
            verifier.verify("GET", PHOTOS, authorization(photosHeader("forged")), null).problem())
        .isEqualTo("signature_invalid");
    assertThat(
            verifier
                .verify(
                    "GET",
                    PHOTOS,
                    authorization(photosHeader("tR3%2BTy81lMeYAr%2FFid0kMTYa%2FWM%3D")),
                    null)
                .problem())
        .isNull();
  }

  @Test
  void namesTheAbsentParameters() {
    Verification v =
        verifier(TIMESTAMP)
            .build()
            .verify(
                "GET",
                PHOTOS,
                authorization(
                    "OAuth oauth_consumer_key=\"dpf43f3p2l4k3l03\","
                        + " oauth_signature_method=\"HMAC-SHA1\", oauth_signature=\"x\""),
                null);
    assertThat(v.problem()).isEqualTo("parameter_absent");
    assertThat(v.parametersAbsent()).containsExactly("oauth_timestamp", "oauth_nonce");
    assertThat(v.responseBody())
        .startsWith(
            "oauth_problem=parameter_absent&oauth_parameters_absent=oauth_timestamp%26oauth_nonce&debug_sbs=GET&");
  }

  @Test
  void refusesARepeatedParameterAndParametersInTwoPlaces() {
    OAuth1Verifier verifier = verifier(TIMESTAMP).build();
    Verification repeated =
        verifier.verify(
            "GET", PHOTOS, authorization(photosHeader("x") + ", oauth_nonce=\"other\""), null);
    assertThat(repeated.problem()).isEqualTo("parameter_rejected");
    assertThat(repeated.message())
        .isEqualTo("oauth_nonce appears twice in the Authorization header");

    Verification twoPlaces =
        verifier.verify(
            "GET",
            PHOTOS.newBuilder().addQueryParameter("oauth_callback", "oob").build(),
            authorization(photosHeader("x")),
            null);
    assertThat(twoPlaces.problem()).isEqualTo("parameter_rejected");
    assertThat(twoPlaces.message())
        .startsWith("protocol parameters are in both the Authorization header and the query");
  }

  @Test
  void refusesAMalformedHeaderAndAnUnacceptedMethodOrVersion() {
    OAuth1Verifier verifier = verifier(TIMESTAMP).build();
    assertThat(
            verifier
                .verify("GET", PHOTOS, authorization("OAuth oauth_nonce=\"abc"), null)
                .problem())
        .isEqualTo("parameter_rejected");
    assertThat(
            verifier
                .verify(
                    "GET",
                    PHOTOS,
                    authorization(photosHeader("x").replace("HMAC-SHA1", "RSA-SHA1")),
                    null)
                .problem())
        .isEqualTo("signature_method_rejected");
    assertThat(
            verifier
                .verify(
                    "GET",
                    PHOTOS,
                    authorization(photosHeader("x").replace("\"1.0\"", "\"2.0\"")),
                    null)
                .problem())
        .isEqualTo("version_rejected");
  }
}
