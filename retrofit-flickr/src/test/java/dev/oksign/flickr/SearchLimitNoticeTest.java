package dev.oksign.flickr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A search cut short at Flickr's limit is never silent: by default it logs a warning. */
class SearchLimitNoticeTest {
  @StartStop MockWebServer server = new MockWebServer();

  private final Logger logger = Logger.getLogger("dev.oksign.flickr.Paging");
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void listen() {
    logger.addHandler(handler);
  }

  @AfterEach
  void stopListening() {
    logger.removeHandler(handler);
  }

  private long walk(Paging.Builder<Photo> builder) {
    try (var photos = builder.build().stream()) {
      return photos.count();
    }
  }

  private Paging.Builder<Photo> searchOf6000() {
    server.setDispatcher(new FakePhotoList(page -> 6_000, Paging.SEARCH_LIMIT));
    return Paging.search(
        Fixtures.direct(server).build().photos(), SearchQuery.builder().text("seal").build());
  }

  @Test
  void cappedSearchWarnsByDefault() {
    assertThat(walk(searchOf6000())).isEqualTo(4_000);

    assertThat(records).hasSize(1);
    assertThat(records.get(0).getLevel()).isEqualTo(Level.WARNING);
    assertThat(records.get(0).getMessage())
        .isEqualTo(
            "flickr.photos.search stopped at Flickr's search limit: 4000 of 6000 results"
                + " delivered; narrow the query (by upload date, say) to see the rest, or handle"
                + " Paging.Listener.onSearchLimit");
  }

  @Test
  void listenerOfPagesOnlyStillGetsTheWarning() {
    assertThat(walk(searchOf6000().listener((page, pages, total) -> {}))).isEqualTo(4_000);

    assertThat(records).hasSize(1);
  }

  @Test
  void listenerThatHandlesTheLimitSilencesTheWarning() {
    List<String> heard = new CopyOnWriteArrayList<>();
    Paging.Listener listener =
        new Paging.Listener() {
          @Override
          public void onPage(int page, int pages, long total) {}

          @Override
          public void onSearchLimit(int served, long total) {
            heard.add(served + " of " + total);
          }
        };

    assertThat(walk(searchOf6000().listener(listener))).isEqualTo(4_000);

    assertThat(heard).containsExactly("4000 of 6000");
    assertThat(records).isEmpty();
  }

  @Test
  void searchWithinTheLimitSaysNothing() {
    server.setDispatcher(new FakePhotoList(page -> 3_999, Paging.SEARCH_LIMIT));
    assertThat(
            walk(
                Paging.search(
                    Fixtures.direct(server).build().photos(),
                    SearchQuery.builder().text("seal").build())))
        .isEqualTo(3_999);

    assertThat(records).isEmpty();
  }
}
