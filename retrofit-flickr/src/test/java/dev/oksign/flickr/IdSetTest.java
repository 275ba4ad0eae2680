package dev.oksign.flickr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdSetTest {
  @Test
  void remembersNumericIdsPastManyGrowths() {
    IdSet ids = new IdSet();
    for (long id = 52_000_000_000L; id < 52_000_100_000L; id += 1) {
      assertThat(ids.add(Long.toString(id))).isTrue();
    }
    assertThat(ids.size()).isEqualTo(100_000);
    for (long id = 52_000_000_000L; id < 52_000_100_000L; id += 997) {
      assertThat(ids.add(Long.toString(id))).isFalse();
    }
    assertThat(ids.add("0")).isTrue();
    assertThat(ids.add("0")).isFalse();
    assertThat(ids.add("999999999999999999")).isTrue(); // 18 digits, the longest kept as a long
    assertThat(ids.size()).isEqualTo(100_002);
  }

  @Test
  void keepsOtherIdsAsTheyAreWrittenApartFromNumbers() {
    IdSet ids = new IdSet();
    assertThat(ids.add("7")).isTrue();
    assertThat(ids.add("007")).isTrue(); // not the number 7: another string
    assertThat(ids.add("007")).isFalse();
    assertThat(ids.add("9999999999999999999")).isTrue(); // 19 digits
    assertThat(ids.add("9999999999999999999")).isFalse();
    assertThat(ids.add("abc")).isTrue();
    assertThat(ids.add("-1")).isTrue();
    assertThat(ids.add("")).isTrue();
    assertThat(ids.add("")).isFalse();
    assertThat(ids.size()).isEqualTo(6);
  }
}
