package dev.oksign.examples.cli;

import dev.oksign.flickr.Flickr;
import dev.oksign.flickr.Paging;
import dev.oksign.flickr.Photo;
import dev.oksign.flickr.SearchQuery;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code search}: prints every photo a search finds, one {@code ID<TAB>TITLE} line each. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    header = "Print every photo a search finds: ID<TAB>TITLE.",
    description =
        "Pages through a search (at most Flickr's 4,000 results) and prints one line per photo,"
            + " ID<TAB>TITLE, on standard output; progress goes to standard error.")
final class SearchCommand implements Callable<Integer> {
  private final Io io;

  @Option(
      names = "--text",
      required = true,
      description = "Words in the title, description or tags.")
  String text;

  @Mixin RestOptions rest;

  SearchCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    if (text.isBlank()) throw CliException.usage("--text is empty");
    Flickr flickr = rest.flickr(io);
    Paging.Builder<Photo> paging =
        Paging.search(flickr.photos(), SearchQuery.builder().text(text).build())
            .listener(new Progress(io.err(), "search \"" + text + "\""));
    if (rest.limit != null) paging.limit(rest.limit);
    return PhotosetCommand.print(io, paging.build().iterator());
  }
}
