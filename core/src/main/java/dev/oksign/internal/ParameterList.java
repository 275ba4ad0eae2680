package dev.oksign.internal;

import java.util.Arrays;
import okhttp3.HttpUrl;

/**
 * Request parameters (RFC 5849 §3.4.1.3), held percent-encoded (§3.4.1.3.2) in one flat array of
 * names and values, in the order added until {@link #sort()}.
 */
public final class ParameterList {
  private String[] namesAndValues;
  private int size;

  public ParameterList(int capacity) {
    namesAndValues = new String[Math.max(2, capacity * 2)];
  }

  /** Adds a pair given decoded; it is encoded here (§3.6). A null value is an empty one. */
  public void add(String name, String value) {
    addEncoded(Percent.encode(name), value == null ? "" : Percent.encode(value));
  }

  /** Adds a pair already encoded by {@link Percent#encode}. */
  public void addEncoded(String encodedName, String encodedValue) {
    if (size * 2 == namesAndValues.length) {
      namesAndValues = Arrays.copyOf(namesAndValues, namesAndValues.length * 2);
    }
    namesAndValues[size * 2] = encodedName;
    namesAndValues[size * 2 + 1] = encodedValue;
    size++;
  }

  /** Adds every pair of {@code other}. */
  public void addAll(ParameterList other) {
    for (int i = 0; i < other.size; i++) addEncoded(other.encodedName(i), other.encodedValue(i));
  }

  /**
   * Adds the query parameters of {@code url} (§3.4.1.3.1), as {@link HttpUrl} splits and decodes
   * them. An empty pair ({@code a&&b}) is none, as form parsers agree; a name without {@code =} has
   * an empty value.
   */
  public void addQuery(HttpUrl url) {
    for (int i = 0, n = url.querySize(); i < n; i++) {
      String name = url.queryParameterName(i);
      String value = url.queryParameterValue(i);
      if (value != null || !name.isEmpty()) add(name, value);
    }
  }

  public int size() {
    return size;
  }

  public String encodedName(int i) {
    return namesAndValues[i * 2];
  }

  public String encodedValue(int i) {
    return namesAndValues[i * 2 + 1];
  }

  /** The index of the first name from {@code from} on that starts with {@code oauth_}, or -1. */
  public int firstProtocolName(int from) {
    for (int i = from; i < size; i++) {
      if (encodedName(i).startsWith(OAuth.PREFIX)) return i;
    }
    return -1;
  }

  /**
   * Sorts by encoded name, then by encoded value, in byte order (§3.4.1.3.2; all ASCII, so char
   * order is byte order). Insertion sort: lists are short and often nearly sorted.
   */
  public void sort() {
    String[] a = namesAndValues;
    for (int i = 1; i < size; i++) {
      String name = a[i * 2];
      String value = a[i * 2 + 1];
      int j = i - 1;
      while (j >= 0 && compare(a[j * 2], a[j * 2 + 1], name, value) > 0) {
        a[(j + 1) * 2] = a[j * 2];
        a[(j + 1) * 2 + 1] = a[j * 2 + 1];
        j--;
      }
      a[(j + 1) * 2] = name;
      a[(j + 1) * 2 + 1] = value;
    }
  }

  private static int compare(String n1, String v1, String n2, String v2) {
    int c = n1.compareTo(n2);
    return c != 0 ? c : v1.compareTo(v2);
  }

  /** The normalized parameter string of §3.4.1.3.2: {@code name=value&...}. Sort first. */
  public String normalized() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < size; i++) {
      if (i > 0) out.append('&');
      out.append(encodedName(i)).append('=').append(encodedValue(i));
    }
    return out.toString();
  }
}
