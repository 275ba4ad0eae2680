package dev.oksign.examples.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true)
final class DemoCommand implements Callable<Integer> {
  private final Io io;

  @Option(names = {"-v", "--verbose"})
  boolean verbose;

  DemoCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    throw CliException.failure("demo: " + io);
  }
}
