package dev.oksign.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;

/**
 * The hot path on its own: it signs the plain cases itself (the mission's vector, byte for byte),
 * and hands every other case back (null) for the general path, which {@code
 * HotPathDifferentialTest} compares it with.
 */
class HeaderSigningTest {
  static final String NONCE = "C2F26CD5C075BA9050AD8EE90644CF29";
  static final long TIMESTAMP = 1316657628L;

  final HeaderSigning flickr =
      new HeaderSigning(
          new HmacSignatureMethod("HMAC-SHA1", "HmacSHA1"),
          "1a3c208e172d3edc",
          "768fe946d252b119746fda82e1599980",
          null,
          true,
          false,
          "OAuth ");

  private Request sign(Request request, String... protocolPairs) {
    String url = request.url().toString();
    return flickr.sign(
        request,
        url,
        url.indexOf('?'),
        null,
        "",
        protocolPairs,
        Collections.emptyList(),
        TIMESTAMP,
        NONCE);
  }

  @Test
  void signsTheMissionVectorItself() {
    Request request =
        new Request.Builder().url("http://www.flickr.com/services/oauth/request_token").build();
    Request signed = sign(request, "oauth_callback", "http://www.wackylabs.net/oauth/test");
    assertThat(signed).isNotNull();
    assertThat(signed.header("Authorization"))
        .isEqualTo(
            "OAuth oauth_callback=\"http%3A%2F%2Fwww.wackylabs.net%2Foauth%2Ftest\", "
                + "oauth_consumer_key=\"768fe946d252b119746fda82e1599980\", "
                + "oauth_nonce=\"C2F26CD5C075BA9050AD8EE90644CF29\", "
                + "oauth_signature=\"0fhNGlzpFNAsTme%2FhDfUb5HPB5U%3D\", "
                + "oauth_signature_method=\"HMAC-SHA1\", "
                + "oauth_timestamp=\"1316657628\", "
                + "oauth_version=\"1.0\"");
  }

  @Test
  void signsQueriesAndFormsWithEscapesAndUtf8Itself() throws Exception {
    Request query =
        new Request.Builder().url("https://api.flickr.com/?b=x+y&a=%C3%A9&a&=v").build();
    assertSignsAsTheGeneralPath(query);
    // Empty pairs, and an '=' in a value: split in the same pass as they are transcoded.
    assertSignsAsTheGeneralPath(get("https://api.flickr.com/?&&a=b=c&&d&"));
    Request form =
        new Request.Builder()
            .url("https://api.flickr.com/services/rest/")
            .post(new FormBody.Builder().add("title", "Île de Ré, 14 July").add("z", "").build())
            .build();
    assertSignsAsTheGeneralPath(form);
  }

  @Test
  void handsBackWhatOnlyTheGeneralPathSignsOrRefuses() {
    // A form body that is not a FormBody: it must be read, which the general path does.
    Request rawForm =
        new Request.Builder()
            .url("https://api.flickr.com/")
            .post(RequestBody.create("a=1", MediaType.get("application/x-www-form-urlencoded")))
            .build();
    assertThat(sign(rawForm)).isNull();
    // An oauth_ parameter in the request: the general path refuses it, with its message.
    assertThat(sign(get("https://api.flickr.com/?oauth_token=t"))).isNull();
    // An escape of malformed UTF-8: OkHttp decodes it to U+FFFD, which the general path follows.
    assertThat(sign(get("https://api.flickr.com/?a=%FF"))).isNull();
    // A '%' that starts no escape in the query: the general path names it in its refusal.
    assertThat(sign(get("https://api.flickr.com/?a=%zz"))).isNull();
    assertThat(sign(get("https://api.flickr.com/?a%4=b"))).isNull();
    assertThat(sign(get("https://api.flickr.com/?a=b%"))).isNull();

    StringBuilder longValue = new StringBuilder();
    for (int i = 0; i <= HeaderSigning.MAX_CHARACTERS; i++) longValue.append('x');
    assertThat(sign(get("https://api.flickr.com/?a=" + longValue))).isNull();

    HttpUrl.Builder many = HttpUrl.get("https://api.flickr.com/").newBuilder();
    for (int i = 0; i <= HeaderSigning.MAX_PARAMETERS; i++) many.addQueryParameter("p", "");
    assertThat(sign(new Request.Builder().url(many.build()).build())).isNull();
    // One parameter fewer is the hot path's own.
    HttpUrl.Builder enough = HttpUrl.get("https://api.flickr.com/").newBuilder();
    for (int i = 0; i < HeaderSigning.MAX_PARAMETERS; i++) enough.addQueryParameter("p", "");
    assertThat(sign(new Request.Builder().url(enough.build()).build())).isNotNull();
  }

  /** The hot path signs {@code request} itself, with the header the general path writes. */
  private void assertSignsAsTheGeneralPath(Request request) throws Exception {
    Request signed = sign(request);
    assertThat(signed).as("signed by the hot path").isNotNull();
    dev.oksign.OAuth1Signer general =
        dev.oksign.OAuth1Signer.builder()
            .clientCredentials("768fe946d252b119746fda82e1599980", "1a3c208e172d3edc")
            .clock(
                java.time.Clock.fixed(
                    java.time.Instant.ofEpochSecond(TIMESTAMP), java.time.ZoneOffset.UTC))
            .nonces(() -> NONCE)
            .build();
    assertThat(signed.header("Authorization")).isEqualTo(general.report(request).authorization());
  }

  private static Request get(String url) {
    return new Request.Builder().url(url).build();
  }
}
