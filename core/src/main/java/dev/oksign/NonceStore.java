package dev.oksign;

import dev.oksign.internal.InMemoryNonceStore;

/**
 * Remembers the nonces an {@link OAuth1Verifier} accepted, so that a replayed request is refused
 * with {@code nonce_used} (RFC 5849 §3.3: a nonce is unique for its consumer key, token and
 * timestamp).
 *
 * <p>The default, {@link #inMemory()}, keeps a bounded number of entries in this JVM. A server with
 * several instances implements this interface over a shared store (with an atomic "add if absent"
 * and an expiry of the timestamp window). Implementations must be thread-safe.
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
  /** The default capacity of {@link #inMemory()}. */
  int DEFAULT_CAPACITY = 100_000;

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

  /** Returns a store in memory holding at most {@link #DEFAULT_CAPACITY} nonces. */
  static NonceStore inMemory() {
    return inMemory(DEFAULT_CAPACITY);
  }

  /**
   * Returns a thread-safe store in memory holding at most {@code capacity} nonces. Entries older
   * than the timestamp window are forgotten as time passes. If more than {@code capacity} nonces
   * arrive within one window, the entries of the oldest timestamps are dropped and every request at
   * or before the newest dropped timestamp is refused from then on, since a replay of it could no
   * longer be recognised: the store stays bounded and replays stay refused, at the cost of refusing
   * some honest requests in a burst larger than the capacity.
   *
   * @throws IllegalArgumentException if {@code capacity < 1}
   */
  static NonceStore inMemory(int capacity) {
    return new InMemoryNonceStore(capacity);
  }
}
