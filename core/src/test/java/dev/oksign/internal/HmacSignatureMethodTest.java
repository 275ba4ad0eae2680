package dev.oksign.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The HMAC methods against a {@link Mac} of their own, for keys around the 64-byte block size. */
class HmacSignatureMethodTest {
  @Test
  void agreesWithMacForEveryKeyAndMessageLength() throws Exception {
    Random random = new Random(2104);
    String[][] algorithms = {{"HMAC-SHA1", "HmacSHA1"}, {"HMAC-SHA256", "HmacSHA256"}};
    for (String[] algorithm : algorithms) {
      HmacSignatureMethod method = new HmacSignatureMethod(algorithm[0], algorithm[1]);
      for (int keyLength : new int[] {0, 1, 16, 62, 63, 64, 65, 200}) {
        // The key is "clientSecret&tokenSecret": keyLength - 1 characters around the '&'.
        String clientSecret = letters(random, Math.max(0, keyLength - 1) / 2);
        String tokenSecret = letters(random, Math.max(0, keyLength - 1 - clientSecret.length()));
        for (int messageLength : new int[] {0, 1, 55, 56, 64, 119, 330, 1000}) {
          byte[] message = new byte[messageLength];
          random.nextBytes(message);
          String baseString = new String(message, StandardCharsets.ISO_8859_1);
          byte[] utf8 = baseString.getBytes(StandardCharsets.UTF_8);
          String expected = macBase64(algorithm[1], clientSecret + "&" + tokenSecret, utf8);
          assertThat(method.sign(baseString, clientSecret, tokenSecret))
              .as("%s key %d message %d", algorithm[0], keyLength, messageLength)
              .isEqualTo(expected);
          assertThat(method.key(clientSecret, tokenSecret).sign(utf8)).isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void switchingKeysNeverReusesTheOldKey() throws Exception {
    HmacSignatureMethod method = new HmacSignatureMethod("HMAC-SHA1", "HmacSHA1");
    byte[] message = "GET&x&y".getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < 3; i++) {
      assertThat(method.sign("GET&x&y", "a", "b")).isEqualTo(macBase64("HmacSHA1", "a&b", message));
      assertThat(method.sign("GET&x&y", "a", "c")).isEqualTo(macBase64("HmacSHA1", "a&c", message));
    }
  }

  /**
   * The base string written the long way, with strings, as RFC 5849 §3.4.1.1 reads: an oracle for
   * the byte writer of {@link BaseString#of}.
   */
  private static String longWay(String method, okhttp3.HttpUrl url, ParameterList params) {
    StringBuilder out = new StringBuilder(method.toUpperCase(java.util.Locale.ROOT));
    out.append('&').append(Percent.encode(BaseString.uri(url))).append('&');
    out.append(Percent.encode(params.normalized()));
    return out.toString();
  }

  @Test
  void theBaseStringBytesAreTheBaseString() {
    Random random = new Random(5849);
    String[] urls = {
      "https://api.flickr.com/services/rest/",
      "http://[::1]:8080/a%20b/c",
      "HTTP://Example.COM:443/%7Ex/y?z=1",
    };
    for (String url : urls) {
      for (int n = 0; n < 200; n++) {
        ParameterList params = new ParameterList(4);
        for (int i = random.nextInt(30); i > 0; i--) {
          params.add(letters(random, random.nextInt(9)), "%&=+ é" + letters(random, 40));
        }
        params.sort();
        okhttp3.HttpUrl httpUrl = okhttp3.HttpUrl.get(url);
        assertThat(new String(BaseString.of("post", httpUrl, params), StandardCharsets.UTF_8))
            .isEqualTo(longWay("POST", httpUrl, params));
      }
    }
    okhttp3.HttpUrl flickr = okhttp3.HttpUrl.get(urls[0]);
    assertThat(
            new String(BaseString.of("GÉT", flickr, new ParameterList(1)), StandardCharsets.UTF_8))
        .isEqualTo("GÉT&" + Percent.encode(urls[0]) + "&");
  }

  private static String macBase64(String algorithm, String key, byte[] message) throws Exception {
    Mac mac = Mac.getInstance(algorithm);
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
    return Base64.getEncoder().encodeToString(mac.doFinal(message));
  }

  private static String letters(Random random, int length) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) s.append((char) ('a' + random.nextInt(26)));
    return s.toString();
  }
}
