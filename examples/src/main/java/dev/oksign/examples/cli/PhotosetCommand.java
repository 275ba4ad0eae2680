package dev.oksign.examples.cli;

import dev.oksign.flickr.Flickr;
import dev.oksign.flickr.Paging;
import dev.oksign.flickr.Photo;
import java.util.Iterator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code photoset}: prints every photo of a photoset, one {@code ID<TAB>TITLE} line each. */
@Command(
    name = "photoset",
    mixinStandardHelpOptions = true,
    header = "Print every photo of a photoset: ID<TAB>TITLE.",
    description =
        "Pages through a photoset and prints one line per photo, ID<TAB>TITLE, on standard"
            + " output; progress goes to standard error.")
final class PhotosetCommand implements Callable<Integer> {
  private final Io io;

  @Option(
      names = "--photoset-id",
      required = true,
      paramLabel = "ID",
      description = "The photoset.")
  String photosetId;

  @Mixin RestOptions rest;

  PhotosetCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    Flickr flickr = rest.flickr(io);
    Paging.Builder<Photo> paging =
        Paging.builder(
                (page, perPage) -> flickr.photosets().getPhotos(photosetId, null, page, perPage))
            .listener(new Progress(io.err(), "photoset " + photosetId));
    if (rest.limit != null) paging.limit(rest.limit);
    return print(io, paging.build().iterator());
  }

  static int print(Io io, Iterator<Photo> photos) {
    while (photos.hasNext()) {
      Photo photo = photos.next();
      io.out().println(photo.id() + "\t" + photo.title());
    }
    io.out().flush();
    return 0;
  }
}
