package dev.oksign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oksign.internal.InMemoryNonceStore;
import java.io.IOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Attacks on the server side: a provider on a loopback socket verifies every request with {@link
 * OAuth1Verifier} and answers {@code valid} or the {@code oauth_problem}; the attacker speaks HTTP
 * to it through OkHttp.
 */
class VerifierSecurityTest {
  static final long NOW = 1_700_000_000L;
  static final MediaType JSON = MediaType.get("application/json");

  @StartStop MockWebServer server = new MockWebServer();

  volatile OAuth1Verifier verifier;
  final OkHttpClient client = new OkHttpClient();
  final AtomicInteger nonces = new AtomicInteger();

  @BeforeEach
  void provider() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            Verification v =
                verifier.verify(
                    request.getMethod(),
                    request.getUrl(),
                    request.getHeaders(),
                    request.getBody() == null ? null : request.getBody().toByteArray());
            return new MockResponse.Builder()
                .code(v.isValid() ? 200 : 401)
                .body(v.isValid() ? "valid" : v.problem())
                .build();
          }
        });
  }

  static Clock at(long epochSecond) {
    return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
  }

  OAuth1Verifier.Builder verifier() {
    return OAuth1Verifier.builder().clock(at(NOW));
  }

  OAuth1Signer.Builder signer(String key, String secret) {
    return OAuth1Signer.builder()
        .clientCredentials(key, secret)
        .clock(at(NOW))
        .nonces(() -> "n" + nonces.incrementAndGet());
  }

  Request get() {
    return new Request.Builder().url(server.url("/api?photo=1")).build();
  }

  /** What the provider answered: {@code valid} or the problem. */
  String send(Request request) throws IOException {
    try (Response response = client.newCall(request).execute()) {
      return response.body().string();
    }
  }

  static String withSignature(Request signed, String signature) {
    return signed
        .header("Authorization")
        .replaceAll(
            "oauth_signature=\"[^\"]*\"",
            "oauth_signature=\"" + OAuth1InterceptorTest.OkPercent.encode(signature) + "\"");
  }

  // Issue 16.4: with an empty secret for the RSA consumer (as the Javadoc once suggested), anyone
  // signed as that consumer with HMAC-SHA1 and the key "&".
  @Test
  void nobodySignsAsAnRsaConsumerWithHmacAndAnEmptySecret() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(1024); // a test key, made fast
    KeyPair keys = generator.generateKeyPair();
    verifier =
        verifier()
            .clientSecrets(
                key ->
                    key.equals("hmac-client")
                        ? "hmac-secret"
                        : key.equals("rsa-client") ? "" : null)
            .rsaSha1PublicKeys(key -> key.equals("rsa-client") ? keys.getPublic() : null)
            .build();

    SigningReport attack = signer("rsa-client", "anything").build().report(get());
    String forged = Rfc5849ExamplesTest.jdkHmacSha1("&", attack.baseString());
    Request forgery =
        attack
            .signedRequest()
            .newBuilder()
            .header("Authorization", withSignature(attack.signedRequest(), forged))
            .build();
    assertThat(send(forgery)).isEqualTo("signature_method_rejected");

    // The consumers themselves, each with its own method and key.
    assertThat(
            send(
                signer("rsa-client", "unused")
                    .signatureMethod(SignatureMethod.rsaSha1(keys.getPrivate()))
                    .build()
                    .sign(get())))
        .isEqualTo("valid");
    assertThat(send(signer("hmac-client", "hmac-secret").build().sign(get()))).isEqualTo("valid");
    // An HMAC consumer has no RSA key: a key pair of its own making gets it nowhere.
    KeyPair own = generator.generateKeyPair();
    assertThat(
            send(
                signer("hmac-client", "hmac-secret")
                    .signatureMethod(SignatureMethod.rsaSha1(own.getPrivate()))
                    .build()
                    .sign(get())))
        .isEqualTo("signature_method_rejected");
  }

  @Test
  void anEmptySecretIsNoKeyAndRsaKeysBelongToTheBuilder() throws Exception {
    verifier = verifier().clientSecrets(key -> "").build();
    SigningReport attack = signer("anyone", "anything").build().report(get());
    Request forgery =
        attack
            .signedRequest()
            .newBuilder()
            .header(
                "Authorization",
                withSignature(
                    attack.signedRequest(),
                    Rfc5849ExamplesTest.jdkHmacSha1("&", attack.baseString())))
            .build();
    assertThat(send(forgery)).isEqualTo("consumer_key_unknown");

    KeyPair keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
    assertThatThrownBy(
            () ->
                OAuth1Verifier.builder()
                    .signatureMethods(SignatureMethod.rsaSha1(keys.getPrivate())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rsaSha1PublicKeys");
    assertThatThrownBy(() -> OAuth1Verifier.builder().build())
        .isInstanceOf(IllegalStateException.class);
  }

  // Issue 16.5: one cut-off for all consumers let one consumer make everybody's fresh requests
  // look like replays for a whole window.
  @Test
  void oneConsumerFillingTheNonceStoreLocksOutNobodyElse() throws Exception {
    verifier =
        verifier()
            .clientSecrets(key -> key.equals("mallory") ? "m-secret" : "b-secret")
            .nonceStore(NonceStore.inMemory(10))
            .build();
    Request before = signer("bob", "b-secret").build().sign(get());
    assertThat(send(before)).isEqualTo("valid");

    // Capacity + 1 valid requests, dated at the far end of the window. The store fills up on the
    // tenth: from then on, the oldest entries of the consumer holding the most are dropped.
    OAuth1Signer mallory = signer("mallory", "m-secret").clock(at(NOW + 299)).build();
    for (int i = 0; i < 9; i++) assertThat(send(mallory.sign(get()))).isEqualTo("valid");
    send(mallory.sign(get()));
    send(mallory.sign(get()));

    assertThat(send(signer("bob", "b-secret").build().sign(get()))).isEqualTo("valid");
    assertThat(send(signer("carol", "b-secret").build().sign(get()))).isEqualTo("valid");
    assertThat(send(before)).as("bob's replay").isEqualTo("nonce_used");
    // Mallory's own requests pay for the flood.
    assertThat(send(signer("mallory", "m-secret").build().sign(get()))).isEqualTo("nonce_used");
  }

  // Issue 16.6: 64 KB nonces were kept whole; 5,000 of them took 321 MB.
  @Test
  void aNonceLongerThan128CharactersIsRejected() throws Exception {
    verifier = verifier().clientSecrets(key -> "secret").build();
    char[] huge = new char[4096];
    Arrays.fill(huge, 'x');
    assertThat(send(signer("k", "secret").nonces(() -> new String(huge)).build().sign(get())))
        .isEqualTo("parameter_rejected");
    assertThat(send(signer("k", "secret").nonces(() -> "y".repeat(129)).build().sign(get())))
        .isEqualTo("parameter_rejected");
    assertThat(send(signer("k", "secret").nonces(() -> "z".repeat(128)).build().sign(get())))
        .isEqualTo("valid");
  }

  @Test
  void theNonceStoreStaysWithinItsBytes() {
    long maxBytes = 1 << 20;
    InMemoryNonceStore store = new InMemoryNonceStore(1_000_000, maxBytes);
    String longNonce = "n".repeat(120);
    for (int i = 0; i < 50_000; i++) {
      assertThat(store.record("consumer" + (i % 3), "token", NOW + i / 1000, longNonce + i, 0))
          .isTrue();
      assertThat(store.bytes()).isLessThanOrEqualTo(maxBytes);
    }
    // Each entry is counted as its ~144-character key plus a fixed overhead: ~424 bytes, ~2,470.
    assertThat(store.size()).isBetween(2_000, 2_500);
    assertThatThrownBy(() -> NonceStore.inMemory(10, 10))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // Issue 16.7: a request signed with oauth_body_hash kept verifying with its JSON body swapped.
  @Test
  void aSwappedBodyIsRefusedWhenTheRequestCarriesABodyHash() throws Exception {
    verifier = verifier().clientSecrets(key -> "secret").build();
    Request signed =
        signer("k", "secret")
            .bodyHash(true)
            .build()
            .sign(
                new Request.Builder()
                    .url(server.url("/pay"))
                    .post(RequestBody.create("{\"amount\":1}", JSON))
                    .build());
    assertThat(signed.header("Authorization")).contains("oauth_body_hash=");
    Request swapped =
        signed.newBuilder().post(RequestBody.create("{\"amount\":1000}", JSON)).build();
    assertThat(send(swapped)).isEqualTo("parameter_rejected");
    assertThat(send(signed)).isEqualTo("valid");
  }

  @Test
  void aBodyHashOnAFormBodyIsRefused() throws Exception {
    verifier = verifier().clientSecrets(key -> "secret").build();
    // Signed over an empty JSON body, sent with an empty form body: same base string, same hash.
    Request signed =
        signer("k", "secret")
            .bodyHash(true)
            .build()
            .sign(
                new Request.Builder()
                    .url(server.url("/pay"))
                    .post(RequestBody.create(new byte[0], JSON))
                    .build());
    Request asForm =
        signed
            .newBuilder()
            .post(
                RequestBody.create(new byte[0], MediaType.get("application/x-www-form-urlencoded")))
            .build();
    assertThat(send(asForm)).isEqualTo("parameter_rejected");
    assertThat(send(signed)).isEqualTo("valid");
  }

  // Issue 16.8: PLAINTEXT verified over plain http, where anyone on the path reads both secrets.
  @Test
  void plaintextOverPlainHttpIsRefusedUnlessCleartextSecretsAreAccepted() throws Exception {
    OAuth1Verifier.Builder plaintext =
        verifier()
            .clientSecrets(key -> "consumer-secret")
            .signatureMethods(SignatureMethod.PLAINTEXT);
    OAuth1Signer signer =
        signer("k", "consumer-secret").signatureMethod(SignatureMethod.PLAINTEXT).build();
    // The signer itself refuses to send PLAINTEXT over http; report() makes the request anyway.
    verifier = plaintext.build();
    assertThat(send(signer.report(get()).signedRequest())).isEqualTo("signature_method_rejected");
    verifier = plaintext.acceptCleartextSecrets(true).build();
    assertThat(send(signer.report(get()).signedRequest())).isEqualTo("valid");
  }

  @Test
  void theBodyOfAVerifiedRequestIsReadForItsHash() throws Exception {
    OAuth1Verifier direct =
        OAuth1Verifier.builder().clientSecrets(key -> "secret").clock(at(NOW)).build();
    Request signed =
        signer("k", "secret")
            .bodyHash(true)
            .build()
            .sign(
                new Request.Builder()
                    .url("https://api.example.com/pay")
                    .post(RequestBody.create("{\"amount\":1}", JSON))
                    .build());
    assertThat(direct.verify(signed).isValid()).isTrue();
    Request swapped = signed.newBuilder().post(RequestBody.create("{}", JSON)).build();
    assertThat(direct.verify(swapped).problem()).isEqualTo("parameter_rejected");
  }
}
