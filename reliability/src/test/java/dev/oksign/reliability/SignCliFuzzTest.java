package dev.oksign.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.oksign.examples.cli.Io;
import dev.oksign.examples.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code sign} command's argument handling: whatever the arguments, it exits 0 with only its
 * promised records on stdout, or 2 (usage) or 1 (failure) with an {@code error:} line on stderr; no
 * stack trace without {@code --verbose}; and no configured secret in any output unless {@code
 * --show-key} asked for it (or the arguments carried it elsewhere, or PLAINTEXT, whose signature is
 * the key, was chosen).
 */
class SignCliFuzzTest {
  static final String[] OPTIONS = {
    "--method", "--url", "--body", "--consumer-key", "--consumer-secret", "--token",
    "--token-secret", "--callback", "--verifier", "--realm", "--signature-method", "--nonce",
    "--timestamp", "--no-version", "--placement", "--show-key", "--debug-sbs", "--private-key",
    "-v", "--help", "--version", "--", "-x", "--url="
  };
  static final String[] VALUES = {
    "GET",
    "post",
    "https://api.flickr.com/services/rest/?method=flickr.test.login&a=%zz",
    "http://127.0.0.1:1/p?q=1",
    "a=1&b=%ZZ",
    "HMAC-SHA1",
    "HMAC-SHA256",
    "PLAINTEXT",
    "RSA-SHA1",
    "header",
    "query",
    "body",
    "oob",
    "1700000000",
    "-5",
    "99999999999999999999",
    "oauth_problem=signature_invalid&debug_sbs=GET&x&y",
    "/nonexistent.pem",
    ""
  };
  static final String[] RECORDS = {
    "base_string: ",
    "signing_key: ",
    "signature: ",
    "authorization: ",
    "url: ",
    "body: ",
    "diagnosis: "
  };

  @FuzzTest(maxDuration = "60s")
  void signArguments(FuzzedDataProvider data) {
    List<String> args = new ArrayList<>(List.of("sign"));
    for (int i = data.consumeInt(0, 12); i > 0; i--) {
      switch (data.consumeInt(0, 2)) {
        case 0 -> args.add(data.pickValue(OPTIONS));
        case 1 -> args.add(data.pickValue(VALUES));
        default -> args.add(Fuzzed.text(data, 24));
      }
    }
    Map<String, String> env =
        data.consumeBoolean()
            ? Map.of(
                "FLICKR_API_KEY",
                Secrets.CONSUMER_KEY,
                "FLICKR_API_SECRET",
                Secrets.CONSUMER_SECRET)
            : Map.of();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Io io =
        new Io(
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            env);

    int exit = Main.run(io, args.toArray(String[]::new));

    String stdout = out.toString(StandardCharsets.UTF_8);
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertThat(exit).as("exit code; stderr: %s", stderr).isIn(0, 1, 2);
    boolean verbose = args.contains("-v") || args.contains("--verbose");
    if (!verbose) assertThat(stderr).as("a stack trace without --verbose").doesNotContain("\tat ");
    boolean helpOrVersion =
        args.contains("--help")
            || args.contains("--version")
            || args.contains("-h")
            || args.contains("-V");
    if (exit == 0 && !helpOrVersion) {
      for (String line : stdout.split("\n", -1)) {
        if (line.isEmpty()) continue;
        assertThat(RECORDS).as("stdout line %s", line).anyMatch(line::startsWith);
      }
      assertThat(stdout).startsWith("base_string: ");
    } else if (exit != 0) {
      assertThat(stderr).containsPattern("(?m)^error: ");
    }
    boolean showKey = args.contains("--show-key");
    boolean plaintext = args.stream().anyMatch(a -> a.equalsIgnoreCase("PLAINTEXT"));
    if (!showKey && !plaintext) {
      // A secret may come back only if the arguments carried it outside the secret options.
      StringBuilder given = new StringBuilder();
      for (int i = 0; i < args.size(); i++) {
        boolean secretOption =
            i > 0
                && (args.get(i - 1).equals("--consumer-secret")
                    || args.get(i - 1).equals("--token-secret"));
        if (!secretOption) given.append(args.get(i)).append(' ');
      }
      Secrets.assertAbsentUnlessGiven("sign stdout", stdout, given.toString());
      Secrets.assertAbsentUnlessGiven("sign stderr", stderr, given.toString());
    }
  }
}
