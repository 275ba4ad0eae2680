package dev.oksign.redis;

import dev.oksign.flickr.RateLimiter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A {@link RateLimiter} whose budget lives in Redis: every process that uses the same Redis and
 * {@link Builder#budget budget name} draws from one budget, so workers sharing a Flickr API key
 * share its 3,600 calls an hour without splitting them by hand.
 *
 * <pre>{@code
 * RedisRateLimiter budget = RedisRateLimiter.builder()
 *     .uri("redis://redis.internal:6379")
 *     .budget("flickr:" + apiKey)
 *     .permits(3_600, Duration.ofHours(1))
 *     .build();
 * Flickr flickr = Flickr.builder().clientCredentials(key, secret).rateLimiter(budget).build();
 * }</pre>
 *
 * <p><b>The guarantee.</b> At most {@code permits} calls are granted in any window of {@code
 * window} (a sliding window, not one aligned to the clock), over all processes together; a call
 * leaves no earlier than the time it was granted. Redis keeps the grant times of the last window in
 * a sorted set (one entry per call, so a budget of N per window holds about N entries) and a Lua
 * script, run atomically on the server and timed by the server's clock, gives each call the
 * earliest time that keeps the guarantee: now, or one window after the N-th latest grant. A call
 * leaves when its thread runs again after the grant, which on a busy machine can be milliseconds
 * late; a server that counts arrivals in windows of seconds should be given a budget a little below
 * its limit.
 *
 * <p><b>Fairness.</b> A call that finds the budget spent reserves the next free time and sleeps
 * until it, like {@code RateLimiter.of}: calls are served in the order they reach Redis, whichever
 * process they come from, so no process starves and no thundering herd polls Redis. A call whose
 * turn is further than {@link Builder#maxWait} away takes nothing and fails with an {@link
 * IOException}; an interrupted wait gives its reserved time back. Time spent waiting for Redis
 * counts against {@code maxWait}. A call whose connection broke at once is retried once; if the
 * first try had reached Redis, its reservation stays unused. Likewise a Redis that stalls (answers
 * nothing within the timeout, then resumes) still runs the calls that gave up on it, whose
 * reservations nobody uses. Either way the budget is under-used for a window, never overspent.
 *
 * <p><b>When Redis is unavailable</b> (refused, no answer within {@link Builder#timeout}), {@link
 * Builder#whenUnavailable} decides: {@link WhenUnavailable#BLOCK} (the default) retries until Redis
 * answers, within {@code maxWait}, so the budget is never overspent; {@link WhenUnavailable#FAIL}
 * throws at once; {@link WhenUnavailable#localShare} falls back to a limiter of this process (give
 * it this process's share, such as {@code RateLimiter.perHour(3_600 / processes)}) until Redis
 * answers again. A Redis that restarts without persistence forgets the grants of the last window,
 * so up to {@code permits} more may go out in the window of the restart.
 *
 * <p>Needs {@code oksign-retrofit-flickr} on the classpath (an optional dependency of this module).
 * The budget is one key, {@code <prefix><budget>}, so it works on a Redis Cluster as it is. See
 * {@link RedisNonceStore} for why Jedis. Thread-safe; close it to close a client it built from a
 * URI.
 */
public final class RedisRateLimiter implements RateLimiter, AutoCloseable {
  /** The key prefix unless {@link Builder#keyPrefix} says otherwise. */
  public static final String DEFAULT_KEY_PREFIX = "oksign:budget:";

  // KEYS[1]: the sorted set of grant times (microseconds, Redis clock).
  // ARGV: permits, window (us), max wait (us), a member unique to this call.
  // Returns {1, wait, grant} when a time was taken, {0, wait, grant} when it is too far away.
  static final String SCRIPT =
      "local t = redis.call('TIME')\n"
          + "local now = tonumber(t[1]) * 1000000 + tonumber(t[2])\n"
          + "local permits = tonumber(ARGV[1])\n"
          + "local window = tonumber(ARGV[2])\n"
          + "redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)\n"
          + "local at = now\n"
          + "local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')\n"
          + "if last[2] then at = math.max(at, tonumber(last[2])) end\n"
          + "if redis.call('ZCARD', KEYS[1]) >= permits then\n"
          + "  local nth = redis.call('ZRANGE', KEYS[1], -permits, -permits, 'WITHSCORES')\n"
          + "  at = math.max(at, tonumber(nth[2]) + window)\n"
          + "end\n"
          + "if at - now > tonumber(ARGV[3]) then return {0, at - now, at} end\n"
          + "redis.call('ZADD', KEYS[1], at, ARGV[4])\n"
          + "redis.call('PEXPIRE', KEYS[1], math.floor((at - now + window) / 1000) + 1000)\n"
          + "return {1, at - now, at}\n";

  static final String SCRIPT_SHA1 = sha1(SCRIPT);

  private static final long BLOCK_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final Connections connections;
  private final String key;
  private final int permits;
  private final Duration window;
  private final Duration maxWait;
  private final WhenUnavailable whenUnavailable;
  private final String instance = UUID.randomUUID().toString();
  private final AtomicLong calls = new AtomicLong();

  private RedisRateLimiter(Builder builder) {
    this.connections =
        builder.client != null
            ? Connections.of(builder.client, builder.timeout)
            : Connections.open(builder.uri, builder.timeout, builder.maxConnections);
    this.key = builder.keyPrefix + builder.budget;
    this.permits = builder.permits;
    this.window = builder.window;
    this.maxWait = builder.maxWait != null ? builder.maxWait : builder.window;
    this.whenUnavailable = builder.whenUnavailable;
  }

  /** Returns a builder: no Redis, budget or permits yet; wait at most a window; block when down. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Blocks until this call's time in the shared budget.
   *
   * @throws InterruptedIOException if interrupted while waiting; the reserved time is given back
   * @throws IOException if the next free time is more than {@code maxWait} away, or Redis is
   *     unavailable and the policy is to fail (or it stayed unavailable for {@code maxWait})
   */
  @Override
  public void acquire() throws IOException {
    grant();
  }

  /**
   * Takes a permit, waits for it, and returns the time it was granted in microseconds on Redis'
   * clock, or -1 when the local share granted it.
   */
  long grant() throws IOException {
    long start = System.nanoTime();
    long maxWaitNanos = maxWait.toNanos();
    while (true) {
      String member = instance + ":" + calls.incrementAndGet();
      // What is left of maxWait: time spent waiting for Redis counts too.
      long leftMicros = Math.max(0, (maxWaitNanos - (System.nanoTime() - start)) / 1000);
      List<String> arguments =
          Arrays.asList(
              Integer.toString(permits),
              Long.toString(micros(window)),
              Long.toString(leftMicros),
              member);
      List<?> answer;
      try {
        answer = connections.run("taking a permit of " + key, client -> run(client, arguments));
      } catch (RedisUnavailableException e) {
        if (whenUnavailable == WhenUnavailable.FAIL) throw new IOException(e.getMessage(), e);
        if (whenUnavailable.localShare != null) {
          whenUnavailable.localShare.acquire();
          return -1;
        }
        long waited = System.nanoTime() - start;
        if (waited >= maxWaitNanos) {
          throw new IOException(
              e.getMessage()
                  + " (retried for "
                  + Duration.ofNanos(waited)
                  + ", maxWait "
                  + maxWait
                  + ")",
              e);
        }
        sleep(Math.min(BLOCK_RETRY_NANOS, maxWaitNanos - waited), null);
        continue;
      }
      long granted = ((Number) answer.get(0)).longValue();
      long waitMicros = ((Number) answer.get(1)).longValue();
      long at = ((Number) answer.get(2)).longValue();
      if (granted == 0) {
        throw new IOException(
            "the budget "
                + key
                + " ("
                + permits
                + " per "
                + window
                + ") is taken for the next "
                + Duration.ofNanos(waitMicros * 1000)
                + ", longer than what is left of maxWait "
                + maxWait);
      }
      if (waitMicros > 0) sleep(TimeUnit.MICROSECONDS.toNanos(waitMicros), member);
      return at;
    }
  }

  /** The script by its SHA-1, sent whole only when Redis does not have it (after a restart). */
  private List<?> run(UnifiedJedis client, List<String> arguments) {
    try {
      return (List<?>) client.evalsha(SCRIPT_SHA1, List.of(key), arguments);
    } catch (JedisNoScriptException e) {
      return (List<?>) client.eval(SCRIPT, List.of(key), arguments);
    }
  }

  private static String sha1(String script) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder(40);
      for (byte b : digest)
        hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every Java platform has SHA-1", e);
    }
  }

  private void sleep(long nanos, String reserved) throws InterruptedIOException {
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (reserved != null) {
        try {
          connections.run("giving back a permit", client -> client.zrem(key, reserved));
        } catch (RedisUnavailableException ignored) {
          // The reserved time stays taken: the budget is under-used, never overspent.
        }
      }
      InterruptedIOException interrupted =
          new InterruptedIOException("interrupted while waiting for the budget " + key);
      interrupted.initCause(e);
      throw interrupted;
    }
  }

  private static long micros(Duration duration) {
    return TimeUnit.NANOSECONDS.toMicros(duration.toNanos());
  }

  /** Closes the client if this limiter built it. */
  @Override
  public void close() {
    connections.close();
  }

  /** Names the budget, its size and the Redis address; never a password. */
  @Override
  public String toString() {
    return "RedisRateLimiter["
        + key
        + ": "
        + permits
        + " per "
        + window
        + ", "
        + connections.address()
        + ", when unavailable "
        + whenUnavailable
        + "]";
  }

  /** What {@link RedisRateLimiter#acquire} does when Redis cannot be asked. */
  public static final class WhenUnavailable {
    /**
     * Retry every 100 ms until Redis answers, and fail with an {@link IOException} once {@code
     * maxWait} has passed: the shared budget is never overspent. The default.
     */
    public static final WhenUnavailable BLOCK = new WhenUnavailable("BLOCK", null);

    /** Fail at once with an {@link IOException}. */
    public static final WhenUnavailable FAIL = new WhenUnavailable("FAIL", null);

    private final String name;
    final RateLimiter localShare;

    private WhenUnavailable(String name, RateLimiter localShare) {
      this.name = name;
      this.localShare = localShare;
    }

    /**
     * Take a permit from {@code share}, a limiter of this process, while Redis is unavailable, and
     * go back to the shared budget as soon as it answers. Give each process its share, such as
     * {@code RateLimiter.perHour(3_600 / processes)}, so that together they stay within budget.
     */
    public static WhenUnavailable localShare(RateLimiter share) {
      if (share == null) throw new NullPointerException("share == null");
      return new WhenUnavailable("localShare(" + share + ")", share);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** Builds a {@link RedisRateLimiter}. */
  public static final class Builder {
    private URI uri;
    private UnifiedJedis client;
    private String keyPrefix = DEFAULT_KEY_PREFIX;
    private String budget;
    private int permits;
    private Duration window;
    private Duration maxWait;
    private Duration timeout = Duration.ofSeconds(1);
    private int maxConnections = 64;
    private WhenUnavailable whenUnavailable = WhenUnavailable.BLOCK;

    Builder() {}

    /**
     * The Redis to use: {@code redis://[user:password@]host:port[/db]}, or {@code rediss://} for
     * TLS; the limiter builds its own client, with every wait bounded by {@link #timeout}. Either
     * this or {@link #client}.
     */
    public Builder uri(String uri) {
      if (uri == null) throw new NullPointerException("uri == null");
      this.uri = URI.create(uri);
      this.client = null;
      return this;
    }

    /** A client of your own, with your (bounded) timeouts; not closed by the limiter. */
    public Builder client(UnifiedJedis client) {
      if (client == null) throw new NullPointerException("client == null");
      this.client = client;
      this.uri = null;
      return this;
    }

    /**
     * The name of the budget: every limiter with the same name (and prefix) on the same Redis
     * shares one budget, such as {@code "flickr:" + apiKey}. Required.
     */
    public Builder budget(String budget) {
      if (budget == null) throw new NullPointerException("budget == null");
      if (budget.isEmpty()) throw new IllegalArgumentException("budget is empty");
      this.budget = budget;
      return this;
    }

    /** The prefix of the budget's key, {@value #DEFAULT_KEY_PREFIX} by default. */
    public Builder keyPrefix(String keyPrefix) {
      if (keyPrefix == null) throw new NullPointerException("keyPrefix == null");
      this.keyPrefix = keyPrefix;
      return this;
    }

    /**
     * At most {@code permits} calls in any {@code window}, over every process sharing the budget.
     * Required. Every limiter of one budget must say the same.
     */
    public Builder permits(int permits, Duration window) {
      if (permits < 1) throw new IllegalArgumentException("permits < 1: " + permits);
      this.window = RedisNonceStore.positive(window, "window");
      if (this.window.toNanos() / 1000 < 1) {
        throw new IllegalArgumentException("window must be at least 1 µs: " + window);
      }
      this.permits = permits;
      return this;
    }

    /**
     * The longest a call waits for its turn (or, with {@link WhenUnavailable#BLOCK}, for Redis);
     * one window by default. A call whose turn is further away fails at once with an {@link
     * IOException} and takes nothing.
     */
    public Builder maxWait(Duration maxWait) {
      this.maxWait = RedisNonceStore.positive(maxWait, "maxWait");
      return this;
    }

    /**
     * How long a call waits for Redis when this limiter built the client from {@link #uri}; 1
     * second by default (each wait, for a free connection, to connect or for the reply, is bounded
     * by half of it).
     */
    public Builder timeout(Duration timeout) {
      this.timeout = RedisNonceStore.positive(timeout, "timeout");
      return this;
    }

    /** The most connections a client built from {@link #uri} opens at once; 64 by default. */
    public Builder maxConnections(int maxConnections) {
      if (maxConnections < 1) throw new IllegalArgumentException("maxConnections < 1");
      this.maxConnections = maxConnections;
      return this;
    }

    /** What to do when Redis cannot be asked; {@link WhenUnavailable#BLOCK} by default. */
    public Builder whenUnavailable(WhenUnavailable whenUnavailable) {
      if (whenUnavailable == null) throw new NullPointerException("whenUnavailable == null");
      this.whenUnavailable = whenUnavailable;
      return this;
    }

    /**
     * Returns the limiter. A client built from a URI connects lazily: building succeeds while Redis
     * is down.
     *
     * @throws IllegalStateException if the Redis, the budget or the permits are missing
     */
    public RedisRateLimiter build() {
      if (uri == null && client == null) {
        throw new IllegalStateException("uri == null && client == null: say which Redis to use");
      }
      if (budget == null) throw new IllegalStateException("budget == null: name the budget");
      if (window == null) {
        throw new IllegalStateException("permits not set: say how many calls per window");
      }
      return new RedisRateLimiter(this);
    }
  }
}
