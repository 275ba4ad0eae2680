package dev.oksign.examples.cli;

import dev.oksign.OAuthProblemException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code oksign-examples} command line: {@code java -jar examples/target/oksign-examples.jar
 * [COMMAND]}. With no command it runs {@code demo}; {@code help} (or {@code --help}) lists the
 * commands, {@code help COMMAND} shows one.
 */
@Command(
    name = "oksign-examples",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "OAuth 1.0a signing for OkHttp and Retrofit, shown on Flickr.",
      "With no command, runs the offline demo against a fake Flickr on loopback."
    },
    commandListHeading = "%nCommands:%n",
    footer = {
      "",
      "Consumer keys come from --consumer-key/--consumer-secret or"
          + " FLICKR_API_KEY/FLICKR_API_SECRET.",
      "Exit codes: 0 success, 1 failure, 2 usage error."
    })
public final class Main implements Callable<Integer> {
  private final Io io;

  @Option(
      names = {"-v", "--verbose"},
      description = "Show each signed request on the wire, and stack traces.")
  boolean verbose;

  Main(Io io) {
    this.io = io;
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(Io.system(), args));
  }

  /** Runs the command line with {@code io} and returns the exit code. */
  public static int run(Io io, String... args) {
    CommandLine cmd = commandLine(io);
    return cmd.execute(args);
  }

  static CommandLine commandLine(Io io) {
    CommandLine cmd = new CommandLine(new Main(io));
    // "help" and "help COMMAND" print the usage to standard output and exit 0, as --help does.
    cmd.addSubcommand("help", new CommandLine.HelpCommand());
    cmd.addSubcommand("demo", new DemoCommand(io));
    cmd.addSubcommand("sign", new SignCommand(io));
    cmd.addSubcommand("flow", new FlowCommand(io));
    cmd.addSubcommand("photoset", new PhotosetCommand(io));
    cmd.addSubcommand("search", new SearchCommand(io));
    cmd.addSubcommand("upload", new UploadCommand(io));
    cmd.addSubcommand("fake-flickr", new FakeFlickrCommand(io));
    for (CommandLine sub : cmd.getSubcommands().values()) {
      sub.getCommandSpec().versionProvider(new Version());
    }
    cmd.setOut(new PrintWriter(io.out(), true, StandardCharsets.UTF_8));
    cmd.setErr(new PrintWriter(io.err(), true, StandardCharsets.UTF_8));
    cmd.setExitCodeExceptionMapper(
        e -> e instanceof CliException c ? c.exitCode : CliException.FAILURE);
    cmd.setParameterExceptionHandler(
        (e, args) -> {
          CommandLine failed = e.getCommandLine();
          io.err().println("error: " + e.getMessage());
          io.err().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help'.");
          return CliException.USAGE;
        });
    cmd.setExecutionExceptionHandler(
        (e, failed, parseResult) -> {
          io.err().println("error: " + describe(e));
          if (verbose(parseResult)) e.printStackTrace(io.err());
          return e instanceof CliException c ? c.exitCode : CliException.FAILURE;
        });
    return cmd;
  }

  /**
   * True if {@code --verbose} was given to the command or to any subcommand on the way to it: as an
   * option, not merely as the value of another one.
   */
  static boolean verbose(CommandLine.ParseResult parseResult) {
    for (CommandLine.ParseResult p = parseResult; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) return true;
    }
    return false;
  }

  /** One clear line (and a diagnosis where there is one) for any failure. */
  static String describe(Throwable e) {
    if (e instanceof CliException) return e.getMessage();
    if (e instanceof OAuthProblemException p) {
      String first = firstLine(p.getMessage());
      return p.diagnosis() == null ? first : first + "\n" + p.diagnosis();
    }
    String flickr = FlickrErrors.describe(e);
    if (flickr != null) return flickr;
    if (e instanceof java.net.ConnectException) {
      return "cannot connect: " + e.getMessage();
    }
    if (e instanceof java.net.UnknownHostException) {
      return "unknown host " + e.getMessage() + " (no network?)";
    }
    if (e instanceof java.net.SocketTimeoutException) {
      return "timed out: " + e.getMessage();
    }
    if (e instanceof IOException) {
      return e.getMessage() == null ? e.toString() : e.getMessage();
    }
    return "unexpected " + e;
  }

  private static String firstLine(String s) {
    if (s == null) return "";
    int newline = s.indexOf('\n');
    return newline < 0 ? s : s.substring(0, newline);
  }

  @Override
  public Integer call() throws Exception {
    DemoCommand demo = new DemoCommand(io);
    demo.verbose = verbose;
    return demo.call();
  }

  /** The version from the jar's manifest, or "development". */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"oksign-examples " + (version == null ? "(development)" : version)};
    }
  }
}
