package dev.oksign.examples.cli;

import dev.oksign.ClientCredentials;
import picocli.CommandLine.Option;

/** {@code --consumer-key} and {@code --consumer-secret}, falling back to the environment. */
final class Keys {
  @Option(
      names = "--consumer-key",
      paramLabel = "K",
      description = "Consumer key, Flickr's API key (default: $FLICKR_API_KEY).")
  String consumerKey;

  @Option(
      names = "--consumer-secret",
      paramLabel = "S",
      description = "Consumer secret, Flickr's API secret (default: $FLICKR_API_SECRET).")
  String consumerSecret;

  ClientCredentials resolve(Io io) {
    return resolve(io, true);
  }

  /**
   * The credentials given or in the environment. Without {@code secretNeeded} (RSA-SHA1 signs with
   * a private key), a missing secret is no error and the credentials hold a placeholder.
   */
  ClientCredentials resolve(Io io, boolean secretNeeded) {
    String key = consumerKey != null ? consumerKey : io.env("FLICKR_API_KEY");
    String secret = consumerSecret != null ? consumerSecret : io.env("FLICKR_API_SECRET");
    if (key == null) {
      throw CliException.usage("no consumer key: pass --consumer-key or set FLICKR_API_KEY");
    }
    if (secret == null && !secretNeeded) secret = "unused";
    if (secret == null) {
      throw CliException.usage(
          "no consumer secret: pass --consumer-secret or set FLICKR_API_SECRET");
    }
    try {
      return new ClientCredentials(key, secret);
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage());
    }
  }
}
