package dev.oksign.internal;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oksign.SigningOptions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
    return sign(request, TIMESTAMP, protocolPairs);
  }

  private Request sign(Request request, long timestamp, String... protocolPairs) {
    String url = request.url().toString();
    return flickr.sign(
        request,
        url,
        url.indexOf('?'),
        null,
        "",
        protocolPairs,
        Collections.emptyList(),
        timestamp,
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

  /**
   * The queries {@code HotPathDifferentialTest} puts at the edges of splitting on '&' and '=' that
   * are well formed: signed here, not handed back.
   */
  @Test
  void signsQueriesAtTheEdgesOfSplittingItself() throws Exception {
    String[] queries = {
      "a",
      "a&b&c",
      "%C3%A9&b",
      "+&a=b",
      "a=1&b%2b",
      "&a=b",
      "&",
      "=",
      "=&=",
      "&&",
      "a=b=c",
      "a=%c3%a9&b=%C3%a9&c=%e2%82%ac",
      "a=b#x%zz",
      "a=b&&",
      "%3D=%26&%26=%3D",
      "a%20b=c%2Bd+e",
      "z=%E2%98%83&b=x+y&c=x%2By&a=1&a=2&a&a=1&~=*",
    };
    for (String query : queries) assertSignsAsTheGeneralPath(get("https://e.com/x?" + query));
  }

  /** The timestamp's digits, kept per thread, follow the clock whichever way it moves. */
  @Test
  void signsEveryTimestampItself() throws Exception {
    Request request = get("https://api.flickr.com/x?a=b");
    for (long t : new long[] {9, 10, 9, 0, 1316657628, 1316657628, 99999999999L, 1}) {
      assertSignsAsTheGeneralPath(request, t);
      assertThat(sign(request, t).header("Authorization"))
          .contains("oauth_timestamp=\"" + t + "\"");
    }
  }

  /**
   * More protocol parameters than the per-thread arrays first hold, and more names than a thread
   * keeps pieces for, in every order, twice: pieces are made, kept, replaced and made again.
   */
  @Test
  void signsManyProtocolParametersItself() throws Exception {
    String[] names = {
      "oauth_callback",
      "oauth_verifier",
      "oauth_zz",
      "oauth_a",
      "oauth_tokem",
      "oauth_token_x",
      "oauth_signaturf",
      "oauth_p q",
      "oauth_m",
      "oauth_b",
      "oauth_y",
      "oauth_c",
      "oauth_x",
      "oauth_d",
      "oauth_nonce_x",
      "oauth_é"
    };
    String[] pairs = new String[2 * names.length];
    for (int i = 0; i < names.length; i++) {
      pairs[2 * i] = names[i];
      pairs[2 * i + 1] = "value of " + names[i];
    }
    Request request = get("https://e.com/x?z=1&a=2&oauthz=3");
    for (int round = 0; round < 2; round++) {
      assertSignsAsTheGeneralPath(request, pairs);
      assertSignsAsTheGeneralPath(request, "oauth_callback", "oob", "oauth_verifier", "v");
    }
  }

  /**
   * Headers of every length up to the size bound, through the growth of the thread's arrays for
   * values (256 bytes first) and headers (512): written whole by the hot path itself.
   */
  @Test
  void signsCallbacksOfEveryLengthItself() throws Exception {
    Request request = get("https://api.flickr.com/services/rest/");
    for (int length = 0; length < 4000; length += length < 700 ? 1 : 61) {
      assertSignsAsTheGeneralPath(request, "oauth_callback", "a%".repeat(length / 2));
    }
  }

  @Test
  void keepsAPieceForEachRecentName() {
    HeaderSigning.Scratch scratch = new HeaderSigning.Scratch();
    HeaderSigning.Piece callback = scratch.namePiece("oauth_callback");
    assertThat(scratch.namePiece(new String("oauth_callback"))).isSameAs(callback);
    assertThat(new String(callback.header, US_ASCII)).isEqualTo("oauth_callback=\"\"");
    assertThat(new String(callback.base, US_ASCII)).isEqualTo("oauth_callback%3D");
    assertThat(new String(scratch.namePiece("oauth_p q").base, US_ASCII))
        .isEqualTo("oauth_p%2520q%3D");

    for (int i = 0; i < 8; i++) scratch.namePiece("oauth_" + i); // the oldest kept is replaced
    HeaderSigning.Piece again = scratch.namePiece("oauth_callback");
    assertThat(again).isNotSameAs(callback);
    assertThat(again.base).isEqualTo(callback.base);
    assertThat(again.header).isEqualTo(callback.header);
    assertThat(again.afterSignature).isEqualTo(callback.afterSignature).isFalse();
    assertThat(scratch.namePiece("oauth_verifier").afterSignature).isTrue();
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
    assertThat(sign(get("https://api.flickr.com/?x%&y"))).isNull();
    assertThat(sign(get("https://api.flickr.com/?x%4&y=1"))).isNull();
    assertThat(sign(get("https://api.flickr.com/?%C3&a=b"))).isNull(); // a truncated sequence

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
  private void assertSignsAsTheGeneralPath(Request request, String... protocolPairs)
      throws Exception {
    assertSignsAsTheGeneralPath(request, TIMESTAMP, protocolPairs);
  }

  private void assertSignsAsTheGeneralPath(Request request, long timestamp, String... protocolPairs)
      throws Exception {
    Request signed = sign(request, timestamp, protocolPairs);
    assertThat(signed).as("signed by the hot path: %s", request.url()).isNotNull();
    dev.oksign.OAuth1Signer general =
        dev.oksign.OAuth1Signer.builder()
            .clientCredentials("768fe946d252b119746fda82e1599980", "1a3c208e172d3edc")
            .clock(Clock.fixed(Instant.ofEpochSecond(timestamp), ZoneOffset.UTC))
            .nonces(() -> NONCE)
            .build();
    if (protocolPairs.length > 0) {
      SigningOptions.Builder options = SigningOptions.builder();
      for (int i = 0; i < protocolPairs.length; i += 2) {
        options.protocolParameter(protocolPairs[i], protocolPairs[i + 1]);
      }
      request = request.newBuilder().tag(SigningOptions.class, options.build()).build();
    }
    assertThat(signed.header("Authorization"))
        .as("%s", request.url())
        .isEqualTo(general.report(request).authorization());
  }

  private static Request get(String url) {
    return new Request.Builder().url(url).build();
  }
}
