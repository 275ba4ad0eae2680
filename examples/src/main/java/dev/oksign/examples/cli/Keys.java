package dev.oksign.examples.cli;

import dev.oksign.ClientCredentials;
import picocli.CommandLine.Option;

/** {@code --consumer-key} and {@code --consumer-secret}, falling back to the environment. */
final class Keys {
  @Option(
      names = "--consumer-key",
      paramLabel = "K",
      description = "Flickr API key (default: $FLICKR_API_KEY).")
  String consumerKey;

  @Option(
      names = "--consumer-secret",
      paramLabel = "S",
      description = "Flickr API secret (default: $FLICKR_API_SECRET).")
  String consumerSecret;

  ClientCredentials resolve(Io io) {
    String key = consumerKey != null ? consumerKey : io.env("FLICKR_API_KEY");
    String secret = consumerSecret != null ? consumerSecret : io.env("FLICKR_API_SECRET");
    if (key == null) {
      throw CliException.usage("no consumer key: pass --consumer-key or set FLICKR_API_KEY");
    }
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
