package dev.oksign;

import dev.oksign.internal.InMemoryNonceStore;

/**
 * Remembers the nonces an {@link OAuth1Verifier} accepted, so that a replayed request is refused
 * with {@code nonce_used} (RFC 5849 §3.3: a nonce is unique for its consumer key, token and
 * timestamp).
 *
 * <p>The default, {@link #inMemory()}, keeps a bounded number of entries, and bytes, in this JVM,
 * book-kept per consumer. A server with several instances implements this interface over a shared
 * store (with an atomic "add if absent" and an expiry of the timestamp window): a store in one JVM
 * cannot see a replay sent to another instance. Implementations must be thread-safe.
 *
 * <p>An implementation must keep one consumer from locking out another: a bound on the store should
 * be a bound per consumer (or drop the entries of whoever holds the most), never one cut-off shared
 * by all, or a consumer that sends enough requests dated at the end of the window makes every other
 * consumer's fresh requests look like replays. The verifier records only requests that passed every
 * other check (so only signed ones, from known consumers and tokens) and nonces of at most 128
 * characters; an implementation may still bound what it keeps.
 *
 * <pre>{@code
 * OAuth1Verifier verifier = OAuth1Verifier.builder()
 *     .clientSecrets(consumers::get)
 *     .tokenSecrets(tokens::get)
 *     .nonceStore(NonceStore.inMemory(50_000))
 *     .build();
 * }</pre>
 */
public interface NonceStore {
  /** The default capacity of {@link #inMemory()}, in nonces. */
  int DEFAULT_CAPACITY = 100_000;

  /** The default bound of {@link #inMemory()} on the memory its nonces take: 64 MiB. */
  long DEFAULT_MAX_BYTES = 64L << 20;

  /**
   * Records one use of a nonce and returns true if it is the first, false if the same consumer key,
   * token, timestamp and nonce were seen before, or if the store can no longer prove they were not.
   *
   * @param consumerKey the {@code oauth_consumer_key}
   * @param token the {@code oauth_token}, or null for a request without one
   * @param timestamp the {@code oauth_timestamp}, in seconds since the epoch
   * @param nonce the {@code oauth_nonce}
   * @param forgetBefore the verifier refuses every timestamp below this one, so entries older than
   *     it may be forgotten
   */
  boolean record(String consumerKey, String token, long timestamp, String nonce, long forgetBefore);

  /**
   * Returns a store in memory holding at most {@link #DEFAULT_CAPACITY} nonces and {@link
   * #DEFAULT_MAX_BYTES}.
   */
  static NonceStore inMemory() {
    return inMemory(DEFAULT_CAPACITY);
  }

  /**
   * Returns a thread-safe store in memory holding at most {@code capacity} nonces in at most {@link
   * #DEFAULT_MAX_BYTES}.
   *
   * @throws IllegalArgumentException if {@code capacity < 1}
   * @see #inMemory(int, long)
   */
  static NonceStore inMemory(int capacity) {
    return new InMemoryNonceStore(capacity);
  }

  /**
   * Returns a thread-safe store in memory holding at most {@code capacity} nonces, whose entries
   * take at most {@code maxBytes} of heap (estimated from above). Entries older than the timestamp
   * window are forgotten as time passes. Entries are kept per consumer: when a bound is reached,
   * the oldest entries of the consumer holding the most bytes are dropped, and that consumer's
   * requests (with that token) at or before the newest dropped timestamp are refused from then on,
   * since a replay of them could no longer be recognised. The store stays bounded and replays stay
   * refused; the cost, refused honest requests, falls on the consumer that filled the store, never
   * on the others.
   *
   * @throws IllegalArgumentException if {@code capacity < 1} or {@code maxBytes < 1024}
   */
  static NonceStore inMemory(int capacity, long maxBytes) {
    return new InMemoryNonceStore(capacity, maxBytes);
  }
}
