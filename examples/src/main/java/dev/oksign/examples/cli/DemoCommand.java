package dev.oksign.examples.cli;

import dev.oksign.AccessToken;
import dev.oksign.examples.AuthorizeAUser;
import dev.oksign.flickr.Flickr;
import dev.oksign.flickr.Page;
import dev.oksign.flickr.Paging;
import dev.oksign.flickr.Photo;
import dev.oksign.flickr.SearchQuery;
import dev.oksign.flickr.User;
import dev.oksign.testing.FakeFlickr;
import dev.oksign.testing.FakeFlickrData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo}: the whole job offline. A fake Flickr on loopback, the three-legged flow, then a
 * photoset and a search paged through.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    header = "Run the whole job offline against a fake Flickr on loopback (the default).",
    description =
        "Starts a fake Flickr on a free loopback port, authorizes (copying the verifier"
            + " from its authorize page), then pages through a 1,234-photo photoset and a"
            + " search. No account and no network needed.")
final class DemoCommand implements Callable<Integer> {
  static final String SEARCH_TEXT = "harbour";
  private static final Pattern VERIFIER = Pattern.compile("\\d{3}-\\d{3}-\\d{3}");

  private final Io io;

  @Option(
      names = {"-v", "--verbose"},
      description = "Show each signed request on the wire; stack traces.")
  boolean verbose;

  DemoCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws IOException {
    try (FakeFlickr fake = FakeFlickr.builder().build()) {
      fake.start();
      io.err().println("FakeFlickr on " + fake.url("/") + " (loopback only)");
      OkHttpClient.Builder clientBuilder = new OkHttpClient.Builder();
      if (verbose) clientBuilder.eventListener(new WireLog(io.err()));
      OkHttpClient client = clientBuilder.build();

      // 1. The token flow, with the verifier copied from the page as a user would.
      String[] shown = new String[1];
      AccessToken access;
      try {
        access =
            AuthorizeAUser.authorize(
                fake.oauthBaseUrl(),
                client,
                fake.clientCredentials(),
                "read",
                url -> shown[0] = verifierShownAt(client, url));
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      io.out()
          .println(
              "authorized:  verifier "
                  + shown[0]
                  + " copied from the authorize page, access token for "
                  + access.parameter("username")
                  + " ("
                  + access.parameter("fullname")
                  + ", "
                  + access.parameter("user_nsid")
                  + ")");

      Flickr flickr =
          Flickr.builder()
              .clientCredentials(fake.clientCredentials())
              .token(access.token())
              .restBaseUrl(fake.restBaseUrl())
              .oauthBaseUrl(fake.oauthBaseUrl())
              .client(client)
              .build();
      User me = flickr.test().login().execute().body();
      io.out().println("test.login:  " + me.id() + " " + me.username());

      // 2. A photoset of 1,234 photos: three pages of 500.
      String setId = FakeFlickrData.PHOTOSET_1234_ID;
      Summary set =
          walk(
              Paging.builder(
                      (page, perPage) -> flickr.photosets().getPhotos(setId, null, page, perPage))
                  .listener(new Progress(io.err(), "photoset " + setId))
                  .build());
      io.out().println("photoset:    " + setId + ", " + set);

      // 3. A search, at Flickr's largest page size too.
      Summary search =
          walk(
              Paging.search(flickr.photos(), SearchQuery.builder().text(SEARCH_TEXT).build())
                  .listener(new Progress(io.err(), "search \"" + SEARCH_TEXT + "\""))
                  .build());
      io.out().println("search:      \"" + SEARCH_TEXT + "\", " + search);

      // Every request but the authorize page, which the user's browser opens, was signed.
      int requests = fake.requestCount();
      io.out()
          .println(
              "requests:    "
                  + requests
                  + ", of which "
                  + (requests - 1)
                  + " signed with HMAC-SHA1 and verified by the fake");
      return 0;
    }
  }

  /** Opens the authorize page as a browser would and reads the code it shows. */
  static String verifierShownAt(OkHttpClient client, HttpUrl authorizeUrl) {
    Request request = new Request.Builder().url(authorizeUrl).build();
    try (Response response = client.newCall(request).execute()) {
      String page = response.body().string();
      Matcher code = VERIFIER.matcher(page);
      if (!response.isSuccessful() || !code.find()) {
        throw CliException.failure(
            "the authorize page (HTTP " + response.code() + ") shows no verifier");
      }
      return code.group();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The photos walked, the pages fetched, and the first and last title. */
  record Summary(int photos, int pages, String first, String last) {
    @Override
    public String toString() {
      return photos
          + " photos in "
          + pages
          + (pages == 1 ? " page" : " pages")
          + (photos == 0 ? "" : ", \"" + first + "\" to \"" + last + "\"");
    }
  }

  static Summary walk(Paging<Photo> paging) {
    int photos = 0;
    int pages = 0;
    String first = null;
    String last = null;
    Iterator<Page<Photo>> it = paging.pageIterator();
    while (it.hasNext()) {
      Page<Photo> page = it.next();
      pages++;
      for (Photo photo : page.items()) {
        if (first == null) first = photo.title();
        last = photo.title();
        photos++;
      }
    }
    return new Summary(photos, pages, first, last);
  }
}
