package dev.oksign.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oksign.examples.cli.Io;
import dev.oksign.examples.cli.Main;
import dev.oksign.testing.FakeFlickr;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The command line's stdout and stderr, for runs that succeed and runs that fail, with the secrets
 * given through the environment and through options: no secret in any output unless {@code
 * --show-key} asks for it, which is checked to work (so the scan can fail).
 */
class CliOutputTest {
  record Run(int exit, String out, String err) {}

  static Run run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        Main.run(
            new Io(
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                env),
            args);
    return new Run(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static final Map<String, String> ENV =
      Map.of("FLICKR_API_KEY", Secrets.CONSUMER_KEY, "FLICKR_API_SECRET", Secrets.CONSUMER_SECRET);

  @Test
  void signPrintsNoSecretUnlessAskedAndFailsCleanly() {
    List<String[]> ok = new ArrayList<>();
    for (String placement : new String[] {"header", "query", "body"}) {
      for (String method : new String[] {"HMAC-SHA1", "HMAC-SHA256"}) {
        ok.add(
            new String[] {
              "sign",
              "--method",
              "POST",
              "--url",
              "https://api.flickr.com/services/rest/?a=1",
              "--body",
              "b=2",
              "--token",
              Secrets.TOKEN.value(),
              "--token-secret",
              Secrets.TOKEN_SECRET,
              "--signature-method",
              method,
              "--placement",
              placement,
              "--debug-sbs",
              "oauth_problem=signature_invalid&debug_sbs=POST&https%3A%2F%2Fx&y"
            });
      }
    }
    int runs = 0;
    for (String[] args : ok) {
      Run r = run(ENV, args);
      assertThat(r.exit()).as("%s", r.err()).isZero();
      assertThat(r.out()).startsWith("base_string: POST&https%3A%2F%2Fapi.flickr.com");
      Secrets.assertAbsent("sign stdout", r.out());
      Secrets.assertAbsent("sign stderr", r.err());
      runs++;
    }

    // --show-key prints the signing key: the scan would catch it.
    Run shown =
        run(
            ENV,
            "sign",
            "--method",
            "GET",
            "--url",
            "https://e.com/",
            "--token",
            "t",
            "--token-secret",
            Secrets.TOKEN_SECRET,
            "--show-key");
    assertThat(shown.exit()).as("%s", shown.err()).isZero();
    assertThat(shown.out()).contains("signing_key: " + Secrets.CONSUMER_SECRET + "&");
    runs++;

    String[][] failing = {
      {"sign", "--method", "GET", "--url", "https://e.com/?a=%zz"},
      {"sign", "--method", "GET", "--url", "not a url"},
      {"sign", "--method", "GET", "--url", "https://e.com/", "--token", "t"},
      {"sign", "--method", "GET", "--url", "https://e.com/", "--placement", "sideways"},
      {"sign", "--method", "GET", "--url", "https://e.com/", "--signature-method", "RSA-SHA1"},
      {"sign", "--method", "GET", "--url", "https://e.com/", "--realm", "a\"b"},
      {"sign", "--method", "GET", "--url", "https://e.com/", "--timestamp", "soon"},
      {"sign", "--method", "GET"},
      {"sign", "--bogus"},
    };
    for (String[] args : failing) {
      Run r = run(ENV, args);
      assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).containsPattern("(?m)^error: ").doesNotContain("\tat ");
      Secrets.assertAbsent("sign usage error", r.err());
      runs++;
    }
    Figures.record("cli.runsScanned", runs);
  }

  @Test
  void theOfflineDemoPrintsNoSecret() {
    Secrets.register(FakeFlickr.DEMO_CREDENTIALS.secret());
    for (String[] args : new String[][] {{"demo"}, {"demo", "--verbose"}}) {
      Run r = run(Map.of(), args);
      assertThat(r.exit()).as("%s", r.err()).isZero();
      assertThat(r.out()).isNotEmpty();
      Secrets.assertAbsent("demo stdout", r.out());
      Secrets.assertAbsent("demo stderr", r.err());
    }
  }
}
