package dev.oksign.flickr.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JDK 9–11 conveniences this module would use, in forms Android API level 26 has: {@code
 * List.copyOf}, {@code Map.copyOf}, {@code String.isBlank} and {@code String.strip}, with the same
 * results. The animal-sniffer check in this module's pom rejects the originals.
 */
public final class Api26 {
  private Api26() {}

  /**
   * An unmodifiable copy of {@code list}, like {@code List.copyOf}: a null element throws, naming
   * {@code name}.
   */
  public static <T> List<T> copyOf(Collection<? extends T> list, String name) {
    if (list.isEmpty()) return Collections.emptyList();
    List<T> copy = new ArrayList<>(list);
    for (T element : copy) {
      if (element == null) throw new NullPointerException(name + " has a null");
    }
    return Collections.unmodifiableList(copy);
  }

  /**
   * An unmodifiable copy of {@code map} in its iteration order, like {@code Map.copyOf}: a null key
   * or value throws, naming {@code name}.
   */
  public static <K, V> Map<K, V> copyOf(Map<? extends K, ? extends V> map, String name) {
    if (map.isEmpty()) return Collections.emptyMap();
    Map<K, V> copy = new LinkedHashMap<>(map);
    for (Map.Entry<K, V> entry : copy.entrySet()) {
      if (entry.getKey() == null) throw new NullPointerException(name + " has a null key");
      if (entry.getValue() == null) {
        throw new NullPointerException(name + " has a null value for " + entry.getKey());
      }
    }
    return Collections.unmodifiableMap(copy);
  }

  /** True if {@code s} is empty or only white space, like {@code String.isBlank}. */
  public static boolean isBlank(String s) {
    return start(s) == s.length();
  }

  /**
   * {@code s} without leading and trailing white space, like {@code String.strip}: white space is
   * what {@link Character#isWhitespace(int)} says it is, where {@link String#trim()} drops every
   * char up to {@code ' '} and no other.
   */
  public static String strip(String s) {
    int start = start(s);
    int end = s.length();
    while (end > start) {
      int c = s.codePointBefore(end);
      if (!Character.isWhitespace(c)) break;
      end -= Character.charCount(c);
    }
    return s.substring(start, end);
  }

  /** The index of the first code point of {@code s} that is not white space, or its length. */
  private static int start(String s) {
    int i = 0;
    while (i < s.length()) {
      int c = s.codePointAt(i);
      if (!Character.isWhitespace(c)) break;
      i += Character.charCount(c);
    }
    return i;
  }
}
