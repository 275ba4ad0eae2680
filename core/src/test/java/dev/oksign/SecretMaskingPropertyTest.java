package dev.oksign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Issue 16.3: a token secret in a provider's answer must not reach a refusal's message, snippet or
 * parameters, wherever it stands in the body and however the body is separated or encoded.
 */
class SecretMaskingPropertyTest {
  /** The secret's first and last characters: neither may show, in any encoding. */
  static final String HEAD = "QXHEADQ";

  static final String TAIL = "QXTAILQ";

  static final String OURS =
      "GET&https%3A%2F%2Fapi.flickr.com%2Fservices%2Frest&oauth_consumer_key%3Dk";

  enum Shape {
    AMPERSAND_FORM,
    SEMICOLON_FORM,
    FORM_ENCODED_WHOLE,
    FORM_ENCODED_TWICE,
    JSON,
    XML,
    HEADER_LINES
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }

  @Property(tries = 3000)
  void theSecretNeverShows(
      @ForAll("seeds") long seed,
      @ForAll Shape shape,
      @ForAll("statuses") int status,
      @ForAll boolean asRefusal) {
    Random random = new Random(seed);
    String body = body(random, shape, asRefusal);
    OAuthProblemException e = OAuthProblemException.of("access_token", status, body, OURS, null);
    assertHidden(e.getMessage(), body);
    assertHidden(String.valueOf(e.bodySnippet()), body);
    for (Map.Entry<String, String> p : e.parameters().entrySet()) {
      assertHidden(p.getKey() + "=" + p.getValue(), body);
    }
    assertHidden(String.valueOf(e.advice()), body);
  }

  @Provide
  Arbitrary<Integer> statuses() {
    return Arbitraries.of(200, 400, 401);
  }

  @Example
  void theReportedShapes() {
    String[][] cases = {
      {"oauth_token=t;oauth_token_secret=S3CR3T", "oauth_token=t;oauth_token_secret=██"},
      {
        "oauth_token=t&oauth_token_s%65cret=S3CR3T&x=1", "oauth_token=t&oauth_token_s%65cret=██&x=1"
      },
      {
        "oauth_token%3Dt%26oauth_token_secret%3DS3CR3T%26x%3D1",
        "oauth_token%3Dt%26oauth_token_secret%3D██"
      },
      {"oauth_token_secret=S3<CR3T&x=1", "oauth_token_secret=██&x=1"},
      {"oauth_token_secret=\"S3\"CR3T&x=1", "oauth_token_secret=██&x=1"},
      {"oauth_token_secret=S3;CR3T&x=1", "oauth_token_secret=██&x=1"},
      {"{\"oauth_token_s\\u0065cret\":\"S3CR3T\"}", "{\"oauth_token_s\\u0065cret\":██}"},
    };
    for (String[] c : cases) {
      OAuthProblemException e = OAuthProblemException.of("access_token", 200, c[0], OURS, null);
      assertThat(e.bodySnippet()).as(c[0]).isEqualTo(c[1]);
      assertThat(e.getMessage()).as(c[0]).doesNotContain("CR3T");
      assertThat(e.parameters().toString()).as(c[0]).doesNotContain("CR3T");
    }
  }

  /** Fails if {@code shown}, decoded as far as it goes, holds a piece of the secret. */
  static void assertHidden(String shown, String body) {
    String decoded = decodeFully(shown).toUpperCase(Locale.ROOT);
    assertThat(decoded).as("from body %s", body).doesNotContain(HEAD).doesNotContain(TAIL);
  }

  static String decodeFully(String s) {
    for (int round = 0; round < 5; round++) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
          out.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
          i += 2;
        } else if (c == '\\'
            && i + 5 < s.length()
            && s.charAt(i + 1) == 'u'
            && s.substring(i + 2, i + 6).chars().allMatch(d -> isHex((char) d))) {
          out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
          i += 5;
        } else {
          out.append(c);
        }
      }
      if (out.toString().equals(s)) break;
      s = out.toString();
    }
    return s;
  }

  static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  static final String VALUE_CHARS = "abcXYZ019 <>\"'/\\:,{}=.-_~%!";

  /** A value of the secret: its head, odd characters a provider might leave raw, its tail. */
  static String secretValue(Random random, boolean form) {
    StringBuilder v = new StringBuilder(HEAD);
    int n = random.nextInt(12);
    for (int i = 0; i < n; i++) {
      char c = VALUE_CHARS.charAt(random.nextInt(VALUE_CHARS.length()));
      if (form && c == '%') c = '!';
      v.append(c);
    }
    return v.append(TAIL).toString();
  }

  /** oauth_token_secret, "secret" in any case, each character maybe percent-encoded. */
  static String secretName(Random random, boolean allowEscapes) {
    String name = "oauth_token_" + randomCase(random, "secret");
    if (!allowEscapes) return name;
    StringBuilder out = new StringBuilder();
    for (char c : name.toCharArray()) {
      if (random.nextInt(3) == 0) {
        String hex = String.format("%02X", (int) c);
        out.append('%').append(random.nextBoolean() ? hex : hex.toLowerCase(Locale.ROOT));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  static String randomCase(Random random, String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      out.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
    }
    return out.toString();
  }

  static String plainValue(Random random) {
    StringBuilder v = new StringBuilder();
    int n = 1 + random.nextInt(8);
    for (int i = 0; i < n; i++) v.append((char) ('a' + random.nextInt(26)));
    return v.toString();
  }

  static String body(Random random, Shape shape, boolean asRefusal) {
    List<String[]> fields = new ArrayList<>();
    if (asRefusal) fields.add(new String[] {"oauth_problem", "token_rejected"});
    fields.add(new String[] {"oauth_token", plainValue(random)});
    int others = random.nextInt(4);
    for (int i = 0; i < others; i++)
      fields.add(new String[] {plainValue(random), plainValue(random)});
    boolean form =
        shape == Shape.AMPERSAND_FORM
            || shape == Shape.SEMICOLON_FORM
            || shape == Shape.FORM_ENCODED_WHOLE
            || shape == Shape.FORM_ENCODED_TWICE;
    String[] secret = {
      secretName(random, form || shape == Shape.HEADER_LINES), secretValue(random, form)
    };
    fields.add(random.nextInt(fields.size() + 1), secret);
    StringBuilder out = new StringBuilder();
    switch (shape) {
      case AMPERSAND_FORM, SEMICOLON_FORM, FORM_ENCODED_WHOLE, FORM_ENCODED_TWICE -> {
        String separator = shape == Shape.SEMICOLON_FORM ? ";" : "&";
        for (String[] f : fields) {
          if (out.length() > 0) out.append(separator);
          out.append(f[0]).append('=').append(f[1]);
        }
        if (shape == Shape.FORM_ENCODED_WHOLE || shape == Shape.FORM_ENCODED_TWICE) {
          String once = encodeAll(random, out.toString());
          return shape == Shape.FORM_ENCODED_TWICE ? encodeAll(random, once) : once;
        }
      }
      case JSON -> {
        out.append('{');
        for (String[] f : fields) {
          if (out.length() > 1) out.append(',');
          String name = f[0];
          if (f == secret && random.nextBoolean()) name = name.replace("e", "\\u0065");
          out.append('"').append(name).append("\":\"");
          out.append(f[1].replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        out.append('}');
      }
      case XML -> {
        out.append("<rsp>");
        for (String[] f : fields) {
          String value = f[1].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
          out.append('<').append(f[0]).append('>').append(value);
          out.append("</").append(f[0]).append('>');
        }
        out.append("</rsp>");
      }
      case HEADER_LINES -> {
        for (String[] f : fields) out.append(f[0]).append(": ").append(f[1]).append("\r\n");
      }
    }
    return out.toString();
  }

  /** Percent-encodes every character but letters, digits and a few marks, hex in either case. */
  static String encodeAll(Random random, String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (Character.isLetterOrDigit(c) && random.nextInt(4) != 0) {
        out.append(c);
      } else {
        String hex = String.format("%02X", (int) c);
        out.append('%').append(random.nextBoolean() ? hex : hex.toLowerCase(Locale.ROOT));
      }
    }
    return out.toString();
  }
}
