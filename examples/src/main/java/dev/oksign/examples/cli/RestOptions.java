package dev.oksign.examples.cli;

import dev.oksign.ClientCredentials;
import dev.oksign.Token;
import dev.oksign.flickr.Flickr;
import java.nio.file.Path;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of the commands that call Flickr's REST API: keys, tokens, endpoint, limit. */
final class RestOptions {
  @Mixin Keys keys;

  @Option(
      names = "--tokens",
      paramLabel = "FILE",
      description = "The tokens file written by flow; without it, only public data is read.")
  Path tokens;

  @Option(
      names = "--api-base",
      paramLabel = "URL",
      defaultValue = Flickr.REST_BASE_URL,
      description = "The REST endpoint (default: ${DEFAULT-VALUE}).")
  String apiBase;

  @Option(names = "--limit", paramLabel = "N", description = "Stop after N photos.")
  Long limit;

  @Option(
      names = {"-v", "--verbose"},
      description = "Show each signed request; stack traces.")
  boolean verbose;

  Flickr flickr(Io io) {
    ClientCredentials credentials = keys.resolve(io);
    HttpUrl rest = HttpUrl.parse(apiBase);
    if (rest == null)
      throw CliException.usage("--api-base is not an http or https URL: " + apiBase);
    if (limit != null && limit < 1)
      throw CliException.usage("--limit must be at least 1, not " + limit);
    Token token = tokens == null ? null : TokenFile.read(tokens);
    OkHttpClient.Builder client = new OkHttpClient.Builder();
    if (verbose) client.eventListener(new WireLog(io.err()));
    Flickr.Builder flickr =
        Flickr.builder().clientCredentials(credentials).restBaseUrl(rest).client(client.build());
    if (token != null) flickr.token(token);
    try {
      return flickr.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw CliException.usage(e.getMessage());
    }
  }
}
