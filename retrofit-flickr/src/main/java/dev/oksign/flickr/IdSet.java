package dev.oksign.flickr;

import java.util.HashSet;
import java.util.Set;

/**
 * The ids a {@link SearchAll} walk delivered: Flickr's numeric photo ids in an open-addressing
 * table of longs, at most half full (16 to 32 bytes an id: a million ids in 32 MB at most), any
 * other id in a {@link HashSet}.
 */
final class IdSet {
  private long[] table = new long[1024]; // 0 marks a free slot; ids are stored + 1
  private int size;
  private final Set<String> others = new HashSet<>();

  /** Adds {@code id}; returns false if it was already there. */
  boolean add(String id) {
    long n = parse(id);
    if (n < 0) return others.add(id);
    if (size * 2 >= table.length) grow();
    if (!insert(table, n + 1)) return false;
    size++;
    return true;
  }

  /** The number of ids held. */
  long size() {
    return size + others.size();
  }

  /** A non-negative id below 2^62 without leading zeros, or -1. */
  private static long parse(String id) {
    int length = id.length();
    if (length == 0 || length > 18 || (length > 1 && id.charAt(0) == '0')) return -1;
    long n = 0;
    for (int i = 0; i < length; i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9') return -1;
      n = n * 10 + (c - '0');
    }
    return n;
  }

  private static boolean insert(long[] table, long key) {
    int mask = table.length - 1;
    long h = key * 0x9E3779B97F4A7C15L;
    int i = (int) (h ^ (h >>> 32)) & mask;
    while (table[i] != 0) {
      if (table[i] == key) return false;
      i = (i + 1) & mask;
    }
    table[i] = key;
    return true;
  }

  private void grow() {
    long[] bigger = new long[table.length * 2];
    for (long key : table) if (key != 0) insert(bigger, key);
    table = bigger;
  }
}
