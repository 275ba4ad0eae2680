package dev.oksign.examples.cli;

import dev.oksign.flickr.FlickrException;
import dev.oksign.flickr.PagingException;
import java.io.UncheckedIOException;

/** One line for a failure of a Flickr call. */
final class FlickrErrors {
  private FlickrErrors() {}

  /** Returns the line for {@code e}, or null if it is not a Flickr failure. */
  static String describe(Throwable e) {
    if (e instanceof PagingException p && p.page() > 1) {
      return Main.describe(p.getCause())
          + " (page "
          + p.page()
          + ", after "
          + p.itemsDelivered()
          + " photos)";
    }
    if (e instanceof UncheckedIOException u && u.getCause() != null) {
      return Main.describe(u.getCause());
    }
    if (!(e instanceof FlickrException f)) return null;
    String method = f.method() == null ? "Flickr" : f.method();
    if (f.code() != FlickrException.NO_CODE) {
      return "Flickr error "
          + f.code()
          + " from "
          + method
          + ": "
          + f.flickrMessage()
          + (f.isAuthentication() ? " (check the keys and the tokens file)" : "");
    }
    String message = f.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
