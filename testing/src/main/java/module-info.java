/**
 * Test support for oksign: {@link dev.oksign.testing.FakeFlickr}, a fake Flickr on loopback that
 * verifies OAuth 1.0a signatures and answers as Flickr does.
 */
module dev.oksign.testing {
  requires transitive dev.oksign;
  requires transitive okhttp3;
  requires static transitive org.junit.jupiter.api;

  exports dev.oksign.testing;
}
