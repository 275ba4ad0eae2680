package dev.oksign.reliability;

import dev.oksign.OAuth1Signer;
import dev.oksign.Placement;
import dev.oksign.testing.FakeFlickr;
import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import okhttp3.Request;

/**
 * Bugs the fuzz targets found in other modules and that are not fixed yet. While a bug is open its
 * predicate lets the harness step over the inputs that trigger it, so the default run stays green
 * and the fuzzer can look for other bugs; {@link KnownBugsTest} reproduces each one and fails until
 * it is fixed. Run with {@code -Dreliability.knownBugs.enforce=true} to make the fuzz targets fail
 * on them again. Delete a predicate once its fix lands.
 */
final class KnownBugs {
  private KnownBugs() {}

  static final boolean ENFORCE = Boolean.getBoolean("reliability.knownBugs.enforce");

  /**
   * core, {@code OAuth1Signer} with {@link Placement#FORM_BODY}: the protocol parameters (the
   * signature included) are written into the body percent-encoded as UTF-8, but a body that
   * declares another charset (ISO-8859-1, UTF-16) has its escapes decoded in that charset by the
   * server, so a non-ASCII callback or token, or any signature with {@code + / =} in UTF-16, no
   * longer matches: {@code signature_invalid}.
   */
  static boolean formPlacementInAnotherCharset(OAuth1Signer signer, Request request) {
    if (ENFORCE || signer.placement() != Placement.FORM_BODY || request.body() == null)
      return false;
    MediaType type = request.body().contentType();
    return type != null && type.charset() != null && !type.charset().equals(StandardCharsets.UTF_8);
  }

  /**
   * core, {@code OAuthProblemException}: the body snippet masks {@code oauth_token_secret} only
   * when the whole body parses as a form, so a token answer that is not quite a form shows the
   * token secret in the clear.
   */
  static boolean secretShownWhenNotAForm(java.util.Map<String, String> form) {
    return !ENFORCE && form == null;
  }

  /**
   * core, {@code OAuth1Signer.printableAuthorizationHeader} (746fdd9): counts 3 bytes for the
   * signature pair where 5 are written, so a header whose count lands within 2 bytes of its buffer
   * (just under 512, 1024, 2048 or 4096 bytes, or anything over 4096) throws
   * ArrayIndexOutOfBoundsException.
   */
  static boolean isHeaderBufferOverflow(Throwable t) {
    if (ENFORCE || !(t instanceof ArrayIndexOutOfBoundsException)) return false;
    for (StackTraceElement e : t.getStackTrace()) {
      if (e.getMethodName().equals("printableAuthorizationHeader")) return true;
    }
    return false;
  }

  /** {@code signer.report(request)}, or null where {@link #isHeaderBufferOverflow} hits. */
  static dev.oksign.SigningReport report(OAuth1Signer signer, Request request)
      throws java.io.IOException {
    try {
      return signer.report(request);
    } catch (ArrayIndexOutOfBoundsException e) {
      if (isHeaderBufferOverflow(e)) return null;
      throw e;
    }
  }

  /**
   * testing, {@code FakeFlickr}: its MockWebServer writes a response's headers and body in two
   * segments on sockets without TCP_NODELAY, so on Linux loopback each answer waits for the
   * client's delayed ACK, about 40 ms: 8 threads get some 160 requests/s. Until the fake sets
   * TCP_NODELAY itself ({@code server.setServerSocketFactory(...)} before {@code start}), this puts
   * a no-delay server socket factory on its private server by reflection, before it is started.
   */
  static FakeFlickr noDelay(FakeFlickr fake) {
    if (ENFORCE) return fake;
    try {
      java.lang.reflect.Field field = FakeFlickr.class.getDeclaredField("server");
      field.setAccessible(true);
      ((mockwebserver3.MockWebServer) field.get(fake))
          .setServerSocketFactory(NoDelaySockets.SERVER);
    } catch (ReflectiveOperationException | RuntimeException fixedOrChanged) {
      // The field moved or the fake sets TCP_NODELAY itself: nothing to work around.
    }
    return fake;
  }
}
