package dev.oksign.examples.cli;

import dev.oksign.testing.FakeFlickr;
import dev.oksign.testing.FakeFlickrData;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fake-flickr}: runs the fake Flickr standalone until interrupted. */
@Command(
    name = "fake-flickr",
    mixinStandardHelpOptions = true,
    header = "Run the fake Flickr on loopback until interrupted.",
    description =
        "Run the fake Flickr on loopback until interrupted (Ctrl-C), printing its URLs,"
            + " the demo keys it accepts and a ready access token of the demo user (write"
            + " permission, which includes read). Point the other commands at it with"
            + " --api-base, --oauth-base and --upload-base.")
final class FakeFlickrCommand implements Callable<Integer> {
  private final Io io;

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "0",
      description = "Port on 127.0.0.1 (default: a free one).")
  int port;

  @Option(
      names = "--stubs",
      paramLabel = "DIR",
      description =
          "Serve the canned answers in DIR: METHOD.json (Flickr's JSON answer, served in both"
              + " formats) and METHOD.xml (served as is to format=rest).")
  java.nio.file.Path stubs;

  @Option(
      names = "--strict-placement",
      description =
          "Refuse OAuth parameters split between header, query and body (RFC 5849 §3.5);"
              + " by default they are accepted, as Flickr does.")
  boolean strictPlacement;

  @Option(
      names = "--signed-for-flickr-urls",
      description =
          "Check signatures against the Flickr URL each request stands for"
              + " (https://api.flickr.com/...), for clients that sign Flickr's fixed URLs and"
              + " reach the fake through a transport that swaps the host.")
  boolean signedForFlickrUrls;

  @Option(
      names = {"-v", "--verbose"},
      description = "Stack traces on failure.")
  boolean verbose;

  /** Counted down once the server is up; tests wait on it. */
  final CountDownLatch started = new CountDownLatch(1);

  volatile FakeFlickr fake;

  FakeFlickrCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535)
      throw CliException.usage("--port must be 0 to 65535, not " + port);
    CountDownLatch stop = new CountDownLatch(1);
    boolean interrupted = false;
    FakeFlickr.Builder builder = FakeFlickr.builder();
    if (strictPlacement) builder.strictPlacement();
    if (signedForFlickrUrls) builder.signedForFlickrUrls();
    try (FakeFlickr server = builder.build()) {
      java.util.List<String> stubbed = java.util.List.of();
      if (stubs != null) {
        try {
          stubbed = server.stubsFrom(stubs);
        } catch (java.io.IOException e) {
          throw CliException.failure("cannot read the stubs in " + stubs + ": " + e.getMessage());
        }
      }
      try {
        server.start(port);
      } catch (java.io.IOException e) {
        throw CliException.failure("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
      }
      dev.oksign.Token token =
          server.issueAccessToken(
              server.clientCredentials().key(), FakeFlickrData.DEMO_USER_NSID, "write");
      fake = server;
      Thread hook = new Thread(stop::countDown, "fake-flickr-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      io.out().println("rest_url: " + server.restBaseUrl());
      io.out().println("oauth_url: " + server.oauthBaseUrl());
      io.out().println("upload_url: " + server.uploadBaseUrl());
      io.out().println("consumer_key: " + server.clientCredentials().key());
      io.out().println("consumer_secret: " + server.clientCredentials().secret());
      io.out().println("access_token: " + token.value());
      io.out().println("access_token_secret: " + token.secret());
      io.out().println("access_token_perms: write");
      io.out()
          .println("user: " + FakeFlickrData.DEMO_USER_NSID + " " + FakeFlickrData.DEMO_USERNAME);
      io.out()
          .println(
              "photosets: "
                  + FakeFlickrData.EMPTY_PHOTOSET_ID
                  + " (0 photos), "
                  + FakeFlickrData.PHOTOSET_500_ID
                  + " (500), "
                  + FakeFlickrData.PHOTOSET_1234_ID
                  + " (1234)");
      if (!stubbed.isEmpty()) io.out().println("stubs: " + String.join(" ", stubbed));
      io.err().println("FakeFlickr is running; press Ctrl-C to stop.");
      started.countDown();
      try {
        stop.await();
      } catch (InterruptedException e) {
        interrupted = true; // restored once the server is closed, which an interrupt would abort
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // The JVM is exiting: the hook is running.
        }
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
    return 0;
  }
}
