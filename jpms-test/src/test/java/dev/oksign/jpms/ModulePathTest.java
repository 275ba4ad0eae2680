package dev.oksign.jpms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oksign.OAuth1Signer;
import dev.oksign.Token;
import dev.oksign.flickr.Flickr;
import dev.oksign.flickr.User;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** oksign's modules on the module path: what they export and require, and that their API works. */
class ModulePathTest {
  /** Flickr's published Authorization header for its request_token example. */
  static final String FLICKR_AUTHORIZATION =
      "OAuth oauth_callback=\"http%3A%2F%2Fwww.wackylabs.net%2Foauth%2Ftest\", "
          + "oauth_consumer_key=\"768fe946d252b119746fda82e1599980\", "
          + "oauth_nonce=\"C2F26CD5C075BA9050AD8EE90644CF29\", "
          + "oauth_signature=\"0fhNGlzpFNAsTme%2FhDfUb5HPB5U%3D\", "
          + "oauth_signature_method=\"HMAC-SHA1\", "
          + "oauth_timestamp=\"1316657628\", "
          + "oauth_version=\"1.0\"";

  final Module core = OAuth1Signer.class.getModule();
  final Module flickr = Flickr.class.getModule();

  @Test
  void everythingLoadsAsNamedModules() {
    assertEquals("dev.oksign.jpms", FlickrRequestToken.class.getModule().getName());
    assertEquals("dev.oksign", core.getName());
    assertEquals("dev.oksign.flickr", flickr.getName());
    assertEquals("okhttp3", OkHttpClient.class.getModule().getName());
    Module retrofit = retrofit2.Retrofit.class.getModule();
    assertEquals("retrofit2", retrofit.getName());
    assertTrue(retrofit.getDescriptor().isAutomatic(), "Retrofit is an automatic module");
  }

  @Test
  void eachModuleExportsOnlyItsPublicPackage() {
    assertEquals(Set.of("dev.oksign"), exports(core));
    assertEquals(Set.of("dev.oksign.flickr"), exports(flickr));
    assertFalse(core.isExported("dev.oksign.internal"));
    assertFalse(flickr.isExported("dev.oksign.flickr.internal"));
  }

  @Test
  void coreRequiresOkHttpTransitively() {
    assertEquals(Set.of(ModuleDescriptor.Requires.Modifier.TRANSITIVE), requires(core, "okhttp3"));
  }

  @Test
  void flickrRequiresCoreRetrofitAndMoshiTransitively() {
    // Its API's types come from them: a user's module reads them through it.
    for (String module : new String[] {"dev.oksign", "retrofit2", "com.squareup.moshi"}) {
      assertEquals(
          Set.of(ModuleDescriptor.Requires.Modifier.TRANSITIVE), requires(flickr, module), module);
    }
  }

  @Test
  void internalsAreClosedToOtherModules() throws Exception {
    Class<?> percent = Class.forName("dev.oksign.internal.Percent");
    assertThrows(
        IllegalAccessException.class,
        () -> percent.getMethod("encode", String.class).invoke(null, "a b"));
  }

  @Test
  void signsFlickrsExample() throws Exception {
    assertEquals(FLICKR_AUTHORIZATION, FlickrRequestToken.signDirectly());
  }

  @Test
  void readsFormBodiesThroughOkio() throws Exception {
    Request post =
        new Request.Builder()
            .url("http://api.flickr.com/services/rest/")
            .post(
                new FormBody.Builder().add("method", "flickr.test.echo").add("name", "a b").build())
            .build();
    assertEquals(
        "POST&http%3A%2F%2Fapi.flickr.com%2Fservices%2Frest%2F&method%3Dflickr.test.echo"
            + "%26name%3Da%2520b%26oauth_consumer_key%3D768fe946d252b119746fda82e1599980"
            + "%26oauth_nonce%3DC2F26CD5C075BA9050AD8EE90644CF29"
            + "%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1316657628"
            + "%26oauth_version%3D1.0",
        FlickrRequestToken.signer().baseString(post));
  }

  @Test
  void interceptorSignsWhatOkHttpSends() throws Exception {
    try (OneShotProxy proxy = new OneShotProxy("ok")) {
      OkHttpClient client =
          new OkHttpClient.Builder()
              .proxy(proxy.proxy())
              .addNetworkInterceptor(FlickrRequestToken.interceptor())
              .build();
      try (Response response = client.newCall(FlickrRequestToken.request()).execute()) {
        assertEquals("ok", response.body().string());
      }
      List<String> head = proxy.requestHead();
      assertEquals("GET http://www.flickr.com/services/oauth/request_token HTTP/1.1", head.get(0));
      assertTrue(head.contains("Authorization: " + FLICKR_AUTHORIZATION), head::toString);
    }
  }

  @Test
  void flickrClientWorksThroughRetrofitAndMoshi() throws Exception {
    String answer =
        "{\"user\":{\"id\":\"12037949754@N01\",\"username\":{\"_content\":\"Bees\"}},"
            + "\"stat\":\"ok\"}";
    try (OneShotProxy proxy = new OneShotProxy(answer)) {
      Flickr client =
          Flickr.builder()
              .clientCredentials("653e7a6ecc1d528c516cc8f92cf98611", "3a1fc6d8d2cc4b8e")
              .token(new Token("72157626318069415-087bfc7b5816092c", "a202d1f853ec69de"))
              .restBaseUrl("http://api.flickr.com/services/rest/")
              .client(new OkHttpClient.Builder().proxy(proxy.proxy()).build())
              .build();

      User user = client.test().login().execute().body();

      assertEquals(new User("12037949754@N01", "Bees"), user);
      assertEquals(
          "GET http://api.flickr.com/services/rest/?method=flickr.test.login&format=json"
              + "&nojsoncallback=1 HTTP/1.1",
          proxy.requestHead().get(0));
    }
  }

  private static Set<String> exports(Module module) {
    return module.getDescriptor().exports().stream()
        .map(e -> e.source() + (e.isQualified() ? " to " + e.targets() : ""))
        .collect(Collectors.toSet());
  }

  private static Set<ModuleDescriptor.Requires.Modifier> requires(Module module, String name) {
    return module.getDescriptor().requires().stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .orElseThrow()
        .modifiers();
  }

  /** A loopback HTTP proxy that answers one request with 200 and a fixed body. */
  static final class OneShotProxy implements AutoCloseable {
    private final ServerSocket socket;
    private final CompletableFuture<List<String>> requestHead;

    OneShotProxy(String body) throws IOException {
      socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
      requestHead = CompletableFuture.supplyAsync(() -> answerOnce(body));
    }

    Proxy proxy() {
      return new Proxy(
          Proxy.Type.HTTP, new InetSocketAddress(socket.getInetAddress(), socket.getLocalPort()));
    }

    /** The request line, then each header line, as received. */
    List<String> requestHead() throws Exception {
      return requestHead.get(5, TimeUnit.SECONDS);
    }

    private List<String> answerOnce(String body) {
      try (Socket connection = socket.accept()) {
        connection.setSoTimeout(5_000);
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8));
        List<String> head = new ArrayList<>();
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
          head.add(line);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        OutputStream out = connection.getOutputStream();
        out.write(
            ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                    + bytes.length
                    + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.write(bytes);
        out.flush();
        return head;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
