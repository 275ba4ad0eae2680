/**
 * An application module that uses oksign from the module path. It requires only oksign's modules:
 * OkHttp, Retrofit and Moshi reach it through their {@code requires transitive}. It requires the
 * test kit too, so that its tests run {@code FakeFlickr} as a named module (a user's module would
 * read it in its tests only).
 */
module dev.oksign.jpms {
  requires dev.oksign;
  requires dev.oksign.flickr;
  requires dev.oksign.testing;
}
