package dev.oksign.examples.cli;

import dev.oksign.ClientCredentials;
import dev.oksign.Token;
import dev.oksign.flickr.Flickr;
import dev.oksign.flickr.FlickrUploads;
import dev.oksign.flickr.PhotoUpload;
import dev.oksign.flickr.UploadProgressListener;
import dev.oksign.flickr.UploadResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code upload}: sends a photo to Flickr's upload API (or replaces one) and prints {@code photoid:
 * N}, or {@code ticketid: N} with {@code --async}.
 */
@Command(
    name = "upload",
    mixinStandardHelpOptions = true,
    description = {
      "Upload a photo or video, or replace one, with a token of write permission",
      "(flow --perms write). Prints 'photoid: N' (or 'ticketid: N' with --async) on standard",
      "output; progress on standard error."
    })
final class UploadCommand implements Callable<Integer> {
  private final Io io;

  @Parameters(index = "0", paramLabel = "PHOTO_FILE", description = "The photo or video to send.")
  Path photo;

  @Option(names = "--title", paramLabel = "T", description = "The title.")
  String title;

  @Option(names = "--description", paramLabel = "D", description = "The description.")
  String description;

  @Option(
      names = "--tags",
      paramLabel = "TAGS",
      description =
          "Space-separated tags; a multi-word tag in double quotes: 'harbour \"north sea\"'.")
  String tags;

  @ArgGroup(exclusive = true)
  Visibility visibility;

  static final class Visibility {
    @Option(names = "--public", required = true, description = "Visible to everyone.")
    boolean isPublic;

    @Option(names = "--private", required = true, description = "Visible to you only.")
    boolean isPrivate;
  }

  @Option(names = "--async", description = "Have Flickr answer at once with a ticket id.")
  boolean async;

  @Option(
      names = "--replace",
      paramLabel = "PHOTO_ID",
      description = "Replace this photo instead of uploading a new one.")
  String replace;

  @Option(
      names = "--tokens",
      required = true,
      paramLabel = "FILE",
      description = "The tokens file written by flow --perms write.")
  Path tokens;

  @Option(
      names = "--upload-base",
      paramLabel = "URL",
      defaultValue = Flickr.UPLOAD_BASE_URL,
      description = "Where upload/ and replace/ live (default: ${DEFAULT-VALUE}).")
  String uploadBase;

  @Mixin Keys keys;

  @Option(
      names = {"-v", "--verbose"},
      description = "Show each signed request; stack traces.")
  boolean verbose;

  UploadCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws IOException {
    ClientCredentials credentials = keys.resolve(io);
    HttpUrl base = HttpUrl.parse(uploadBase.endsWith("/") ? uploadBase : uploadBase + "/");
    if (base == null) {
      throw CliException.usage("--upload-base is not an http or https URL: " + uploadBase);
    }
    if (replace != null
        && (title != null || description != null || tags != null || visibility != null)) {
      throw CliException.usage(
          "--replace takes the photo and --async only: a replaced photo keeps its title,"
              + " description, tags and visibility");
    }
    if (!Files.isRegularFile(photo)) {
      throw CliException.failure("cannot read " + photo + ": it is not a file");
    }
    Token token = TokenFile.read(tokens);

    PhotoUpload.Builder upload = PhotoUpload.builder(photo);
    if (title != null) upload.title(title);
    if (description != null) upload.description(description);
    try {
      if (tags != null) upload.tags(splitTags(tags));
    } catch (IllegalArgumentException e) {
      throw CliException.usage("--tags: " + e.getMessage());
    }
    if (visibility != null) upload.isPublic(visibility.isPublic);
    upload.async(async);
    upload.progressListener(new PrintedProgress(io.err(), photo.getFileName().toString()));

    OkHttpClient.Builder client = new OkHttpClient.Builder();
    if (verbose) client.eventListener(new WireLog(io.err()));
    FlickrUploads uploads =
        Flickr.builder()
            .clientCredentials(credentials)
            .token(token)
            .uploadBaseUrl(base)
            .client(client.build())
            .build()
            .uploads();
    UploadResult result =
        (replace == null
                ? uploads.upload(upload.build())
                : uploads.replace(replace, upload.build()))
            .execute()
            .body();
    io.out()
        .println(
            result.isAsync() ? "ticketid: " + result.ticketId() : "photoid: " + result.photoId());
    return 0;
  }

  /** Splits Flickr's tag syntax: words separated by white space, or a phrase in double quotes. */
  static List<String> splitTags(String tags) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < tags.length()) {
      char c = tags.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '"') {
        int end = tags.indexOf('"', i + 1);
        if (end < 0) throw new IllegalArgumentException("a double quote is not closed: " + tags);
        String phrase = tags.substring(i + 1, end).strip();
        if (!phrase.isEmpty()) out.add(phrase);
        i = end + 1;
      } else {
        int end = i;
        while (end < tags.length() && !Character.isWhitespace(tags.charAt(end))) end++;
        out.add(tags.substring(i, end));
        i = end;
      }
    }
    return out;
  }

  /** A progress line on standard error at each tenth of the photo, and at the end. */
  static final class PrintedProgress implements UploadProgressListener {
    private final PrintStream err;
    private final String name;
    private long lastTenth = -1;
    private long lastSent;

    PrintedProgress(PrintStream err, String name) {
      this.err = err;
      this.name = name;
    }

    @Override
    public void onProgress(long bytesSent, long totalBytes) {
      long tenth = totalBytes == 0 ? 10 : bytesSent * 10 / totalBytes;
      if (bytesSent < lastSent) lastTenth = -1; // a retry restarts the count
      lastSent = bytesSent;
      if (tenth == lastTenth) return;
      lastTenth = tenth;
      err.println(
          "upload "
              + name
              + ": "
              + (tenth * 10)
              + "% ("
              + bytesSent
              + " of "
              + totalBytes
              + " bytes)");
    }
  }
}
