package dev.oksign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.oksign.internal.FormResponse;
import org.junit.jupiter.api.Test;

class FormResponseTest {
  @Test
  void decodesTokenResponses() {
    assertThat(
            FormResponse.parse(
                "fullname=Jamal%20Fanaian&oauth_token=72157626318069415-087bfc7b5816092c"
                    + "&oauth_token_secret=a202d1f853ec69de&user_nsid=21207597%40N07"
                    + "&username=jamalfanaian\n"))
        .containsExactly(
            entry("fullname", "Jamal Fanaian"),
            entry("oauth_token", "72157626318069415-087bfc7b5816092c"),
            entry("oauth_token_secret", "a202d1f853ec69de"),
            entry("user_nsid", "21207597@N07"),
            entry("username", "jamalfanaian"));
  }

  @Test
  void readsFlickrsUnencodedDebugSbs() {
    assertThat(
            FormResponse.parse(
                "oauth_problem=signature_invalid&debug_sbs=GET&https%3A%2F%2Fwww.flickr.com"
                    + "%2Fservices%2Foauth%2Frequest_token&oauth_callback%3Doob"
                    + "%26oauth_consumer_key%3Dabc"))
        .containsExactly(
            entry("oauth_problem", "signature_invalid"),
            entry(
                "debug_sbs",
                "GET&https%3A%2F%2Fwww.flickr.com%2Fservices%2Foauth%2Frequest_token"
                    + "&oauth_callback%3Doob%26oauth_consumer_key%3Dabc"));
  }

  @Test
  void readsARawDebugSbsFollowedByAnotherFieldAndAnEncodedOne() {
    assertThat(
            FormResponse.parse(
                "debug_sbs=POST&http%3A%2F%2Fx.test%2F&a%3D1&oauth_problem=signature_invalid"))
        .containsExactly(
            entry("debug_sbs", "POST&http%3A%2F%2Fx.test%2F&a%3D1"),
            entry("oauth_problem", "signature_invalid"));
    assertThat(FormResponse.parse("oauth_problem=x&debug_sbs=GET%26http%253A%252F%252Fx%26"))
        .containsEntry("debug_sbs", "GET&http%3A%2F%2Fx&");
  }

  @Test
  void toleratesUnencodedSpaces() {
    assertThat(
            FormResponse.parse(
                "oauth_problem=signature_invalid&oauth_problem_advice=Invalid signature"))
        .containsEntry("oauth_problem_advice", "Invalid signature");
  }

  @Test
  void refusesWhatIsNotAForm() {
    assertThat(FormResponse.parse("")).isNull();
    assertThat(FormResponse.parse("  \n")).isNull();
    assertThat(FormResponse.parse("<html><body>Internal Server Error</body></html>")).isNull();
    assertThat(FormResponse.parse("{\"stat\":\"fail\",\"code\":98}")).isNull();
    assertThat(FormResponse.parse("Invalid signature, please retry")).isNull();
    assertThat(FormResponse.parse("Error: oauth_token=abc is not valid")).isNull();
    assertThat(FormResponse.parse("a=1\nb=2")).isNull();
    assertThat(FormResponse.parse("oauth_problem=token_rejected"))
        .containsOnlyKeys("oauth_problem");
  }
}
