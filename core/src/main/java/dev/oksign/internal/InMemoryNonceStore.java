package dev.oksign.internal;

import dev.oksign.NonceStore;
import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * A bounded {@link NonceStore} in memory. Entries are ordered by timestamp; those below the
 * verifier's window are forgotten, and when the capacity is exceeded the oldest are evicted and the
 * "floor" is raised to their timestamp, so that a replay of an evicted nonce is still refused.
 */
public final class InMemoryNonceStore implements NonceStore {
  private final int capacity;
  private final Set<String> keys = new HashSet<>();
  private final PriorityQueue<Entry> byTimestamp =
      new PriorityQueue<>((a, b) -> Long.compare(a.timestamp, b.timestamp));
  private long floor = Long.MIN_VALUE;

  public InMemoryNonceStore(int capacity) {
    if (capacity < 1) throw new IllegalArgumentException("capacity < 1: " + capacity);
    this.capacity = capacity;
  }

  @Override
  public synchronized boolean record(
      String consumerKey, String token, long timestamp, String nonce, long forgetBefore) {
    while (!byTimestamp.isEmpty() && byTimestamp.peek().timestamp < forgetBefore) {
      keys.remove(byTimestamp.poll().key);
    }
    if (timestamp < forgetBefore || timestamp <= floor) return false;
    String key =
        consumerKey.length()
            + ":"
            + consumerKey
            + (token == null ? "-" : token.length() + ":" + token)
            + ":"
            + timestamp
            + ":"
            + nonce;
    if (!keys.add(key)) return false;
    byTimestamp.add(new Entry(timestamp, key));
    while (keys.size() > capacity) {
      Entry evicted = byTimestamp.poll();
      keys.remove(evicted.key);
      floor = Math.max(floor, evicted.timestamp);
    }
    return true;
  }

  /** The number of nonces held now. */
  public synchronized int size() {
    return keys.size();
  }

  @Override
  public String toString() {
    return "NonceStore.inMemory(" + capacity + ")";
  }

  private static final class Entry {
    final long timestamp;
    final String key;

    Entry(long timestamp, String key) {
      this.timestamp = timestamp;
      this.key = key;
    }
  }
}
