package dev.oksign.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class FakeFlickrDataTest {
  @Test
  void isTheSameForTheSameSeed() {
    FakeFlickrData a = FakeFlickrData.generate();
    FakeFlickrData b = FakeFlickrData.generate(FakeFlickrData.DEFAULT_SEED, 6_000);
    assertThat(a.photos()).isEqualTo(b.photos());
    assertThat(a.photoset(FakeFlickrData.PHOTOSET_1234_ID))
        .isEqualTo(b.photoset(FakeFlickrData.PHOTOSET_1234_ID));
    assertThat(FakeFlickrData.generate(1L, 6_000).photos()).isNotEqualTo(a.photos());
  }

  @Test
  void hasPhotosetsOf0And500And1234DistinctPhotosOfTheDemoUser() {
    FakeFlickrData data = FakeFlickrData.generate();
    for (String id :
        List.of(
            FakeFlickrData.EMPTY_PHOTOSET_ID,
            FakeFlickrData.PHOTOSET_500_ID,
            FakeFlickrData.PHOTOSET_1234_ID)) {
      FakeFlickrData.Photoset set = data.photoset(id);
      int expected = Integer.parseInt(id.substring(id.length() - 4));
      assertThat(set.photos()).hasSize(expected);
      assertThat(new HashSet<>(set.photos())).hasSize(expected);
      assertThat(set.photos()).allMatch(p -> p.owner().equals(FakeFlickrData.DEMO_USER_NSID));
    }
    assertThat(data.photosets(FakeFlickrData.DEMO_USER_NSID)).hasSize(3);
  }

  @Test
  void hasASearchableCorpusLargerThanFlickrsCap() {
    FakeFlickrData data = FakeFlickrData.generate();
    assertThat(data.search(FakeFlickrData.CORPUS_TAG, null, null, null)).hasSize(6_000);
    List<FakeFlickrData.Photo> harbour = data.search("Harbour", null, null, null);
    assertThat(harbour)
        .isNotEmpty()
        .allMatch(p -> p.title().toLowerCase().contains("harbour") || p.tags().contains("harbour"));
    assertThat(data.search("harbour -misty", null, null, null))
        .noneMatch(p -> p.tags().contains("misty"))
        .hasSizeLessThan(harbour.size());
    assertThat(data.search(null, "oslo,kyoto", "all", null)).isEmpty();
    assertThat(data.search(null, "oslo,kyoto", "any", null))
        .isNotEmpty()
        .allMatch(p -> p.tags().contains("oslo") || p.tags().contains("kyoto"));
  }

  @Test
  void refusesACorpusTooSmallForThePhotosets() {
    assertThatThrownBy(() -> FakeFlickrData.generate(1L, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("corpusSize < 2500");
  }
}
