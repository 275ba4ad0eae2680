package dev.oksign.examples.cli;

import dev.oksign.AccessToken;
import dev.oksign.ClientCredentials;
import dev.oksign.examples.AuthorizeAUser;
import dev.oksign.flickr.Flickr;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flow}: the three-legged flow, with the verifier typed on standard input. */
@Command(
    name = "flow",
    mixinStandardHelpOptions = true,
    header = "Authorize this application for a Flickr user and save the tokens.",
    description =
        "Prints the authorize URL on standard output, reads the verifier from standard input,"
            + " saves the access token to --tokens FILE (readable by you only) and prints the"
            + " user: NSID<TAB>USERNAME<TAB>FULLNAME.")
final class FlowCommand implements Callable<Integer> {
  private final Io io;

  @Mixin Keys keys;

  @Option(
      names = "--tokens",
      required = true,
      paramLabel = "FILE",
      description = "Where to save the access token.")
  Path tokens;

  @Option(
      names = "--oauth-base",
      paramLabel = "URL",
      defaultValue = Flickr.OAUTH_BASE_URL,
      description =
          "Base of the request_token, authorize and access_token endpoints (default:"
              + " ${DEFAULT-VALUE}).")
  String oauthBase;

  @Option(
      names = "--perms",
      defaultValue = "read",
      paramLabel = "read|write|delete",
      description = "The permission to ask for: read (default), write or delete.")
  String perms;

  @Option(
      names = {"-v", "--verbose"},
      description = "Show each signed request; stack traces.")
  boolean verbose;

  FlowCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws IOException {
    ClientCredentials credentials = keys.resolve(io);
    HttpUrl base = HttpUrl.parse(oauthBase.endsWith("/") ? oauthBase : oauthBase + "/");
    if (base == null)
      throw CliException.usage("--oauth-base is not an http or https URL: " + oauthBase);
    String permission = perms.toLowerCase(Locale.ROOT);
    if (!permission.equals("read") && !permission.equals("write") && !permission.equals("delete")) {
      throw CliException.usage("--perms must be read, write or delete, not " + perms);
    }
    OkHttpClient.Builder client = new OkHttpClient.Builder();
    if (verbose) client.eventListener(new WireLog(io.err()));
    BufferedReader stdin =
        new BufferedReader(new InputStreamReader(io.in(), StandardCharsets.UTF_8));

    AccessToken access;
    try {
      access =
          AuthorizeAUser.authorize(
              base,
              client.build(),
              credentials,
              permission,
              authorizeUrl -> {
                io.err().println("Open this URL in a browser and authorize the application:");
                io.out().println(authorizeUrl);
                io.out().flush();
                io.err().print("Then type the code it shows: ");
                io.err().flush();
                try {
                  String line = stdin.readLine();
                  // A terminal echoes the typed line; piped input leaves the prompt open.
                  if (System.console() == null) io.err().println();
                  if (line == null || line.isBlank()) {
                    throw CliException.failure("no verifier on standard input");
                  }
                  return line.trim();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    Map<String, String> user = new LinkedHashMap<>(access.parameters());
    try {
      TokenFile.write(tokens, access.token(), user);
    } catch (IOException e) {
      throw CliException.failure("cannot write tokens file " + tokens + ": " + e.getMessage());
    }
    io.err().println("Saved the access token to " + tokens);
    io.out()
        .println(
            nullToEmpty(user.get("user_nsid"))
                + "\t"
                + nullToEmpty(user.get("username"))
                + "\t"
                + nullToEmpty(user.get("fullname")));
    return 0;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
