package mockwebserver3.junit5;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import mockwebserver3.junit5.internal.StartStopExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * OkHttp 5's {@code @StartStop}: the annotated {@code MockWebServer} field is started before each
 * test (before all tests, for a static field) and closed after.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(StartStopExtension.class)
public @interface StartStop {}
