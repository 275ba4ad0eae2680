package dev.oksign.redis;

import dev.oksign.NonceStore;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * A {@link NonceStore} on Redis: every instance of a provider that uses the same Redis (and key
 * prefix) refuses a nonce any of them accepted, so a request captured at one instance and replayed
 * to another within the timestamp window is refused with {@code nonce_used}.
 *
 * <pre>{@code
 * RedisNonceStore nonces = RedisNonceStore.create("redis://redis.internal:6379");
 * OAuth1Verifier verifier = OAuth1Verifier.builder()
 *     .clientSecrets(consumers::get)
 *     .tokenSecrets(tokens::get)
 *     .nonceStore(nonces)
 *     .build();
 * }</pre>
 *
 * <p><b>One round trip per verification.</b> {@link #record} is a single {@code SET key value NX PX
 * ttl GET}: the key is written only if absent, atomically on the server, and expires when the
 * verifier can no longer accept its timestamp ({@code timestamp - forgetBefore} seconds, plus one),
 * so Redis holds the nonces of at most one window's traffic, a little over two windows' worth of
 * keys at the most. Needs Redis 7.0 or later ({@code NX} together with {@code GET}).
 *
 * <p><b>Keys.</b> {@code <prefix>{<consumer key>}:<token>:<timestamp>:<nonce>}, each part
 * URL-encoded so that no {@code :}, <code>{</code> or <code>}</code> of a value can make two
 * requests share a key ({@code <token>} is empty for a request without a token). The consumer key
 * is the <a
 * href="https://redis.io/docs/latest/operate/oss_and_stack/reference/cluster-spec/#hash-tags">hash
 * tag</a>: on a Redis Cluster, all nonces of one consumer live in one slot and the consumers spread
 * over the cluster. Pass a {@code JedisCluster} (a {@link UnifiedJedis}) to {@link Builder#client}.
 *
 * <p><b>When Redis is unavailable, nothing is accepted unchecked.</b> {@link #record} throws {@link
 * RedisUnavailableException}, so {@code OAuth1Verifier.verify} throws it too and the request is
 * neither accepted nor recorded; answer it with {@code 503 Service Unavailable}. A nonce store that
 * said "not seen" would let replays through; one that said "seen" would tell an honest client its
 * nonce was used. A client built from a URI gives up after about {@link Builder#timeout}; a
 * connection that broke at once is retried once (which is how a pool of connections to a Redis that
 * restarted heals), and every later call opens a new connection, so service resumes by itself when
 * Redis is back. A retried write that had reached Redis is recognised by its value, so an honest
 * request is not refused because a reply was lost.
 *
 * <p><b>Redis must not evict these keys.</b> Every nonce key has an expiry, so a {@code
 * maxmemory-policy} of {@code volatile-*} or {@code allkeys-*} would drop nonces under memory
 * pressure and let their replays through. Use {@code noeviction} (the default): a full Redis then
 * refuses writes, and the store fails closed.
 *
 * <p><b>A Redis that restarts without persistence forgets the nonces of the last window</b>: a
 * request captured before the restart could be replayed once after it, until its timestamp leaves
 * the window. Where that matters, run Redis with {@code appendonly yes} (and {@code appendfsync
 * always} to lose nothing), or a replica with failover.
 *
 * <p><b>Why Jedis.</b> The verifier asks one question at a time and waits for the answer; Jedis is
 * a small synchronous client (a connection pool from commons-pool, no Netty, no reactive runtime)
 * that does exactly that, with cluster, sentinel and TLS support behind the same {@link
 * UnifiedJedis} type. Lettuce's strengths, asynchronous pipelining over one shared connection, do
 * not help a blocking {@code record} and would bring Netty and Reactor to every provider.
 *
 * <p>Thread-safe. Close it to close a client it built from a URI; a client passed to {@link
 * Builder#client} is left open.
 */
public final class RedisNonceStore implements NonceStore, AutoCloseable {
  /** The key prefix unless {@link Builder#keyPrefix} says otherwise. */
  public static final String DEFAULT_KEY_PREFIX = "oksign:nonce:";

  private final Connections connections;
  private final String keyPrefix;
  private final String instance = UUID.randomUUID().toString();
  private final AtomicLong attempts = new AtomicLong();

  private RedisNonceStore(Builder builder) {
    this.connections =
        builder.client != null
            ? Connections.of(builder.client, builder.timeout)
            : Connections.open(builder.uri, builder.timeout, builder.maxConnections);
    this.keyPrefix = builder.keyPrefix;
  }

  /**
   * Returns a store on the Redis at {@code uri} ({@code redis://[user:password@]host:port[/db]}, or
   * {@code rediss://} for TLS), with the default prefix and timeout.
   */
  public static RedisNonceStore create(String uri) {
    return builder().uri(uri).build();
  }

  /** Returns a builder: no Redis yet, prefix {@value #DEFAULT_KEY_PREFIX}, timeout 1 s. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Records the nonce in Redis and returns true if no instance recorded it before.
   *
   * @throws RedisUnavailableException if Redis could not be asked in time; nothing is accepted
   */
  @Override
  public boolean record(
      String consumerKey, String token, long timestamp, String nonce, long forgetBefore) {
    if (timestamp < forgetBefore) return false;
    String key = key(consumerKey, token, timestamp, nonce);
    long ttlMillis = (Math.min(timestamp - forgetBefore, Long.MAX_VALUE / 1000 - 1) + 1) * 1000;
    String value = instance + ":" + attempts.incrementAndGet();
    SetParams params = SetParams.setParams().nx().px(ttlMillis);
    String previous =
        connections.run("recording a nonce", client -> client.setGet(key, value, params));
    // Null: the key was absent and is ours now. Our own value: a retry after a lost reply.
    return previous == null || previous.equals(value);
  }

  String key(String consumerKey, String token, long timestamp, String nonce) {
    return keyPrefix
        + '{'
        + encode(consumerKey)
        + "}:"
        + (token == null ? "" : encode(token))
        + ':'
        + timestamp
        + ':'
        + encode(nonce);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Closes the client if this store built it. */
  @Override
  public void close() {
    connections.close();
  }

  /** Names the Redis address and the prefix; never a password. */
  @Override
  public String toString() {
    return "RedisNonceStore[" + connections.address() + ", keyPrefix=" + keyPrefix + "]";
  }

  /** Builds a {@link RedisNonceStore}. */
  public static final class Builder {
    private URI uri;
    private UnifiedJedis client;
    private String keyPrefix = DEFAULT_KEY_PREFIX;
    private Duration timeout = Duration.ofSeconds(1);
    private int maxConnections = 64;

    Builder() {}

    /**
     * The Redis to use: {@code redis://[user:password@]host:port[/db]}, or {@code rediss://} for
     * TLS. The store builds its own client, with every wait bounded by {@link #timeout}, and closes
     * it in {@link #close()}. Either this or {@link #client}.
     */
    public Builder uri(String uri) {
      if (uri == null) throw new NullPointerException("uri == null");
      this.uri = URI.create(uri);
      this.client = null;
      return this;
    }

    /**
     * A client of your own (a {@code RedisClient}, a {@code JedisCluster}, a sentinel client...),
     * with your timeouts; give it bounded ones. The store does not close it. Either this or {@link
     * #uri}.
     */
    public Builder client(UnifiedJedis client) {
      if (client == null) throw new NullPointerException("client == null");
      this.client = client;
      this.uri = null;
      return this;
    }

    /**
     * The prefix of every key, {@value #DEFAULT_KEY_PREFIX} by default. Stores that must not share
     * nonces use different prefixes.
     *
     * @throws IllegalArgumentException if it contains a brace, which would change the hash tag
     */
    public Builder keyPrefix(String keyPrefix) {
      if (keyPrefix == null) throw new NullPointerException("keyPrefix == null");
      if (keyPrefix.indexOf('{') >= 0 || keyPrefix.indexOf('}') >= 0) {
        throw new IllegalArgumentException(
            "keyPrefix must not contain { or }: the consumer key is the hash tag: " + keyPrefix);
      }
      this.keyPrefix = keyPrefix;
      return this;
    }

    /**
     * How long a call waits for Redis when this store built the client from {@link #uri}; 1 second
     * by default. A call that gets no connection or no answer fails with {@link
     * RedisUnavailableException} after about this long (each wait, for a free connection, to
     * connect or for the reply, is bounded by half of it).
     */
    public Builder timeout(Duration timeout) {
      this.timeout = positive(timeout, "timeout");
      return this;
    }

    /** The most connections a client built from {@link #uri} opens at once; 64 by default. */
    public Builder maxConnections(int maxConnections) {
      if (maxConnections < 1) throw new IllegalArgumentException("maxConnections < 1");
      this.maxConnections = maxConnections;
      return this;
    }

    /**
     * Returns the store. A client built from a URI connects lazily: building succeeds while Redis
     * is down.
     *
     * @throws IllegalStateException if neither {@code uri} nor {@code client} was given
     */
    public RedisNonceStore build() {
      if (uri == null && client == null) {
        throw new IllegalStateException("uri == null && client == null: say which Redis to use");
      }
      return new RedisNonceStore(this);
    }
  }

  static Duration positive(Duration duration, String name) {
    if (duration == null) throw new NullPointerException(name + " == null");
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + duration);
    }
    return duration;
  }
}
