package dev.oksign.examples.cli;

import dev.oksign.flickr.Paging;
import java.io.PrintStream;

/** A progress line per page on standard error. */
final class Progress implements Paging.Listener {
  private final PrintStream err;
  private final String what;

  Progress(PrintStream err, String what) {
    this.err = err;
    this.what = what;
  }

  @Override
  public void onPage(int page, int pages, long total) {
    err.println(what + ": page " + page + " of " + pages + " (" + total + " in all)");
  }

  @Override
  public void onSearchLimit(int served, long total) {
    err.println(
        what
            + ": Flickr serves the first "
            + served
            + " of "
            + total
            + " results of a search; --all walks past the cap to the rest");
  }
}
