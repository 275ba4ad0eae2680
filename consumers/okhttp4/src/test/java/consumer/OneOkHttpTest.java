package consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import okhttp3.OkHttp;
import org.junit.jupiter.api.Test;

/** The class path Maven resolved for this project holds one OkHttp, the version the user chose. */
class OneOkHttpTest {
  @Test
  void exactlyOneJarProvidesOkHttpClient() throws IOException {
    List<URL> copies = copiesOf("okhttp3/OkHttpClient.class");
    System.out.println("okhttp3.OkHttpClient is provided by " + copies);
    assertEquals(1, copies.size(), "jars that provide okhttp3.OkHttpClient: " + copies);
  }

  @Test
  void exactlyOneJarProvidesOkio() throws IOException {
    List<URL> copies = copiesOf("okio/Buffer.class");
    assertEquals(1, copies.size(), "jars that provide okio.Buffer: " + copies);
  }

  @Test
  void theOkHttpLoadedIsTheOneDeclared() {
    System.out.println("OkHttp loaded: " + OkHttp.VERSION);
    assertEquals(System.getProperty("expected.okhttp.version"), OkHttp.VERSION);
  }

  private static List<URL> copiesOf(String resource) throws IOException {
    return Collections.list(OneOkHttpTest.class.getClassLoader().getResources(resource));
  }
}
