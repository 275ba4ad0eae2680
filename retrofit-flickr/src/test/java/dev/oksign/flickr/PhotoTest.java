package dev.oksign.flickr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Image URLs against Flickr's documented scheme
 * (https://www.flickr.com/services/api/misc.urls.html), whose example is
 * https://live.staticflickr.com/7372/12502775644_acfd415fa7_w.jpg.
 */
class PhotoTest {
  private static Photo photo(Map<String, String> extras) {
    return new Photo(
        "12502775644", "1@N01", "acfd415fa7", "7372", 8, "", true, false, false, extras);
  }

  @ParameterizedTest
  @CsvSource({
    "SQUARE_75, https://live.staticflickr.com/7372/12502775644_acfd415fa7_s.jpg",
    "SQUARE_150, https://live.staticflickr.com/7372/12502775644_acfd415fa7_q.jpg",
    "THUMBNAIL_100, https://live.staticflickr.com/7372/12502775644_acfd415fa7_t.jpg",
    "SMALL_240, https://live.staticflickr.com/7372/12502775644_acfd415fa7_m.jpg",
    "SMALL_320, https://live.staticflickr.com/7372/12502775644_acfd415fa7_n.jpg",
    "SMALL_400, https://live.staticflickr.com/7372/12502775644_acfd415fa7_w.jpg",
    "MEDIUM_500, https://live.staticflickr.com/7372/12502775644_acfd415fa7.jpg",
    "MEDIUM_640, https://live.staticflickr.com/7372/12502775644_acfd415fa7_z.jpg",
    "MEDIUM_800, https://live.staticflickr.com/7372/12502775644_acfd415fa7_c.jpg",
    "LARGE_1024, https://live.staticflickr.com/7372/12502775644_acfd415fa7_b.jpg",
  })
  void urlFollowsTheDocumentedScheme(PhotoSize size, String expected) {
    assertThat(photo(Map.of()).url(size).toString()).isEqualTo(expected);
  }

  @Test
  void sizesWithTheirOwnSecretNeedTheirExtra() {
    assertThatThrownBy(() -> photo(Map.of()).url(PhotoSize.LARGE_2048))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "photo 12502775644 has no url_k: size LARGE_2048 has its own secret, ask for"
                + " Extra.URL_K");
    String sent = "https://live.staticflickr.com/7372/12502775644_0f9e8d7c6b_k.jpg";
    assertThat(photo(Map.of("url_k", sent)).url(PhotoSize.LARGE_2048).toString()).isEqualTo(sent);
  }

  @Test
  void originalIsBuiltFromItsSecretAndFormat() {
    Photo photo = photo(Map.of("originalsecret", "1e92283336", "originalformat", "png"));
    assertThat(photo.url(PhotoSize.ORIGINAL).toString())
        .isEqualTo("https://live.staticflickr.com/7372/12502775644_1e92283336_o.png");
    assertThatThrownBy(() -> photo(Map.of()).url(PhotoSize.ORIGINAL))
        .hasMessage(
            "photo 12502775644 has no original URL: ask for Extra.ORIGINAL_FORMAT or Extra.URL_O");
  }

  @Test
  void extrasAreCopiedAndImmutable() {
    java.util.HashMap<String, String> extras = new java.util.HashMap<>(Map.of("views", "3"));
    Photo photo = photo(extras);
    extras.put("views", "4");
    assertThat(photo.extra(Extra.VIEWS)).isEqualTo("3");
    assertThatThrownBy(() -> photo.extras().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
