/**
 * oksign on Redis: {@link dev.oksign.redis.RedisNonceStore}, replay protection shared by every
 * instance of a provider, and {@link dev.oksign.redis.RedisRateLimiter}, one Flickr budget shared
 * by every process that uses an API key.
 *
 * <p>Jedis ({@code redis.clients.jedis}) is an automatic module. The Flickr module is needed only
 * by {@code RedisRateLimiter}: a provider that only verifies does not need it on its path.
 */
module dev.oksign.redis {
  requires transitive dev.oksign;
  requires static transitive dev.oksign.flickr;
  requires transitive redis.clients.jedis;

  exports dev.oksign.redis;
}
