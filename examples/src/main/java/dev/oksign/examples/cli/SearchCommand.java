package dev.oksign.examples.cli;

import dev.oksign.flickr.Flickr;
import dev.oksign.flickr.Paging;
import dev.oksign.flickr.Photo;
import dev.oksign.flickr.SearchAll;
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
        "Pages through a search (at most Flickr's 4,000 results, or all of them with --all) and"
            + " prints one line per photo, ID<TAB>TITLE, on standard output; progress goes to"
            + " standard error.")
final class SearchCommand implements Callable<Integer> {
  private final Io io;

  @Option(
      names = "--text",
      required = true,
      description = "Words in the title, description or tags.")
  String text;

  @Option(
      names = "--all",
      description =
          "Walk every result, past the 4,000 Flickr serves per query: the search is cut by upload"
              + " date (and taken date), newest first, each photo printed once.")
  boolean all;

  @Mixin RestOptions rest;

  SearchCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    if (text.isBlank()) throw CliException.usage("--text is empty");
    Flickr flickr = rest.flickr(io);
    SearchQuery query = SearchQuery.builder().text(text).build();
    String what = "search \"" + text + "\"";
    if (all) {
      SearchAll.Builder walk =
          Paging.searchAll(flickr.photos(), query).listener(p -> allProgress(what, p));
      if (rest.limit != null) walk.limit(rest.limit);
      return PhotosetCommand.print(io, walk.build().iterator());
    }
    Paging.Builder<Photo> paging =
        Paging.search(flickr.photos(), query).listener(new Progress(io.err(), what));
    if (rest.limit != null) paging.limit(rest.limit);
    return PhotosetCommand.print(io, paging.build().iterator());
  }

  private void allProgress(String what, SearchAll.Progress p) {
    io.err()
        .println(
            what
                + ": "
                + p.delivered()
                + " of ~"
                + p.estimatedTotal()
                + " photos, "
                + p.slicesDone()
                + (p.slicesDone() == 1 ? " slice" : " slices")
                + " walked, "
                + p.calls()
                + " calls ("
                + p.probeCalls()
                + " to measure)"
                + (p.done() ? ", done" : ""));
    if (p.done() && p.unreachable() > 0) {
      io.err()
          .println(
              what
                  + ": "
                  + p.unreachable()
                  + " more photos were uploaded and taken in the same second than Flickr serves"
                  + " per query; they cannot be reached");
    }
  }
}
