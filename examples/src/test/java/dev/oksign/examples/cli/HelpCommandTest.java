package dev.oksign.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code help} and {@code help COMMAND}, as the README tells a new user to type. */
class HelpCommandTest {
  @Test
  void helpListsTheCommandsOnStandardOutput() {
    Cli run = Cli.run("help");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .startsWith("Usage: oksign-examples")
        .contains("Commands:")
        .contains("  help ")
        .contains("  sign ")
        .contains("  search ")
        .contains("  fake-flickr ");
    // The same text as --help.
    assertThat(run.out()).isEqualTo(Cli.run("--help").out());
  }

  @Test
  void helpOfACommandIsThatCommandsUsage() {
    Cli run = Cli.run("help", "search");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .contains("Usage: oksign-examples search")
        .isEqualTo(Cli.run("search", "--help").out());
  }

  @Test
  void helpOfAnUnknownCommandIsAUsageError() {
    Cli run = Cli.run("help", "nope");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("error: Unknown subcommand 'nope'");
  }
}
