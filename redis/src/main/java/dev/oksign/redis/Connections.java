package dev.oksign.redis;

import java.net.URI;
import java.time.Duration;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * The Redis client of a store or limiter, and the one place where Jedis' failures become ours.
 *
 * <p>A client built here from a URI has every wait bounded by half the {@code timeout}: waiting for
 * a pooled connection, connecting, and reading a reply. A connection that failed is dropped by the
 * pool and the next call opens a new one, so service resumes by itself once Redis is back.
 */
final class Connections implements AutoCloseable {
  final UnifiedJedis client;
  private final boolean owned;
  private final String address;
  private final long timeoutNanos;

  private Connections(UnifiedJedis client, boolean owned, String address, Duration timeout) {
    this.client = client;
    this.owned = owned;
    this.address = address;
    this.timeoutNanos = timeout.toNanos();
  }

  /** A client of ours, to {@code uri}, with every wait bounded by {@code timeout}. */
  static Connections open(URI uri, Duration timeout, int maxConnections) {
    if (!JedisURIHelper.isValid(uri)) {
      throw new IllegalArgumentException(
          "not a redis:// or rediss:// URI with a host: " + safe(uri));
    }
    // Half the timeout per wait: when a read times out, Jedis replaces the broken connection in the
    // pool before it gives up (a second wait), so a call fails within about the whole timeout.
    int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis() / 2));
    DefaultJedisClientConfig.Builder config =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(millis)
            .socketTimeoutMillis(millis)
            .user(JedisURIHelper.getUser(uri))
            .password(JedisURIHelper.getPassword(uri))
            .clientName("oksign");
    if (JedisURIHelper.isRedisSSLScheme(uri)) config.sslOptions(SslOptions.defaults());
    if (JedisURIHelper.hasDbIndex(uri)) config.database(JedisURIHelper.getDBIndex(uri));
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(maxConnections);
    pool.setMaxIdle(maxConnections);
    pool.setMaxWait(Duration.ofMillis(millis)); // never the default: forever
    pool.setBlockWhenExhausted(true);
    HostAndPort hostAndPort = JedisURIHelper.getHostAndPort(uri);
    RedisClient client =
        RedisClient.builder()
            .hostAndPort(hostAndPort)
            .clientConfig(config.build())
            .poolConfig(pool)
            .build();
    return new Connections(client, true, hostAndPort.toString(), timeout);
  }

  /** The user's client: its timeouts, pool and topology are the user's. */
  static Connections of(UnifiedJedis client, Duration timeout) {
    return new Connections(client, false, "the given client", timeout);
  }

  /** What a call does with the client. */
  interface Call<T> {
    T run(UnifiedJedis client);
  }

  /**
   * Runs {@code call}, once more if the connection broke quickly (a pooled connection that Redis
   * closed when it restarted fails at once, and the retry gets a new one).
   *
   * @throws RedisUnavailableException if Redis cannot be asked
   */
  <T> T run(String what, Call<T> call) {
    long start = System.nanoTime();
    try {
      return call.run(client);
    } catch (JedisConnectionException first) {
      // Only a failure at once is a stale connection; a timeout is not waited for twice.
      if (System.nanoTime() - start >= timeoutNanos / 4) throw unavailable(what, first);
      try {
        return call.run(client);
      } catch (JedisException second) {
        second.addSuppressed(first);
        throw unavailable(what, second);
      }
    } catch (JedisException e) {
      throw unavailable(what, e);
    }
  }

  private RedisUnavailableException unavailable(String what, JedisException e) {
    return new RedisUnavailableException(
        "Redis at " + address + " is unavailable, " + what + ": " + e.getMessage(), e);
  }

  String address() {
    return address;
  }

  @Override
  public void close() {
    if (owned) client.close();
  }

  /** The URI without its user information, for messages. */
  static String safe(URI uri) {
    return uri.getUserInfo() == null
        ? uri.toString()
        : uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort() + uri.getRawPath();
  }
}
