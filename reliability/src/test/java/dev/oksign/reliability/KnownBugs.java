package dev.oksign.reliability;

import dev.oksign.testing.FakeFlickr;

/**
 * Open bugs of other modules that the tests must work around to run at all. While a bug is open its
 * workaround here lets the tests step over it, so the default run stays green; {@link
 * KnownBugsTest} reproduces the open bugs and fails until they are fixed. Run with {@code
 * -Dreliability.knownBugs.enforce=true} to switch the workarounds off. Delete one once its fix
 * lands.
 */
final class KnownBugs {
  private KnownBugs() {}

  static final boolean ENFORCE = Boolean.getBoolean("reliability.knownBugs.enforce");

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
