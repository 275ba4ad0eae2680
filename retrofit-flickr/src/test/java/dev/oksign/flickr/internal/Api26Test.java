package dev.oksign.flickr.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The API 26 stand-ins give what the JDK 11 methods they replace give; the tests run on 17. */
class Api26Test {
  /**
   * White space by every rule in play: ASCII, controls that trim() drops but isWhitespace does not,
   * Unicode spaces that isWhitespace takes and trim() keeps, no-break spaces neither takes, and a
   * supplementary code point at either end.
   */
  private static final List<String> SAMPLES =
      Arrays.asList(
          "",
          " ",
          "\t\n\u000b\f\r",
          "\u0000",
          "\u0001x\u0001",
          "\u001c\u001d\u001e\u001f",
          "\u2003",
          " \u2003 a b \u2028 ",
          "\u3000tag\u3000",
          "\u00a0",
          "\u00a0x\u202f",
          "\u2007",
          "\ud83d\udcf7",
          " \ud83d\udcf7 ",
          "\u1680\ud83d\udcf7\u205f",
          "plain",
          " lead",
          "trail\t");

  @Test
  void isBlankAgreesWithStringIsBlank() {
    for (String s : SAMPLES) {
      assertThat(Api26.isBlank(s)).as(escaped(s)).isEqualTo(s.isBlank());
    }
  }

  @Test
  void stripAgreesWithStringStrip() {
    for (String s : SAMPLES) {
      assertThat(Api26.strip(s)).as(escaped(s)).isEqualTo(s.strip());
    }
  }

  @Test
  void listCopyIsDetachedAndUnmodifiable() {
    List<String> source = new ArrayList<>(Arrays.asList("a", "b"));
    List<String> copy = Api26.copyOf(source, "tags");
    source.add("c");

    assertThat(copy).containsExactly("a", "b");
    assertThatThrownBy(() -> copy.add("d")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void listCopyRejectsNullElementsLikeListCopyOf() {
    List<String> withNull = Arrays.asList("a", null);

    assertThatThrownBy(() -> List.copyOf(withNull)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Api26.copyOf(withNull, "tags"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("tags has a null");
  }

  @Test
  void mapCopyKeepsOrderIsDetachedAndUnmodifiable() {
    Map<String, String> source = new LinkedHashMap<>();
    source.put("views", "7");
    source.put("date_taken", "2024-05-01 10:00:00");
    Map<String, String> copy = Api26.copyOf(source, "extras");
    source.put("tags", "seal");

    assertThat(copy)
        .containsExactly(Map.entry("views", "7"), Map.entry("date_taken", "2024-05-01 10:00:00"));
    assertThatThrownBy(() -> copy.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void mapCopyRejectsNullKeysAndValuesLikeMapCopyOf() {
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("views", null);
    Map<String, String> nullKey = new HashMap<>();
    nullKey.put(null, "7");

    assertThatThrownBy(() -> Map.copyOf(nullValue)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Api26.copyOf(nullValue, "extras"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("extras has a null value for views");
    assertThatThrownBy(() -> Map.copyOf(nullKey)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Api26.copyOf(nullKey, "extras"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("extras has a null key");
  }

  private static String escaped(String s) {
    StringBuilder out = new StringBuilder();
    s.codePoints().forEach(c -> out.append(String.format("U+%04X ", c)));
    return out.toString();
  }
}
