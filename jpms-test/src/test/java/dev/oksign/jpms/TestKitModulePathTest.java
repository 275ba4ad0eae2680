package dev.oksign.jpms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.oksign.flickr.Flickr;
import dev.oksign.flickr.PhotosetPage;
import dev.oksign.flickr.User;
import dev.oksign.testing.FakeFlickr;
import dev.oksign.testing.FakeFlickrData;
import dev.oksign.testing.FakeFlickrExtension;
import java.lang.module.ModuleDescriptor;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** oksign's test kit on the module path: what it exports and requires, and that FakeFlickr runs. */
class TestKitModulePathTest {
  final Module testing = FakeFlickr.class.getModule();

  @RegisterExtension final FakeFlickrExtension extension = new FakeFlickrExtension();

  @Test
  void loadsAsANamedModuleExportingOnlyItsPublicPackage() {
    assertEquals("dev.oksign.testing", testing.getName());
    assertEquals(
        Set.of("dev.oksign.testing"),
        testing.getDescriptor().exports().stream()
            .map(ModuleDescriptor.Exports::source)
            .collect(Collectors.toSet()));
    assertFalse(testing.isExported("dev.oksign.testing.internal"));
  }

  @Test
  void requiresCoreAndOkHttpTransitivelyAndJUnitOnlyForTheExtension() {
    assertEquals(Set.of(ModuleDescriptor.Requires.Modifier.TRANSITIVE), requires("dev.oksign"));
    assertEquals(Set.of(ModuleDescriptor.Requires.Modifier.TRANSITIVE), requires("okhttp3"));
    assertEquals(
        Set.of(
            ModuleDescriptor.Requires.Modifier.STATIC,
            ModuleDescriptor.Requires.Modifier.TRANSITIVE),
        requires("org.junit.jupiter.api"));
  }

  @Test
  void fakeFlickrAnswersTheFlickrClientsSignedCalls() throws Exception {
    try (FakeFlickr fake = FakeFlickr.builder().build()) {
      fake.start();
      Flickr flickr =
          Flickr.builder()
              .clientCredentials(fake.clientCredentials())
              .token(fake.issueAccessToken())
              .restBaseUrl(fake.restBaseUrl())
              .oauthBaseUrl(fake.oauthBaseUrl())
              .build();

      User me = flickr.test().login().execute().body();
      PhotosetPage set =
          flickr.photosets().getPhotos(FakeFlickrData.PHOTOSET_1234_ID).execute().body();

      assertEquals(FakeFlickrData.DEMO_USER_NSID, me.id());
      assertEquals(1234, set.total());
      assertEquals(2, fake.requestCount());
    }
  }

  @Test
  void theJUnitExtensionStartsOneAndResolvesItAsAParameter(FakeFlickr fake) {
    assertEquals(extension.fake(), fake);
    assertEquals("dev.oksign.testing", FakeFlickrExtension.class.getModule().getName());
    assertEquals("org.junit.jupiter.api", RegisterExtension.class.getModule().getName());
    assertEquals("/services/rest/", fake.restBaseUrl().encodedPath());
  }

  private Set<ModuleDescriptor.Requires.Modifier> requires(String name) {
    return testing.getDescriptor().requires().stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .orElseThrow()
        .modifiers();
  }
}
