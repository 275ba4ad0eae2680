package dev.oksign.flickr;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.oksign.Token;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * A 20 MiB photo goes out in chunks, never whole in memory: it comes from a stream that generates
 * its bytes and is never materialised, the server keeps only the first 64 KiB, and the calling
 * thread (which writes the body for {@code execute()}) allocates far less than the photo's size.
 */
class StreamedUploadTest {
  static final long PHOTO_BYTES = 20L * 1024 * 1024;

  @StartStop MockWebServer server = new MockWebServer();

  /** Bytes {@code i % 251}, made on demand; records the largest read asked of it. */
  static final class GeneratedPhoto extends InputStream {
    final long length;
    long position;
    int largestRead;
    boolean closed;

    GeneratedPhoto(long length) {
      this.length = length;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      largestRead = Math.max(largestRead, len);
      if (position >= length) return -1;
      int n = (int) Math.min(len, length - position);
      for (int i = 0; i < n; i++) b[off + i] = (byte) ((position + i) % 251);
      position += n;
      return n;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void twentyMegabytePhotoIsStreamedInChunksWithBoundedHeap() throws Exception {
    AllocationCounter threads = AllocationCounter.get();
    server.setBodyLimit(64 * 1024);
    Flickr flickr =
        Flickr.builder()
            .clientCredentials("key", "secret")
            .token(new Token("token", "token-secret"))
            .uploadBaseUrl(server.url("/services/"))
            .build();
    FlickrUploads uploads =
        new FlickrUploads(flickr.client(), flickr.uploadBaseUrl(), flickr.token(), () -> "b");
    GeneratedPhoto photo = new GeneratedPhoto(PHOTO_BYTES);
    AtomicLong progressCalls = new AtomicLong();
    AtomicLong lastSent = new AtomicLong();
    AtomicLong progressErrors = new AtomicLong();
    PhotoUpload upload =
        PhotoUpload.builder(photo, PHOTO_BYTES, "big.jpg")
            .title("Big")
            .progressListener(
                (sent, total) -> {
                  // No assertion objects here: they would count as allocations of the upload.
                  if (total != PHOTO_BYTES || sent <= lastSent.get())
                    progressErrors.incrementAndGet();
                  lastSent.set(sent);
                  progressCalls.incrementAndGet();
                })
            .build();

    // A first, small upload: class loading and connection set-up are not the upload's cost.
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .body("<rsp stat=\"ok\"><photoid>1</photoid></rsp>")
            .build());
    uploads.upload(PhotoUpload.builder(new GeneratedPhoto(1), 1, "warm.jpg").build()).execute();
    assertThat(server.takeRequest(5, SECONDS)).isNotNull();
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "text/xml; charset=utf-8")
            .body("<rsp stat=\"ok\"><photoid>52900000001</photoid></rsp>")
            .build());

    long threadId = Thread.currentThread().getId();
    long allocatedBefore = threads.getThreadAllocatedBytes(threadId);
    UploadResult result = uploads.upload(upload).execute().body();
    long allocated = threads.getThreadAllocatedBytes(threadId) - allocatedBefore;

    assertThat(result.photoId()).isEqualTo("52900000001");
    RecordedRequest request = server.takeRequest(5, SECONDS);
    String head =
        "--b\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nBig\r\n"
            + "--b\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"big.jpg\"\r\n"
            + "Content-Type: image/jpeg\r\n\r\n";
    String tail = "\r\n--b--\r\n";
    assertThat(request.getBodySize()).isEqualTo(head.length() + PHOTO_BYTES + tail.length());
    assertThat(request.getBody().size()).isEqualTo(64 * 1024);
    assertThat(request.getBody().substring(0, head.length()).utf8()).isEqualTo(head);
    assertThat(request.getBody().getByte(head.length() + 300) & 0xff).isEqualTo(300 % 251);

    assertThat(photo.position).isEqualTo(PHOTO_BYTES);
    assertThat(photo.closed).isTrue();
    assertThat(photo.largestRead).isLessThanOrEqualTo(PhotoBody.CHUNK);
    assertThat(progressErrors.get()).as("calls not increasing or with another total").isZero();
    assertThat(lastSent.get()).isEqualTo(PHOTO_BYTES);
    assertThat(progressCalls.get()).isEqualTo(PHOTO_BYTES / PhotoBody.CHUNK);
    // Buffering the photo would allocate at least its 20 MiB on this thread; streaming it takes
    // about 200 KB, whatever the photo's size.
    assertThat(allocated).isLessThan(2L * 1024 * 1024);
  }

  /**
   * HotSpot's per-thread allocation counter ({@code com.sun.management.ThreadMXBean}), reached
   * reflectively: the tests compile inside this module, which does not read {@code jdk.management}.
   * Skips the test on a JVM without it.
   */
  static final class AllocationCounter {
    private final Object bean;
    private final Method allocatedBytes;

    private AllocationCounter(Object bean, Method allocatedBytes) {
      this.bean = bean;
      this.allocatedBytes = allocatedBytes;
    }

    static AllocationCounter get() {
      try {
        Object bean =
            Class.forName("java.lang.management.ManagementFactory")
                .getMethod("getThreadMXBean")
                .invoke(null);
        Class<?> type = Class.forName("com.sun.management.ThreadMXBean");
        assumeTrue(type.isInstance(bean), "no per-thread allocation counter");
        assumeTrue(
            (Boolean) type.getMethod("isThreadAllocatedMemorySupported").invoke(bean),
            "no per-thread allocation counter");
        type.getMethod("setThreadAllocatedMemoryEnabled", boolean.class).invoke(bean, true);
        return new AllocationCounter(bean, type.getMethod("getThreadAllocatedBytes", long.class));
      } catch (ReflectiveOperationException e) {
        assumeTrue(false, "no per-thread allocation counter: " + e);
        throw new AssertionError(e);
      }
    }

    long getThreadAllocatedBytes(long threadId) throws ReflectiveOperationException {
      return (Long) allocatedBytes.invoke(bean, threadId);
    }
  }
}
