package dev.oksign.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that starts a {@link FakeFlickr} before each test and stops it after.
 *
 * <pre>{@code
 * class PhotosetTest {
 *   @RegisterExtension final FakeFlickrExtension flickr = new FakeFlickrExtension();
 *
 *   @Test void pagesThroughAPhotoset() {
 *     FakeFlickr fake = flickr.fake();
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>A test method may also take the fake as a parameter: {@code @Test void login(FakeFlickr
 * fake)}.
 *
 * <p>Needs {@code junit-jupiter-api} on the class path, which tests have; the rest of this module
 * does not.
 */
public final class FakeFlickrExtension
    implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private final FakeFlickr.Builder builder;
  private FakeFlickr fake;

  /** An extension with the default fake: demo credentials, default data, system clock. */
  public FakeFlickrExtension() {
    this(FakeFlickr.builder());
  }

  /** An extension that builds each test's fake with {@code builder}. */
  public FakeFlickrExtension(FakeFlickr.Builder builder) {
    if (builder == null) throw new NullPointerException("builder == null");
    this.builder = builder;
  }

  /**
   * The fake of the running test, started.
   *
   * @throws IllegalStateException outside a test
   */
  public FakeFlickr fake() {
    if (fake == null) throw new IllegalStateException("no test is running");
    return fake;
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    fake = builder.build();
    fake.start();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (fake != null) {
      fake.close();
      fake = null;
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == FakeFlickr.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return fake();
  }
}
