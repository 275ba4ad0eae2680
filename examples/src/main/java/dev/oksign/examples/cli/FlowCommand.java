package dev.oksign.examples.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "flow", mixinStandardHelpOptions = true)
final class FlowCommand implements Callable<Integer> {
  private final Io io;

  @Option(names = {"-v", "--verbose"})
  boolean verbose;

  FlowCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    throw CliException.failure("flow: " + io);
  }
}
