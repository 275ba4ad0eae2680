package dev.oksign.internal;

import java.util.Arrays;

/**
 * The request parameters of RFC 5849 §3.4.1.3, held percent-encoded (§3.4.1.3.2) in one flat array
 * of names and values. Made for speed: no boxing, no per-pair objects, sorting in place.
 */
public final class ParameterList {
  private String[] namesAndValues;
  private int size;

  /** The number of characters of every name and value, for {@link #normalizedReencodedBound()}. */
  private int chars;

  /** True while every name and value is ASCII, as {@link Percent#encode(String)} output is. */
  private boolean ascii = true;

  public ParameterList(int capacity) {
    namesAndValues = new String[Math.max(2, capacity * 2)];
  }

  /** Adds a pair given decoded; it is encoded here. */
  public void add(String name, String value) {
    addEncodedAscii(Percent.encode(name), Percent.encode(value == null ? "" : value));
  }

  /** Adds a pair already encoded per RFC 5849 §3.6. */
  public void addEncoded(String encodedName, String encodedValue) {
    if (ascii && !(isAscii(encodedName) && isAscii(encodedValue))) ascii = false;
    addEncodedAscii(encodedName, encodedValue);
  }

  /**
   * Adds a pair encoded per RFC 5849 §3.6 by {@link Percent}, and so all ASCII: unlike {@link
   * #addEncoded} it is not checked.
   */
  public void addEncodedAscii(String encodedName, String encodedValue) {
    if (size * 2 == namesAndValues.length) {
      namesAndValues = Arrays.copyOf(namesAndValues, namesAndValues.length * 2);
    }
    namesAndValues[size * 2] = encodedName;
    namesAndValues[size * 2 + 1] = encodedValue;
    chars += encodedName.length() + encodedValue.length();
    size++;
  }

  /** True if every name and value is ASCII, so that {@link #writeNormalizedReencoded} applies. */
  public boolean isAscii() {
    return ascii;
  }

  private static boolean isAscii(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      if (s.charAt(i) >= 0x80) return false;
    }
    return true;
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

  /**
   * Sorts by encoded name, then by encoded value, by byte (here: char, all ASCII) order, as
   * §3.4.1.3.2 requires. Insertion sort: lists are short and often nearly sorted.
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

  /**
   * Merges the pairs of {@code other} into this list, both sorted as {@link #sort()} sorts: the
   * result is sorted, in one pass from the end and with no array but this one's, grown if need be.
   */
  public void mergeSorted(ParameterList other) {
    int m = other.size;
    if (m == 0) return;
    int total = size + m;
    if (total * 2 > namesAndValues.length) {
      namesAndValues =
          Arrays.copyOf(namesAndValues, Math.max(total * 2, namesAndValues.length * 2));
    }
    String[] a = namesAndValues;
    String[] b = other.namesAndValues;
    int i = size - 1;
    int j = m - 1;
    for (int k = total - 1; j >= 0; k--) {
      if (i >= 0 && compare(a[i * 2], a[i * 2 + 1], b[j * 2], b[j * 2 + 1]) > 0) {
        a[k * 2] = a[i * 2];
        a[k * 2 + 1] = a[i * 2 + 1];
        i--;
      } else {
        a[k * 2] = b[j * 2];
        a[k * 2 + 1] = b[j * 2 + 1];
        j--;
      }
    }
    size = total;
    chars += other.chars;
    if (!other.ascii) ascii = false;
  }

  private static int compare(String n1, String v1, String n2, String v2) {
    int c = n1.compareTo(n2);
    return c != 0 ? c : v1.compareTo(v2);
  }

  /**
   * Appends the normalized parameter string ({@code name=value&...}, §3.4.1.3.2), itself encoded
   * once more as the base string needs it (§3.4.1.1). Call {@link #sort()} first.
   */
  public void appendNormalizedReencoded(StringBuilder out) {
    for (int i = 0; i < size; i++) {
      if (i > 0) out.append("%26");
      Percent.reencode(namesAndValues[i * 2], out);
      out.append("%3D");
      Percent.reencode(namesAndValues[i * 2 + 1], out);
    }
  }

  /**
   * A bound on the length of what {@link #writeNormalizedReencoded} writes, known without a pass
   * over the characters: each may become three, and each pair adds {@code %3D} and {@code %26}.
   */
  public int normalizedReencodedBound() {
    return 3 * chars + 6 * size;
  }

  /**
   * Writes the bytes {@link #appendNormalizedReencoded} appends, into {@code out} at {@code pos};
   * returns the position after. Only when {@link #isAscii()}. Call {@link #sort()} first.
   */
  public int writeNormalizedReencoded(byte[] out, int pos) {
    for (int i = 0; i < size; i++) {
      if (i > 0) {
        out[pos++] = '%';
        out[pos++] = '2';
        out[pos++] = '6';
      }
      pos = Percent.reencodeAscii(namesAndValues[i * 2], out, pos);
      out[pos++] = '%';
      out[pos++] = '3';
      out[pos++] = 'D';
      pos = Percent.reencodeAscii(namesAndValues[i * 2 + 1], out, pos);
    }
    return pos;
  }

  /** The normalized parameter string of §3.4.1.3.2. Call {@link #sort()} first. */
  public String normalized() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < size; i++) {
      if (i > 0) out.append('&');
      out.append(namesAndValues[i * 2]).append('=').append(namesAndValues[i * 2 + 1]);
    }
    return out.toString();
  }
}
