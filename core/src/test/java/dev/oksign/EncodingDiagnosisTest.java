package dev.oksign;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The diagnosis names how a parameter's value was encoded differently: twice (and on which side),
 * with lower-case hex escapes, or with a reserved character left as is; {@code +} for a space is
 * named as before.
 */
class EncodingDiagnosisTest {
  /** RFC 5849 §3.6, written out here: every byte but A-Z a-z 0-9 - . _ ~ as upper-case %XX. */
  private static String enc(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  /** A base string whose parameter {@code url} has the value {@code encodedValue} as written. */
  private static String base(String encodedValue) {
    return "GET&"
        + enc("https://api.example.com/photos")
        + "&"
        + enc("oauth_consumer_key=k&oauth_nonce=n&url=" + encodedValue);
  }

  /** The first line of the diagnosis of the server's value against ours. */
  private static String firstLine(String serverValue, String ourValue) {
    String diagnosis = OAuthProblemException.diagnose(base(serverValue), base(ourValue));
    return diagnosis.substring(0, diagnosis.indexOf('\n'));
  }

  @Test
  void namesAValueEncodedTwiceOnTheServerSide() {
    assertThat(firstLine("http%253A%252F%252Fexample.com%252F", "http%3A%2F%2Fexample.com%2F"))
        .isEqualTo(
            "The base strings first differ in the parameters: the value of url is"
                + " http%253A%252F%252Fexample.com%252F at the server, http%3A%2F%2Fexample.com%2F"
                + " in what we signed: encoded twice on the server side (the server's value"
                + " decodes once more to ours: it encoded the value as it arrived, still encoded,"
                + " or a proxy encoded the URL again).");
  }

  @Test
  void namesAValueEncodedTwiceOnOurSide() {
    assertThat(firstLine("http%3A%2F%2Fexample.com%2F", "http%253A%252F%252Fexample.com%252F"))
        .isEqualTo(
            "The base strings first differ in the parameters: the value of url is"
                + " http%3A%2F%2Fexample.com%2F at the server, http%253A%252F%252Fexample.com%252F"
                + " in what we signed: encoded twice on our side (our value decodes once more to"
                + " the server's: the value was percent-encoded before it was added to the"
                + " request, which encoded it again; add it decoded).");
  }

  @Test
  void namesLowerCaseHexEscapes() {
    assertThat(firstLine("http%3a%2f%2fexample.com%2f", "http%3A%2F%2Fexample.com%2F"))
        .isEqualTo(
            "The base strings first differ in the parameters: the value of url is"
                + " http%3a%2f%2fexample.com%2f at the server, http%3A%2F%2Fexample.com%2F in what"
                + " we signed: the same value, but the server wrote its hex escapes in lower case"
                + " (%3a), which RFC 5849 §3.6 requires in upper case (%3A).");
  }

  @Test
  void namesAReservedCharacterLeftUnencoded() {
    assertThat(firstLine("http://example.com/", "http%3A%2F%2Fexample.com%2F"))
        .isEqualTo(
            "The base strings first differ in the parameters: the value of url is"
                + " http://example.com/ at the server, http%3A%2F%2Fexample.com%2F in what we"
                + " signed: the same value, but the server left ':' unencoded, which RFC 5849"
                + " §3.6 encodes (%3A): only A-Z a-z 0-9 - . _ ~ stay as they are.");
    assertThat(firstLine("a%2Bb", "a+b"))
        .isEqualTo(
            "The base strings first differ in the parameters: the value of url is a%2Bb at the"
                + " server, a+b in what we signed: the same value, but we left '+' unencoded,"
                + " which RFC 5849 §3.6 encodes (%2B): only A-Z a-z 0-9 - . _ ~ stay as they"
                + " are.");
  }

  @Test
  void stillNamesAPlusForASpace() {
    assertThat(firstLine("a+b", "a%20b"))
        .endsWith(
            ": encoded differently, a space sent as + was read as a plus sign (send spaces as"
                + " %20).");
  }
}
