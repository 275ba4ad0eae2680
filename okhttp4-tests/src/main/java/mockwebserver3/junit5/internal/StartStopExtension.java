package mockwebserver3.junit5.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Starts {@link StartStop} servers and closes them when the test (or class) is done. */
public final class StartStopExtension implements BeforeAllCallback, BeforeEachCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(StartStopExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    startAll(context, null);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    startAll(context, context.getRequiredTestInstance());
  }

  private static void startAll(ExtensionContext context, Object instance) throws Exception {
    for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (!field.isAnnotationPresent(StartStop.class)
            || Modifier.isStatic(field.getModifiers()) != (instance == null)) {
          continue;
        }
        field.setAccessible(true);
        MockWebServer server = (MockWebServer) field.get(instance);
        server.start();
        // JUnit closes AutoCloseable values when the context's store is closed.
        context.getStore(NAMESPACE).put(field, server);
      }
    }
  }
}
