package dev.oksign.reliability;

import static org.assertj.core.api.Assertions.fail;

import dev.oksign.ClientCredentials;
import dev.oksign.Token;
import dev.oksign.internal.Percent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The secrets the reliability tests configure, and a scan that fails a test when one of them shows
 * up in text meant for people or logs: exception messages and stack traces, {@code toString()},
 * captured log records, CLI output.
 *
 * <p>A secret is looked for as configured and in the forms a careless message would print it: the
 * RFC 5849 §3.6 percent-encoding, URL form encoding, the signing key {@code cs&ts} of §3.4.2, and
 * Base64. The secrets are long random-looking strings, so a hit is never a coincidence.
 *
 * <p>Every scan is counted ({@link #scannedTexts()}, {@link #scannedChars()}) so that
 * RELIABILITY.md can say how much output was looked at; the figure for secrets found is the number
 * of failing scans, which must stay 0.
 */
final class Secrets {
  private Secrets() {}

  /** A consumer secret shaped like Flickr's: 16 hex digits, long enough to be unmistakable. */
  static final String CONSUMER_SECRET = "c0ns3cr3t9f1e2d7";

  static final String CONSUMER_KEY = "reliability-consumer-key-0001";

  static final ClientCredentials CLIENT = new ClientCredentials(CONSUMER_KEY, CONSUMER_SECRET);

  /** Token secrets with characters that encode, so the encoded forms are scanned too. */
  static final String TOKEN_SECRET = "t0k3n&s3cr3t/5a7b+";

  static final Token TOKEN = new Token("72157720000000001-reliability", TOKEN_SECRET);

  private static final Set<String> registered = new LinkedHashSet<>();

  /**
   * Each secret with the forms it is looked for in, made once per secret: scans run on every fuzz
   * input. Starts with the signing key of §3.4.2 (and PLAINTEXT's signature), as a debugging
   * message might print it.
   */
  private static volatile List<List<String>> needles = signingKeyForms();

  private static final AtomicLong texts = new AtomicLong();
  private static final AtomicLong chars = new AtomicLong();

  static {
    register(CONSUMER_SECRET);
    register(TOKEN_SECRET);
  }

  /** Secrets of the user tokens of {@code n} users, registered for the scan. */
  static String userTokenSecret(int user) {
    String secret = String.format(Locale.ROOT, "u%03d-s3cr3t-%08x", user, 0x5ec0000 + user * 7919);
    register(secret);
    return secret;
  }

  /** Adds a secret, and its encoded forms, to what {@link #assertAbsent} looks for. */
  static synchronized void register(String secret) {
    if (secret == null || secret.length() < 8) {
      throw new IllegalArgumentException("too short to scan for without false hits: " + secret);
    }
    if (!registered.add(secret)) return;
    List<List<String>> next = new ArrayList<>(needles);
    next.add(
        List.of(
            secret,
            Percent.encode(secret),
            Percent.encode(Percent.encode(secret)),
            java.net.URLEncoder.encode(secret, java.nio.charset.StandardCharsets.UTF_8),
            Base64.getEncoder()
                .encodeToString(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    needles = List.copyOf(next);
  }

  private static List<List<String>> signingKeyForms() {
    String key = Percent.encode(CONSUMER_SECRET) + "&" + Percent.encode(TOKEN_SECRET);
    return List.of(List.of(key, Percent.encode(key)));
  }

  /**
   * Fails if {@code text} holds a configured secret in any of its forms.
   *
   * @param where what the text is, named in the failure
   */
  static void assertAbsent(String where, String text) {
    assertAbsentUnlessGiven(where, text, "");
  }

  /**
   * Like {@link #assertAbsent(String, String)}, but a secret that {@code given} (the input, as
   * text) already holds may be echoed: for fuzz targets, whose input can contain anything.
   */
  static void assertAbsentUnlessGiven(String where, String text, String given) {
    if (text == null) return;
    texts.incrementAndGet();
    chars.addAndGet(text.length());
    List<List<String>> needles = Secrets.needles; // one snapshot for the whole scan
    for (List<String> forms : needles) {
      if (!given.isEmpty() && forms.stream().anyMatch(given::contains)) continue;
      for (String needle : forms) {
        int at = text.indexOf(needle);
        if (at >= 0) {
          fail(
              "a configured secret appears in "
                  + where
                  + ": ..."
                  + around(text, at, needles)
                  + "...");
        }
      }
    }
  }

  /** Scans an exception: its type, message, causes, suppressed exceptions and stack trace text. */
  static void assertAbsent(String where, Throwable t) {
    if (t == null) return;
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    assertAbsent(where + " (" + t.getClass().getSimpleName() + ")", out.toString());
  }

  /**
   * What is around index {@code at} of {@code text}, with every form of every secret in it hidden:
   * the failure must not print the secret it reports, nor another one next to it.
   */
  private static String around(String text, int at, List<List<String>> needles) {
    String shown = text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 80));
    for (List<String> forms : needles) {
      for (String needle : forms) shown = shown.replace(needle, "<secret>");
    }
    return shown;
  }

  static long scannedTexts() {
    return texts.get();
  }

  static long scannedChars() {
    return chars.get();
  }
}
