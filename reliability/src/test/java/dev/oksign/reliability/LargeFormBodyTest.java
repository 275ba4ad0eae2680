package dev.oksign.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oksign.OAuth1Signer;
import dev.oksign.Placement;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue #17, item 7: the heap it takes to sign a large form body, in a child JVM: signing must
 * succeed with a heap of 48 MB (the JVM, OkHttp and the test's own classes) plus eight times the
 * body, the body itself included; with {@code -Dreliability.full=true} the smallest heap that signs
 * is searched for and recorded, for RELIABILITY.md.
 */
class LargeFormBodyTest {
  @ParameterizedTest(name = "{0} MB, {1}, {2}")
  @CsvSource({
    "1, raw, AUTHORIZATION_HEADER",
    "10, raw, AUTHORIZATION_HEADER",
    "50, raw, AUTHORIZATION_HEADER",
    "50, FormBody, AUTHORIZATION_HEADER",
    "50, raw, FORM_BODY",
  })
  void signsALargeFormBodyInASmallMultipleOfItsSize(int megabytes, String kind, String placement)
      throws Exception {
    int heap = 48 + 8 * megabytes;
    String result = sign(heap, megabytes, kind, placement);
    assertThat(result).as("-Xmx%dm: %s", heap, result).startsWith("signed");
    String name = "largeFormBody." + megabytes + "MB." + kind + "." + placement;
    Figures.record(name + ".signsWithXmx" + heap + "m", result);
    if (!Figures.full()) return;
    int low = 8; // fails
    int high = heap; // signs
    while (high - low > Math.max(2, high / 20)) {
      int mid = (low + high) / 2;
      if (sign(mid, megabytes, kind, placement).startsWith("signed")) {
        high = mid;
      } else {
        low = mid;
      }
    }
    Figures.record(name + ".smallestXmxMB", high);
  }

  /** Signs in a child JVM with a heap of {@code heapMb}; returns what it printed. */
  private static String sign(int heapMb, int megabytes, String kind, String placement)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heapMb + "m");
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(LargeFormBodyTest.class.getName());
    command.add(Integer.toString(megabytes));
    command.add(kind);
    command.add(placement);
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    child.getInputStream().transferTo(out);
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String printed = out.toString(StandardCharsets.UTF_8).trim();
    return child.exitValue() == 0 ? printed : "failed: " + printed;
  }

  /**
   * The child: builds a form body of about {@code args[0]} MB (text with spaces, escapes and
   * non-ASCII, as a long description is), signs it once, prints the extra heap as a multiple.
   */
  public static void main(String[] args) throws IOException {
    int size = Integer.parseInt(args[0]) << 20;
    boolean raw = args[1].equals("raw");
    Placement placement = Placement.valueOf(args[2]);
    String text = "Sunset over the sea, Île de Ré (f/8 & 1/250 s): waves + gulls = 100% café. ";
    StringBuilder value = new StringBuilder(size);
    while (value.length() < size * 0.68) value.append(text); // about size bytes once encoded
    FormBody form =
        new FormBody.Builder()
            .add("method", "flickr.photos.setMeta")
            .add("description", value.toString())
            .build();
    value = null;
    Request request;
    if (raw) {
      okio.Buffer buffer = new okio.Buffer();
      form.writeTo(buffer);
      byte[] bytes = buffer.readByteArray();
      request =
          new Request.Builder()
              .url("https://api.flickr.com/services/rest/")
              .post(RequestBody.create(bytes, MediaType.get("application/x-www-form-urlencoded")))
              .build();
    } else {
      request =
          new Request.Builder().url("https://api.flickr.com/services/rest/").post(form).build();
    }
    long bodyBytes = request.body().contentLength();
    form = null;
    OAuth1Signer signer =
        OAuth1Signer.builder().clientCredentials("key", "secret").placement(placement).build();
    signer.sign(
        new Request.Builder()
            .url("https://api.flickr.com/services/rest/")
            .post(new FormBody.Builder().add("a", "b").build())
            .build()); // classes loaded

    Request signed;
    try {
      signed = signer.sign(request);
      okio.BufferedSink wire = okio.Okio.buffer(okio.Okio.blackhole());
      signed.body().writeTo(wire); // as it is sent: streamed, never held whole
      wire.flush();
    } catch (OutOfMemoryError e) {
      System.out.println("OutOfMemoryError signing a body of " + bodyBytes + " bytes");
      System.exit(3);
      return;
    }
    System.out.println("signed a body of " + bodyBytes + " bytes");
  }
}
