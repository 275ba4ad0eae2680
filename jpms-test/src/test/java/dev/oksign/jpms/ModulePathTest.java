package dev.oksign.jpms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oksign.OAuth1Signer;
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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** oksign-core as a named module: what it exports and requires, and that its public API works. */
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

  @Test
  void everythingLoadsAsNamedModules() {
    assertEquals("dev.oksign.jpms", FlickrRequestToken.class.getModule().getName());
    assertEquals("dev.oksign", core.getName());
    assertEquals("okhttp3", OkHttpClient.class.getModule().getName());
  }

  @Test
  void coreExportsOnlyItsPublicPackage() {
    Set<String> exports =
        core.getDescriptor().exports().stream()
            .map(e -> e.source() + (e.isQualified() ? " to " + e.targets() : ""))
            .collect(Collectors.toSet());
    assertEquals(Set.of("dev.oksign"), exports);
    assertFalse(core.isExported("dev.oksign.internal"));
  }

  @Test
  void coreRequiresOkHttpTransitively() {
    ModuleDescriptor.Requires okhttp =
        core.getDescriptor().requires().stream()
            .filter(r -> r.name().equals("okhttp3"))
            .findFirst()
            .orElseThrow();
    assertEquals(Set.of(ModuleDescriptor.Requires.Modifier.TRANSITIVE), okhttp.modifiers());
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
  void interceptorSignsWhatOkHttpSends() throws Exception {
    try (ServerSocket proxy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<String> authorization = CompletableFuture.supplyAsync(() -> answer(proxy));
      InetSocketAddress address =
          new InetSocketAddress(proxy.getInetAddress(), proxy.getLocalPort());
      OkHttpClient client =
          new OkHttpClient.Builder()
              .proxy(new Proxy(Proxy.Type.HTTP, address))
              .addNetworkInterceptor(FlickrRequestToken.interceptor())
              .build();
      try (Response response = client.newCall(FlickrRequestToken.request()).execute()) {
        assertEquals("ok", response.body().string());
      }
      assertEquals(FLICKR_AUTHORIZATION, authorization.get(5, TimeUnit.SECONDS));
    }
  }

  /** Reads one request, answers 200 "ok", and returns the request's Authorization header. */
  private static String answer(ServerSocket proxy) {
    try (Socket socket = proxy.accept()) {
      socket.setSoTimeout(5_000);
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      String authorization = null;
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        if (line.regionMatches(true, 0, "Authorization: ", 0, 15)) {
          authorization = line.substring(15);
        }
      }
      OutputStream out = socket.getOutputStream();
      out.write(
          "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
              .getBytes(StandardCharsets.UTF_8));
      out.flush();
      return authorization;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
