package dev.oksign.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oksign.OAuth1Signer;
import dev.oksign.OAuth1Verifier;
import dev.oksign.Verification;
import dev.oksign.flickr.Flickr;
import dev.oksign.redis.RedisNonceStore;
import dev.oksign.redis.RedisRateLimiter;
import dev.oksign.redis.RedisServer;
import java.time.Duration;
import java.util.Map;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The README's "Several processes: Redis" block, run against a real redis-server on loopback: a
 * request accepted by one verifier is refused as a replay by another that shares the Redis, and the
 * budget is drawn from Redis. {@link ReadmeSnippetsTest} checks the block word for word against
 * this copy.
 */
final class ReadmeRedisSnippetTest {
  @RegisterExtension static final RedisServer redis = new RedisServer();

  @Test
  void sharedNoncesAndBudget() throws Exception {
    String redisUri = redis.uri(); // not in README
    String apiKey = "key";
    String apiSecret = "secret";
    Map<String, String> consumers = Map.of(apiKey, apiSecret);

    OAuth1Verifier verifier =
        OAuth1Verifier.builder()
            .clientSecrets(consumers::get)
            .nonceStore(RedisNonceStore.create(redisUri)) // a replay to any instance is refused
            .build();
    RedisRateLimiter budget =
        RedisRateLimiter.builder()
            .uri(redisUri)
            .budget("flickr:" + apiKey)
            .permits(3_600, Duration.ofHours(1))
            .build();
    Flickr flickr =
        Flickr.builder().clientCredentials(apiKey, apiSecret).rateLimiter(budget).build();

    OAuth1Verifier otherInstance =
        OAuth1Verifier.builder()
            .clientSecrets(consumers::get)
            .nonceStore(RedisNonceStore.create(redisUri))
            .build();
    Request signed =
        OAuth1Signer.builder()
            .clientCredentials(apiKey, apiSecret)
            .build()
            .sign(new Request.Builder().url("https://api.example.com/photos?x=1").build());
    Verification first = verifier.verify(signed);
    Verification replay = otherInstance.verify(signed);
    assertThat(first.isValid()).as(first.toString()).isTrue();
    assertThat(replay.isValid()).isFalse();
    assertThat(replay.problem()).isEqualTo("nonce_used");

    budget.acquire();
    assertThat(redis.integer("ZCARD oksign:budget:flickr:key")).isEqualTo(1);
    assertThat(flickr).isNotNull();
    budget.close();
  }
}
